/**
 * Finding topics by name for people typing in a chat or a terminal: "armenia",
 * "ارمينيا", "أرمينية", "القوقاز", "karabakh" all find their topic. Names, aliases and
 * weak aliases are searched in normalized form, clitics ignored, prefixes allowed.
 */
import type { Topic, TopicKind } from '../topic.js';
import { phraseTokens } from '../matching/tokens.js';
import { tokenVariants } from '../matching/variants.js';

export interface TopicSearchHit {
  readonly topic: Topic;
  /** Higher is better: 100 exact name, 90 exact alias, 60 every word found, 40 every word a prefix. */
  readonly score: number;
  /** The name or alias that matched, as written in the catalogue. */
  readonly via: string;
}

interface Name {
  readonly text: string;
  /** Per word of the name, the forms it may take (clitics stripped). */
  readonly forms: readonly (readonly string[])[];
  /** Every form of every word, for "each query word is somewhere in the name". */
  readonly all: ReadonlySet<string>;
  /** First letters of every form: a cheap no before trying prefixes. */
  readonly initials: ReadonlySet<string>;
  readonly rank: number;
}

const KIND_ORDER: readonly TopicKind[] = ['country', 'region', 'conflict', 'city', 'person', 'theme', 'keyword'];
const cache = new WeakMap<Topic, readonly Name[]>();

function namesOf(topic: Topic): readonly Name[] {
  const cached = cache.get(topic);
  if (cached) return cached;
  const lists: [readonly string[], number][] = [
    [[topic.names.ar, topic.names.en, topic.id], 0],
    [[...topic.aliases.ar, ...topic.aliases.en], 1],
    [topic.weak, 2],
  ];
  const names: Name[] = [];
  for (const [list, rank] of lists) {
    for (const text of list) {
      const forms = phraseTokens(text).map((t) => tokenVariants(t));
      const all = new Set(forms.flat());
      if (forms.length > 0) names.push({ text, forms, all, initials: new Set([...all].map((f) => f[0] ?? '')), rank });
    }
  }
  cache.set(topic, names);
  return names;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

function prefixOf(q: readonly string[], name: Name): boolean {
  for (const x of q) {
    if (x.length < 2 || !name.initials.has(x[0] ?? '')) continue;
    for (const form of name.all) if (form.startsWith(x)) return true;
  }
  return false;
}

function scoreName(query: readonly (readonly string[])[], name: Name): number {
  if (!query.every((q) => q.some((x) => name.initials.has(x[0] ?? '')))) return 0;
  const exact = query.length === name.forms.length && query.every((q, i) => same(q, name.forms[i] ?? []));
  if (exact) return [100, 90, 70][name.rank] ?? 70;
  if (query.every((q) => q.some((x) => name.all.has(x)))) return 60 - name.rank * 5;
  if (query.every((q) => prefixOf(q, name))) return 40 - name.rank * 5;
  return 0;
}

/** The topics whose names best match `query`, best first (ties: countries before regions …, then by name). */
export function searchTopics(topics: readonly Topic[], query: string, limit = 10): TopicSearchHit[] {
  const q = phraseTokens(query).map((t) => tokenVariants(t));
  if (q.length === 0) return [];
  const hits: TopicSearchHit[] = [];
  for (const topic of topics) {
    let best: TopicSearchHit | undefined;
    for (const name of namesOf(topic)) {
      const score = scoreName(q, name);
      if (score > 0 && (!best || score > best.score)) best = { topic, score, via: name.text };
    }
    if (best) hits.push(best);
  }
  return hits
    .toSorted((a, b) =>
      b.score - a.score ||
      KIND_ORDER.indexOf(a.topic.kind) - KIND_ORDER.indexOf(b.topic.kind) ||
      a.topic.names.en.localeCompare(b.topic.names.en))
    .slice(0, Math.max(0, limit));
}
