/**
 * Free keywords with no rule to apply are tallied by number instead of grouped by id
 * (matching/tally.ts): the matches must be those of any other topic, in the same order,
 * through removals (numbers reused) and past the board's first size.
 */
import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { keywordTopic } from '../../../src/core/keyword-topic.js';
import { createMatcher } from '../../../src/core/matcher.js';
import type { Topic } from '../../../src/core/topic.js';
import { article } from './support.js';

const keyword = (text: string): Topic => {
  const t = keywordTopic(text);
  if (!t.ok) throw new Error(t.error.reason);
  return t.value;
};

const title = 'السودان: الدعم السريع تعلن السيطرة على الفاشر ومقتل عشرات المدنيين';
const lead = 'أعلنت قوات الدعم السريع، الأحد، سيطرتها على مقر الفرقة السادسة مشاة في مدينة الفاشر، آخر معاقل الجيش السوداني في إقليم دارفور.';

describe('tallied keywords', () => {
  it('are listed among the catalogue topics in order of first mention where scores tie', () => {
    const matcher = createMatcher(builtinTopics());
    const fashir = keyword('الفاشر');
    const rsf = keyword('الدعم السريع');
    // Added in the other order: the order of the output is the article's, not the matcher's.
    for (const k of [fashir, rsf]) matcher.add(k);
    const ids = matcher.match(article(title, [lead])).map((m) => m.topicId);
    expect(ids.indexOf(rsf.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(rsf.id)).toBeLessThan(ids.indexOf(fashir.id));
    expect(ids).toContain('country:SD');
  });

  it('stop matching when removed, and a keyword added after takes over a freed number', () => {
    const matcher = createMatcher(builtinTopics());
    const rsf = keyword('الدعم السريع');
    const army = keyword('الجيش السوداني');
    matcher.add(rsf);
    matcher.remove(rsf.id);
    matcher.add(army);
    const ids = matcher.match(article(title, [lead, 'وقال الجيش السوداني إنه انسحب من مقر الفرقة لحماية المدنيين.'])).map((m) => m.topicId);
    expect(ids).not.toContain(rsf.id);
    expect(ids).toContain(army.id);
  });

  it('keep working past the first thousand numbers', () => {
    const matcher = createMatcher(builtinTopics());
    // 1,500 made-up words (كلمةاب، كلمةات …) that no article contains, then one that is in this one.
    const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
    for (let i = 0; i < 1500; i += 1) matcher.add(keyword(`كلمة${letters[i % 28]}${letters[Math.floor(i / 28) % 28]}`));
    const fashir = keyword('الفاشر');
    matcher.add(fashir);
    const m = matcher.match(article(title, [lead])).find((x) => x.topicId === fashir.id);
    expect(m?.evidence.map((e) => [e.text, e.zone])).toEqual([['الفاشر', 'title'], ['الفاشر', 'lead']]);
  });
});
