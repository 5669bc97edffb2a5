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
import type { Hit } from './hits.js';

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
  const bodyParas = new Set<number>();
  for (const h of hits) {
    if (h.zone === 'title') title = w.title;
    else if (h.zone === 'lead') lead += 1;
    else bodyParas.add(h.para);
  }
  const leadScore = lead === 0 ? 0 : w.lead + w.extra * Math.min(lead - 1, 2);
  const bodyScore = bodyParas.size === 0 ? 0 : Math.min(w.bodyCap, w.body + w.extra * (bodyParas.size - 1));
  return title + leadScore + bodyScore;
}

/**
 * Drops what must not count: a topic whose hits are mostly blocked (or blocked in the
 * title) is about something else altogether; otherwise only its blocked hits go.
 * Weak hits stay only for topics in `strong` (a strong alias here or below).
 */
function usableHits(hits: readonly Hit[], strong: ReadonlySet<TopicId>): Map<TopicId, Hit[]> {
  const byTopic = new Map<TopicId, Hit[]>();
  for (const h of hits) {
    const list = byTopic.get(h.topicId);
    if (list) list.push(h);
    else byTopic.set(h.topicId, [h]);
  }
  const usable = new Map<TopicId, Hit[]>();
  for (const [id, list] of byTopic) {
    const blocked = list.filter((h) => h.blocked);
    const free = list.filter((h) => !h.blocked && (!h.weak || strong.has(id)));
    const titleBlocked = blocked.some((h) => h.zone === 'title');
    if (blocked.length > 0 && (titleBlocked || blocked.length >= list.length - blocked.length)) continue;
    if (free.length > 0) usable.set(id, free);
  }
  return usable;
}

/** Every ancestor of `id` (itself first) with the path from `id` up to it; shortest path wins. */
function ancestors(id: TopicId, parentsOf: (id: TopicId) => readonly TopicId[]): Map<TopicId, TopicId[]> {
  const paths = new Map<TopicId, TopicId[]>([[id, [id]]]);
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
    const k = `${h.topicId}|${h.zone}|${h.key}`;
    const g = grouped.get(k);
    if (g) g.count += 1;
    else grouped.set(k, { e: { text: h.text, topicId: h.topicId, zone: h.zone, weak: h.weak }, count: 1 });
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

/** The topics the hits make relevant, best first. */
export function relevantTopics(hits: readonly Hit[], graph: TopicGraph, w: RelevanceWeights = DEFAULT_WEIGHTS): Relevant[] {
  const { parentsOf } = graph;
  const strong = new Set<TopicId>();
  for (const h of hits) {
    if (!h.weak && !h.blocked) for (const a of ancestors(h.topicId, graph.partOf).keys()) strong.add(a);
  }
  const direct = usableHits(hits, strong);
  // Pool each topic's hits with its descendants', remembering the strongest source's path.
  const pools = new Map<TopicId, { hits: Map<string, Hit>; best: number; path: TopicId[] }>();
  for (const [source, list] of direct) {
    const own = scoreHits(list, w);
    for (const [target, path] of ancestors(source, parentsOf)) {
      let pool = pools.get(target);
      if (!pool) pools.set(target, (pool = { hits: new Map(), best: -1, path }));
      for (const h of list) pool.hits.set(`${h.para}:${h.pos}`, h);
      if (own > pool.best || (own === pool.best && path.length < pool.path.length)) {
        pool.best = own;
        pool.path = path;
      }
    }
  }
  const out: Relevant[] = [];
  for (const [topicId, pool] of pools) {
    const list = [...pool.hits.values()];
    const score = scoreHits(list, w);
    if (score >= w.threshold) out.push({ topicId, score, evidence: evidenceOf(list), path: pool.path });
  }
  return out.toSorted((a, b) => b.score - a.score || a.path.length - b.path.length);
}
