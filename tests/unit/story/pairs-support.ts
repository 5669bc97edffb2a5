/**
 * The labelled story pairs (tests/fixtures/stories) scored by the story rule. The IDF window is
 * the whole collection plus the matcher's labelled articles (other events of the same weeks'
 * kind), as a day's window of a busy instance would hold them.
 */
import { readFileSync } from 'node:fs';
import { builtinTopics } from '../../../src/core/catalog.js';
import { similarity, SAME_STORY_THRESHOLD } from '../../../src/core/fingerprint.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { prepareArticle } from '../../../src/core/pipeline.js';
import type { PreparedArticle } from '../../../src/core/prepared.js';
import { eventScore, idfOf, sameEvent } from '../../../src/core/story/decide.js';
import { indexKeys } from '../../../src/core/story/window.js';

interface StoryArticle { id: string; event: string; outlet: string; url: string; published: string; title: string; body: string }
export interface Pair { a: string; b: string; label: 'same' | 'near-copy' | 'different'; heldOut: boolean }

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
export const storyArticles = (fixture('stories/articles.json') as { articles: StoryArticle[] }).articles;
export const pairs = (fixture('stories/pairs.json') as { pairs: Pair[] }).pairs;

const matcher = createMatcher(builtinTopics());
const prepare = (title: string, body: string, more: { published?: string; outlet?: string; url?: string } = {}): PreparedArticle => {
  const r = prepareArticle({ kind: 'json', json: { title, body, ...more } }, { now: new Date('2026-01-01T00:00:00Z'), defaultTimeZone: 'UTC', matcher });
  if (!r.ok) throw new Error(`${title}: ${r.error.reason}`);
  return r.value;
};

export const prepared = new Map(storyArticles.map((a) => [a.id, prepare(a.title, a.body, { published: a.published, outlet: a.outlet, url: a.url })]));
const background = (fixture('labelled/articles.json') as { title: string; body: string[] }[]).map((a) => prepare(a.title, a.body.join('\n\n')));

const df = new Map<string, number>();
for (const p of [...prepared.values(), ...background]) for (const k of new Set(indexKeys(p.storyFeatures!))) df.set(k, (df.get(k) ?? 0) + 1);
const idf = idfOf((t) => df.get(t) ?? 0, prepared.size + background.length);

const WINDOW_MS = 48 * 3600 * 1000;

/** Whether the rule files the pair's two articles under one story; `window`: also apply the 48 h window. */
export function joined(pair: Pair, window = false): boolean {
  const a = prepared.get(pair.a)!;
  const b = prepared.get(pair.b)!;
  if (window && Math.abs(a.article.publishedAt.getTime() - b.article.publishedAt.getTime()) > WINDOW_MS) return false;
  if (similarity(a.fingerprint, b.fingerprint) >= SAME_STORY_THRESHOLD) return true;
  return sameEvent(eventScore(a.storyFeatures!, b.storyFeatures!, idf));
}

/** Share of `label` pairs (held out or not) the rule joins, with the counts. */
export function rate(label: Pair['label'], heldOut: boolean, window = false): { joined: number; of: number; rate: number } {
  const set = pairs.filter((p) => p.label === label && p.heldOut === heldOut);
  const n = set.filter((p) => joined(p, window)).length;
  return { joined: n, of: set.length, rate: set.length === 0 ? 0 : n / set.length };
}
