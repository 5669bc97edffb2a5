/**
 * Turns alias hits into relevance: which topics an article is about, with score,
 * evidence and the path from the topic that had direct evidence up to each one.
 *
 * Scoring (the same for every topic, parents included):
 *  - title: any hit gives `title`;
 *  - lead: the first hit gives `lead`, each further one `extra` (at most two more);
 *  - body: the first paragraph with a hit gives `body`, each further paragraph `extra`,
 *    capped at `bodyCap` (a repeated paragraph or a list of mentions does not snowball).
 * A topic fires at `threshold`: a title hit alone, a lead hit with a body hit, or a
 * topic discussed across many paragraphs; never one passing mention deep in the body.
 */
import type { Evidence, TopicId } from '../topic.js';
import { hitKey, hitText, type Hit } from './hits.js';

export interface RelevanceWeights {
  readonly title: number;
  readonly lead: number;
  readonly body: number;
  readonly extra: number;
  readonly bodyCap: number;
  readonly threshold: number;
}

export const DEFAULT_WEIGHTS: RelevanceWeights = { title: 3, lead: 2, body: 1, extra: 0.5, bodyCap: 3, threshold: 3 };

export interface Relevant {
  readonly topicId: TopicId;
  readonly score: number;
  readonly evidence: readonly Evidence[];
  readonly path: readonly TopicId[];
}

/** Score of a set of hits (already de-duplicated by position). */
export function scoreHits(hits: readonly Hit[], w: RelevanceWeights = DEFAULT_WEIGHTS): number {
  let title = 0;
  let lead = 0;
  let bodyParas = 0;
  // Pooled hits may come out of reading order, so a Set still guards the count; the
  // `lastPara` check keeps it from being touched for runs of hits in one paragraph.
  let lastPara = -1;
  const seen = new Set<number>();
  for (const h of hits) {
    if (h.zone === 'title') title = w.title;
    else if (h.zone === 'lead') lead += 1;
    else if (h.para !== lastPara) {
      lastPara = h.para;
      if (!seen.has(h.para)) {
        seen.add(h.para);
        bodyParas += 1;
      }
    }
  }
  const leadScore = lead === 0 ? 0 : w.lead + w.extra * Math.min(lead - 1, 2);
  const bodyScore = bodyParas === 0 ? 0 : Math.min(w.bodyCap, w.body + w.extra * (bodyParas - 1));
  return title + leadScore + bodyScore;
}

/**
 * What counts of one topic's hits: none when they are mostly blocked (or blocked in the
 * title: the text is about something else altogether), else the unblocked ones; weak
 * hits only when `hasStrong` says a strong alias of the topic (or a part of it) is there.
 */
function usable(list: readonly Hit[], hasStrong: () => boolean): readonly Hit[] {
  let blocked = 0;
  let weak = 0;
  let titleBlocked = false;
  for (const h of list) {
    if (h.weak) weak += 1;
    if (!h.blocked) continue;
    blocked += 1;
    titleBlocked ||= h.zone === 'title';
  }
  if (blocked > 0 && (titleBlocked || blocked >= list.length - blocked)) return [];
  if (blocked === 0 && weak === 0) return list;
  const strong = weak > 0 && hasStrong();
  return list.filter((h) => !h.blocked && (!h.weak || strong));
}

/** Every ancestor of `id` (itself first) with the path from `id` up to it; shortest path wins. */
function ancestors(id: TopicId, parentsOf: (id: TopicId) => readonly TopicId[]): Map<TopicId, TopicId[]> {
  const paths = new Map<TopicId, TopicId[]>([[id, [id]]]);
  if (parentsOf(id).length === 0) return paths; // free keywords: the common case by far
  const queue: TopicId[] = [id];
  for (let i = 0; i < queue.length; i += 1) {
    const current = queue[i] as TopicId;
    const path = paths.get(current) ?? [current];
    for (const parent of parentsOf(current)) {
      if (paths.has(parent)) continue;
      paths.set(parent, [...path, parent]);
      queue.push(parent);
    }
  }
  return paths;
}

function evidenceOf(hits: readonly Hit[]): Evidence[] {
  const grouped = new Map<string, { e: Omit<Evidence, 'count'>; count: number }>();
  for (const h of hits) {
    const k = `${h.topicId}|${h.zone}|${hitKey(h)}`;
    const g = grouped.get(k);
    if (g) g.count += 1;
    else grouped.set(k, { e: { text: hitText(h), topicId: h.topicId, zone: h.zone, weak: h.weak }, count: 1 });
  }
  return [...grouped.values()].map(({ e, count }) => ({ ...e, count }));
}

/** How topics nest. */
export interface TopicGraph {
  /** Every parent: evidence flows up all of them. */
  readonly parentsOf: (id: TopicId) => readonly TopicId[];
  /**
   * The parents a topic is part of (Yerevan → Armenia), as opposed to a region it is a
   * member of (Germany → EU). Only these lend strength to the parent's weak aliases:
   * يريفان makes الأرمن count for Armenia, but الألماني does not make أوروبا count for the EU.
   */
  readonly partOf: (id: TopicId) => readonly TopicId[];
}

// A pure parent (a region named directly and through its members) gets its own hits merged
// into the pool; a topic with parents already has them there.
function mergeOwn(pooled: Map<number, Hit>, own: readonly Hit[]): Hit[] {
  for (const h of own) pooled.set(h.para * 1_000_000 + h.pos, h);
  return [...pooled.values()];
}

/** The topics the hits (grouped by topic, in reading order) make relevant, best first. */
export function relevantTopics(
  hitsByTopic: ReadonlyMap<TopicId, readonly Hit[]>,
  graph: TopicGraph,
  w: RelevanceWeights = DEFAULT_WEIGHTS,
): Relevant[] {
  const { parentsOf } = graph;
  // Topics with a strong unblocked hit, and what they are part of; built only if a weak hit needs it.
  let strong: Set<TopicId> | undefined;
  const hasStrong = (id: TopicId): boolean => {
    if (!strong) {
      strong = new Set();
      for (const [topic, list] of hitsByTopic) {
        if (list.some((h) => !h.weak && !h.blocked)) for (const a of ancestors(topic, graph.partOf).keys()) strong.add(a);
      }
    }
    return strong.has(id);
  };
  const direct = new Map<TopicId, { hits: readonly Hit[]; score: number }>();
  for (const [id, list] of hitsByTopic) {
    const hits = usable(list, () => hasStrong(id));
    if (hits.length > 0) direct.set(id, { hits, score: scoreHits(hits, w) });
  }
  // Pool each topic's hits with its descendants', remembering the strongest source's path.
  // Topics with no parents (free keywords, mostly) skip pooling.
  const pools = new Map<TopicId, { hits: Map<number, Hit>; best: number; path: TopicId[] }>();
  for (const [source, { hits, score }] of direct) {
    if (parentsOf(source).length === 0) continue;
    for (const [target, path] of ancestors(source, parentsOf)) {
      let pool = pools.get(target);
      if (!pool) pools.set(target, (pool = { hits: new Map(), best: -1, path }));
      for (const h of hits) pool.hits.set(h.para * 1_000_000 + h.pos, h);
      if (score > pool.best || (score === pool.best && path.length < pool.path.length)) {
        pool.best = score;
        pool.path = path;
      }
    }
  }
  const out: Relevant[] = [];
  for (const [source, { hits, score }] of direct) {
    if (pools.has(source) || score < w.threshold) continue;
    out.push({ topicId: source, score, evidence: evidenceOf(hits), path: [source] });
  }
  for (const [topicId, pool] of pools) {
    const own = direct.get(topicId);
    const list = own ? mergeOwn(pool.hits, own.hits) : [...pool.hits.values()];
    const path = own && own.score >= pool.best ? [topicId] : pool.path;
    const score = scoreHits(list, w);
    if (score >= w.threshold) out.push({ topicId, score, evidence: evidenceOf(list), path });
  }
  return out.toSorted((a, b) => b.score - a.score || a.path.length - b.path.length);
}
