import { describe, expect, it } from 'vitest';
import { asTopicId } from '../../../src/core/ids.js';
import { createPhraseIndex } from '../../../src/core/matching/phrase-index.js';

// The index remembers which trie nodes each word can open a phrase with: adding and removing
// phrases after a scan must never leave it answering from the old trie.
describe('the phrase index between scans', () => {
  const sudan = asTopicId('country:SD');
  const keyword = asTopicId('kw:01');
  const words = ['وقال', 'الجيش', 'السوداني', 'إن', 'قواته', 'دخلت', 'ود', 'مدني'];

  it('finds a phrase added after the words were already scanned', () => {
    const index = createPhraseIndex();
    index.add(['السوداني'], { topicId: sudan, weak: false });
    expect(index.scan(words).map((h) => h.entries[0]?.topicId)).toEqual([sudan]);
    index.add(['ود', 'مدني'], { topicId: keyword, weak: false });
    expect(index.scan(words).map((h) => h.entries[0]?.topicId)).toEqual([sudan, keyword]);
  });

  it('forgets a removed phrase and finds it again once re-added', () => {
    const index = createPhraseIndex();
    index.add(['ود', 'مدني'], { topicId: keyword, weak: false });
    expect(index.scan(words)).toHaveLength(1);
    index.remove(['ود', 'مدني'], keyword);
    expect(index.scan(words)).toEqual([]);
    index.add(['ود', 'مدني'], { topicId: keyword, weak: false });
    expect(index.scan(words).map((h) => [h.start, h.end])).toEqual([[6, 8]]);
  });

  it('still strips clitics from the first word: والجيش opens الجيش', () => {
    const index = createPhraseIndex();
    index.add(['الجيش', 'السوداني'], { topicId: sudan, weak: false });
    expect(index.scan(['والجيش', 'السوداني']).map((h) => [h.start, h.end])).toEqual([[0, 2]]);
    expect(index.variants('والجيش')).toEqual(['والجيش', 'الجيش', 'جيش']);
  });
});
