/**
 * Evidence flowing up the topic graph. Each topic with direct hits lends them to every
 * ancestor; an ancestor's pool holds the union (one hit counted once however it got
 * there) and remembers the path from its strongest source.
 *
 * Two kinds of edge: part-of (Yerevan → Armenia, Gaza → Palestine, Putin → Russia) and
 * membership (Armenia → South Caucasus, France → EU). Evidence through part-of edges is
 * the topic's own. Through membership it only counts if a member is relevant by itself,
 * the region is also named directly, or at least `MIN_MEMBERS` members are mentioned:
 * Damascus in the lead and Jordan once in the body is not a story about the Levant.
 */
import type { TopicId } from '../topic.js';
import type { Hit } from './hits.js';

export const MIN_MEMBERS = 3;

export interface Pool {
  readonly hits: Map<number, Hit>;
  /** Hits that reached this topic through part-of edges only (its own included). */
  readonly ownHits: Map<number, Hit>;
  /** The members (children through a membership edge) whose evidence is in the pool. */
  readonly members: Set<TopicId>;
  best: number;
  path: readonly TopicId[];
}

const hitId = (h: Hit): number => h.para * 1_000_000 + h.pos;

/** Every ancestor of `id` (itself first) with the path from `id` up to it; shortest path wins. */
export function ancestors(id: TopicId, parentsOf: (id: TopicId) => readonly TopicId[]): Map<TopicId, TopicId[]> {
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

export interface DirectEvidence {
  readonly hits: readonly Hit[];
  readonly score: number;
  readonly parents: readonly TopicId[];
  /**
   * Hits that are no evidence for the topic itself but are for an ancestor that has strong evidence
   * of its own (`countsUp`): a city where a meeting is held (يصل إلى سيول) says nothing about the city,
   * and is still the visit's destination for South Korea when the story names South Korea.
   */
  readonly upOnly?: readonly Hit[];
}

/**
 * Pools the direct evidence of every topic that has parents into its ancestors. `ownOf` gives
 * the direct evidence of any topic (a pool's own hits); `direct` need hold only the topics with parents.
 */
export function buildPools(
  direct: ReadonlyMap<TopicId, DirectEvidence>,
  parentsOf: (id: TopicId) => readonly TopicId[],
  partOf: (id: TopicId) => readonly TopicId[],
  ownOf: (id: TopicId) => DirectEvidence | undefined = (id) => direct.get(id),
  countsUp: (id: TopicId) => boolean = () => false,
): Map<TopicId, Pool> {
  const pools = new Map<TopicId, Pool>();
  for (const [source, { hits, score, parents, upOnly }] of direct) {
    if (parents.length === 0) continue;
    for (const [target, path] of ancestors(source, parentsOf)) {
      const lent = target !== source && upOnly !== undefined && countsUp(target) ? upOnly : undefined;
      if (hits.length === 0 && !lent) continue;
      let pool = pools.get(target);
      if (!pool) pools.set(target, (pool = { hits: new Map(), ownHits: new Map(), members: new Set(), best: -1, path }));
      const own = path.every((id, i) => i === 0 || partOf(path[i - 1] as TopicId).includes(id));
      for (const list of lent ? [hits, lent] : [hits]) {
        for (const h of list) {
          pool.hits.set(hitId(h), h);
          if (own) pool.ownHits.set(hitId(h), h);
        }
      }
      if (!own) pool.members.add(path[path.length - 2] as TopicId);
      if (score > pool.best || (score === pool.best && path.length < pool.path.length)) {
        pool.best = score;
        pool.path = path;
      }
    }
  }
  // A pure parent (a region named directly) has its own hits too.
  for (const [id, pool] of pools) {
    const own = ownOf(id);
    if (!own) continue;
    for (const h of own.hits) {
      pool.hits.set(hitId(h), h);
      pool.ownHits.set(hitId(h), h);
    }
    if (own.score >= pool.best) pool.path = [id];
  }
  return pools;
}

/** A pool's hits in reading order (they arrive grouped by source). */
export function inReadingOrder(pool: Pool): Hit[] {
  return [...pool.hits].toSorted((a, b) => a[0] - b[0]).map(([, h]) => h);
}

/**
 * Which pooled topics fire: enough evidence in all, and that evidence is the topic's own,
 * or a member fires by itself, or enough members are mentioned. Members are decided first
 * (a fixed point: Gaza → Palestine fires, so the Levant does, so the Middle East does).
 */
export function firingPools(pools: ReadonlyMap<TopicId, Pool>, score: (hits: readonly Hit[]) => number, threshold: number): Map<TopicId, number> {
  const totals = new Map<TopicId, number>();
  for (const [id, pool] of pools) totals.set(id, score(inReadingOrder(pool)));
  const fired = new Map<TopicId, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, pool] of pools) {
      const total = totals.get(id) ?? 0;
      if (fired.has(id) || total < threshold) continue;
      const backed = pool.ownHits.size > 0 || pool.members.size >= MIN_MEMBERS || [...pool.members].some((m) => fired.has(m));
      if (backed) {
        fired.set(id, total);
        changed = true;
      }
    }
  }
  return fired;
}
