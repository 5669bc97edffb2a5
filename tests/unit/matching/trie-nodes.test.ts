import { describe, expect, it } from 'vitest';
import { asTopicId } from '../../../src/core/ids.js';
import { createPhraseIndex } from '../../../src/core/matching/phrase-index.js';
import { NO_NODE, TrieNodes } from '../../../src/core/matching/trie-nodes.js';

// The trie's nodes are rows of numbers and the edges of busy nodes share one open-addressing
// table: keyword churn (users follow and unfollow all day) must never lose or invent an edge.
describe('the trie node table', () => {
  it('keeps every edge of a node with thousands of children through growth and deletions', () => {
    const nodes = new TrieNodes<string>([], 0);
    const root = nodes.create();
    const children = new Map<number, number>();
    for (let word = 0; word < 5000; word += 1) {
      const child = nodes.create();
      nodes.setChild(root, word, child);
      children.set(word, child);
    }
    // Delete every third word in a scattered order, so removals land in the middle of probe runs.
    for (let k = 0; k < 5000; k += 1) {
      const word = (k * 7919) % 5000;
      if (word % 3 !== 0) continue;
      nodes.deleteChild(root, word);
      nodes.release(children.get(word) as number);
      children.delete(word);
    }
    for (let word = 0; word < 5000; word += 1) expect(nodes.child(root, word)).toBe(children.get(word) ?? NO_NODE);
    expect(nodes.size).toBe(1 + children.size);
  });

  it('reuses the numbers of released nodes', () => {
    const nodes = new TrieNodes<string>([], 0);
    const root = nodes.create();
    const child = nodes.create();
    nodes.setChild(root, 4, child);
    nodes.deleteChild(root, 4);
    nodes.release(child);
    expect(nodes.create()).toBe(child);
    expect(nodes.child(root, 4)).toBe(NO_NODE);
  });
});

// Keyword k: one of 97 first words, then a word of its own.
const phrase = (k: number): string[] => [`كلمة${k % 97}`, `ثانية${k}`];

describe('the phrase index under keyword churn', () => {
  it('finds exactly the keywords still followed after thousands of follows and unfollows', () => {
    const index = createPhraseIndex({ loose: true });
    const before = index.nodeCount();
    for (let k = 0; k < 3000; k += 1) index.add(phrase(k), { topicId: asTopicId(`kw:${k}`), weak: false, free: true, lone: k });
    for (let k = 0; k < 3000; k += 2) index.remove(phrase(k), asTopicId(`kw:${k}`));
    for (const k of [0, 1, 2, 3, 1001, 2998, 2999]) {
      const hits = index.scan(phrase(k));
      expect(hits.map((h) => h.lone)).toEqual(k % 2 === 0 ? [] : [k]);
    }
    for (let k = 1; k < 3000; k += 2) index.remove(phrase(k), asTopicId(`kw:${k}`));
    expect(index.nodeCount()).toBe(before);
  });
});
