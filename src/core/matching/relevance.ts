/**
 * Turns alias hits into relevance: which topics an article is about, with score,
 * evidence and the path from the topic that had direct evidence up to each one.
 *
 * Scoring (the same for every topic, parents included):
 *  - title: any hit gives `title`, and so does a hit in the lead's opening words (hits.ts says which);
 *  - lead: the first hit gives `lead`, each further one `extra` (at most two more);
 *  - body: the first paragraph with a hit gives `body`, each further paragraph `extra`,
 *    capped at `bodyCap` (a repeated paragraph or a list of mentions does not snowball).
 * A topic fires at `threshold`: a title hit alone, a lead hit with a body hit, or a
 * topic discussed across many paragraphs; never one passing mention deep in the body.
 */
import type { Evidence, Topic, TopicId } from '../topic.js';
import { hitKey, hitText, tallyEvidence, type ArticleHits, type Hit } from './hits.js';
import { ancestors, buildPools, firingPools, inReadingOrder, type DirectEvidence } from './pools.js';

export interface RelevanceWeights {
  readonly title: number;
  readonly lead: number;
  readonly body: number;
  readonly extra: number;
  readonly bodyCap: number;
  readonly threshold: number;
  /**
   * A free keyword fires from its headline, its lead, or three body paragraphs: a reader who typed
   * زنغزور wants the story whose lead names it; one or two mentions deep in the body still don't.
   */
  readonly keywordThreshold: number;
}

export const DEFAULT_WEIGHTS: RelevanceWeights = { title: 3, lead: 2, body: 1, extra: 0.5, bodyCap: 3, threshold: 3, keywordThreshold: 2 };

export interface Relevant {
  readonly topicId: TopicId;
  readonly score: number;
  readonly evidence: readonly Evidence[];
  readonly path: readonly TopicId[];
  /** A tallied topic itself (found by its lone number), so the caller need not look it up by id. */
  readonly topic?: Topic | undefined;
}

/** Score of a set of hits, given in reading order (title, lead, then body paragraphs in order). */
export function scoreHits(hits: readonly Hit[], w: RelevanceWeights = DEFAULT_WEIGHTS): number {
  let title = 0;
  let lead = 0;
  let bodyParas = 0;
  let lastPara = 0;
  for (const h of hits) {
    if (h.zone === 'title') title = w.title;
    else if (h.zone === 'lead') {
      lead += 1;
      // A hit in the lead's opening words is worth the headline's, and is still a lead hit.
      if (h.opening) title = w.title;
    } else if (h.para !== lastPara) {
      lastPara = h.para;
      bodyParas += 1;
    }
  }
  return scoreCounts(title > 0, lead, bodyParas, w);
}

/** The score of a topic with a title hit or not, `lead` lead hits and hits in `bodyParas` body paragraphs. */
function scoreCounts(title: boolean, lead: number, bodyParas: number, w: RelevanceWeights): number {
  const leadScore = lead === 0 ? 0 : w.lead + w.extra * Math.min(lead - 1, 2);
  const bodyScore = bodyParas === 0 ? 0 : Math.min(w.bodyCap, w.body + w.extra * (bodyParas - 1));
  return (title ? w.title : 0) + leadScore + bodyScore;
}

/**
 * What counts of one topic's hits: none when they are mostly blocked (or blocked in the
 * title: the text is about something else altogether), else the unblocked ones; weak
 * hits only when `strengths` says a strong alias of the topic (or a part of it) is there.
 */
function usable(
  list: readonly Hit[], id: TopicId, strengths: Strengths, officesOf?: (id: TopicId) => ReadonlySet<string> | undefined,
): readonly Hit[] {
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
  const strength = weak > 0 ? strengths.of(id) : 'none';
  // An office (الرئيس الأمريكي) counts only beside the person's own name, never lent by the country.
  const offices = strength === 'lent' ? officesOf?.(id) : undefined;
  return list.filter((h) => !h.blocked && (!h.weak || strength === 'own' || (strength === 'lent' && !h.ownOnly && !(offices?.has(hitKey(h)) ?? false))));
}

/** Why a topic's weak hits may count: its own strong hit (or a part's), what it is part of, or nothing. */
type Strength = 'own' | 'lent' | 'none';

interface EvidenceGroup { readonly topicId: TopicId; readonly zone: Hit['zone']; readonly key: string; readonly first: Hit; count: number }

/** Up to this many hits, groups are found by comparing fields (no key string built and hashed per hit). */
const FEW_HITS = 16;

/** The hits grouped by topic, zone and normalized alias, in order of first appearance. */
function evidenceOf(hits: readonly Hit[]): Evidence[] {
  const groups: EvidenceGroup[] = [];
  const byKey = hits.length > FEW_HITS ? new Map<string, EvidenceGroup>() : undefined;
  for (const h of hits) {
    const key = hitKey(h);
    let g: EvidenceGroup | undefined;
    if (byKey) g = byKey.get(`${h.topicId}|${h.zone}|${key}`);
    else {
      for (const c of groups) {
        if (c.key === key && c.zone === h.zone && c.topicId === h.topicId) {
          g = c;
          break;
        }
      }
    }
    if (g) g.count += 1;
    else {
      g = { topicId: h.topicId, zone: h.zone, key, first: h, count: 1 };
      groups.push(g);
      byKey?.set(`${h.topicId}|${h.zone}|${key}`, g);
    }
  }
  // Built field by field (same key order as the spread it replaces): object spread is a slow path.
  return groups.map((g) => ({ text: hitText(g.first), topicId: g.topicId, zone: g.zone, weak: g.first.weak, count: g.count }));
}

const thresholdOf = (hits: readonly Hit[], w: RelevanceWeights): number => (hits[0]?.free === true ? w.keywordThreshold : w.threshold);

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
  /**
   * A person's offices, normalized (الرئيس الامريكي): weak hits that only the person's own name
   * makes count. Beside the United States alone the office names some president, not Trump; a
   * surname (السوداني beside العراق) still counts by what the person is part of.
   */
  readonly officesOf?: (id: TopicId) => ReadonlySet<string> | undefined;
  /** The topic with a lone number (Tally.num). */
  readonly loneTopic: (num: number) => Topic | undefined;
}

const isStrong = (list: readonly Hit[]): boolean => {
  for (const h of list) if (!h.weak && !h.blocked) return true;
  return false;
};

/**
 * Why each topic's weak hits may count, in one article. A class, not closures made per article:
 * under tsx (esbuild's keepNames) every named inner function is renamed with Object.defineProperty
 * as it is made, which costs about a microsecond each time.
 */
class Strengths {
  // Topics with a strong unblocked hit, and what they are part of; built only if a weak hit needs it.
  private strong: Set<TopicId> | undefined;
  private readonly hitsByTopic: ReadonlyMap<TopicId, readonly Hit[]>;
  private readonly partOf: (id: TopicId) => readonly TopicId[];

  constructor(hitsByTopic: ReadonlyMap<TopicId, readonly Hit[]>, partOf: (id: TopicId) => readonly TopicId[]) {
    this.hitsByTopic = hitsByTopic;
    this.partOf = partOf;
  }

  of(id: TopicId): Strength {
    const own = this.hitsByTopic.get(id);
    if (own && isStrong(own)) return 'own';
    if (!this.strong) {
      this.strong = new Set();
      for (const [topic, list] of this.hitsByTopic) {
        // Topics part of nothing (free keywords, mostly) lend strength to nothing but themselves.
        if ((list[0]?.parents?.length ?? 0) === 0 || !isStrong(list)) continue;
        for (const a of ancestors(topic, this.partOf).keys()) this.strong.add(a);
      }
    }
    const strong = this.strong;
    if (strong.has(id)) return 'own';
    // A weak hit also counts when what the topic is part of is there (قمة عمان beside الأردن is
    // Amman; the venue باكو beside أذربيجان as a party counts for Baku).
    const stack = [...this.partOf(id)];
    while (stack.length > 0) {
      const a = stack.pop() as TopicId;
      if (strong.has(a)) return 'lent';
      stack.push(...this.partOf(a));
    }
    return 'none';
  }
}

/** The topics an article's hits make relevant, best first. */
export function relevantTopics(found: ArticleHits, graph: TopicGraph, w: RelevanceWeights = DEFAULT_WEIGHTS): Relevant[] {
  const { parentsOf } = graph;
  const hitsByTopic = found.byTopic;
  const strengths = new Strengths(hitsByTopic, graph.partOf);
  // Topics with parents pool their evidence; the others (free keywords, mostly: most of the
  // topics with hits) are kept in a list, and a pool that is one of them works its evidence out again.
  const direct = new Map<TopicId, DirectEvidence>();
  // In order of first hit (`rank`): the order of the output where scores tie.
  // A tallied topic (no parents, every hit counts, already over its threshold) carries its evidence instead of hits.
  const lone: { readonly id: TopicId; readonly own: DirectEvidence | undefined; readonly score: number; readonly rank: number; readonly evidence?: readonly Evidence[]; readonly topic?: Topic | undefined }[] = [];
  let k = 0;
  for (const [id, list] of hitsByTopic) {
    const rank = found.ranks[k] as number;
    k += 1;
    const hits = usable(list, id, strengths, graph.officesOf);
    // Venue hits a city's own name did not make count are still evidence for its country (pools.ts).
    const upOnly = hits.length < list.length ? list.filter((h) => h.ownOnly && !h.blocked && !hits.includes(h)) : [];
    if (hits.length === 0 && upOnly.length === 0) continue;
    const parents = (hits[0] ?? upOnly[0])?.parents ?? parentsOf(id);
    const score = scoreHits(hits, w);
    if (parents.length > 0) direct.set(id, upOnly.length > 0 ? { hits, score, parents, upOnly } : { hits, score, parents });
    // Below the threshold a topic without parents fires nothing (a pool works its evidence out itself).
    else if (score >= thresholdOf(hits, w)) lone.push({ id, own: { hits, score, parents }, score, rank });
  }
  // Tallied topics have no parents and every hit counts: the score is the tally's, Hits only for those that fire.
  let tallied = false;
  for (const t of found.tallies) {
    const score = scoreCounts(t.title, t.lead, t.bodyParas, w);
    if (score < w.keywordThreshold) continue;
    const topic = graph.loneTopic(t.num);
    if (topic === undefined) continue;
    lone.push({ id: topic.id, own: undefined, score, rank: t.rank, evidence: tallyEvidence(found, t, topic.id), topic });
    tallied = true;
  }
  if (tallied) lone.sort((a, b) => a.rank - b.rank);
  const pools = buildPools(direct, parentsOf, graph.partOf, (id) => {
    const list = direct.has(id) ? undefined : hitsByTopic.get(id);
    if (!list) return direct.get(id);
    const hits = usable(list, id, strengths, graph.officesOf);
    return hits.length > 0 ? { hits, score: scoreHits(hits, w), parents: hits[0]?.parents ?? parentsOf(id) } : undefined;
  }, (id) => strengths.of(id) === 'own');
  const out: Relevant[] = [];
  // Topics with no parents and no children here (free keywords, mostly) fire on their own score.
  // A tallied topic is no pool: pools are what topics with parents lead up to, catalogue topics all (and
  // with 20,000 keywords, looking its id up would read one more string cold in memory per keyword that fires).
  for (const { id, own, score, evidence, topic } of lone) {
    if ((topic === undefined && pools.has(id)) || (own && own.score < thresholdOf(own.hits, w))) continue;
    out.push({ topicId: id, score, evidence: evidence ?? evidenceOf(own?.hits ?? []), path: [id], topic });
  }
  for (const [topicId, score] of firingPools(pools, (hits) => scoreHits(hits, w), w.threshold)) {
    const pool = pools.get(topicId);
    if (pool) out.push({ topicId, score, evidence: evidenceOf(inReadingOrder(pool)), path: pool.path, topic: undefined });
  }
  return out.toSorted((a, b) => b.score - a.score || a.path.length - b.path.length);
}
