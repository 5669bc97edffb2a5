/**
 * Does an article tell a story already in the window, and is it news about it?
 *
 * The method (tuned on tests/fixtures/stories, held-out events reported apart):
 * - Near-copy: the MinHash similarity of the texts (fingerprint.ts) reaches SAME_STORY_THRESHOLD
 *   against an article that alerted for the story.
 * - Same event, other words: the two share a specific matched topic (a place, person or conflict;
 *   regions and themes are too broad), and the TF-IDF cosine of their headline-and-lead terms is
 *   high, or moderately high with a specific number in common (a toll, a vote count, a date
 *   such as "19 يناير"). A term's weight is its rarity in the window (IDF learned online:
 *   the number of stories whose index holds it), so the words every story of the week uses
 *   ("غارة", "قطاع", "الاحتلال") weigh little and names weigh much; stock phrases of news copy
 *   are dropped outright (features.ts), which also covers a near-empty window.
 * - False joins are worse than misses (a suppressed alert is never seen), so the thresholds sit
 *   above every hard negative of the labelled set.
 *
 * An article that joins is an update (a new alert, marked 🔄) when it brings what a follower would
 * want to hear again: a larger count of a kind the story already reported (death toll, injured,
 * votes: at least 10 % more), a person named in its headline whom the story has not named, or a
 * headline saying تحديث, or عاجل when the story's alerts did not. At most MAX_UPDATES per story.
 */
import { signatureSimilarity, SAME_STORY_THRESHOLD } from '../fingerprint.js';
import { COMMON_TERMS } from './common-terms.js';

// A Map: look-ups by Arabic keys on a 300-entry object literal are several times slower.
const commonShare: ReadonlyMap<string, number> = new Map(Object.entries(COMMON_TERMS));
import type { CountKind, StoryCount, StoryFeatures } from './features.js';

/** An alerted article of the story (its first, or an update), as the story remembers it. */
export interface StoryHead {
  readonly articleId: string;
  readonly features: StoryFeatures;
  /** MinHash signature, for the near-copy test. */
  readonly signature: readonly number[];
}

/** A story in the window: what the decision needs, kept small (stored as one JSON value). */
export interface StoryState {
  /** The id of the story's first article. */
  readonly id: string;
  /** Publication time (ms) of the newest member: the story leaves the window this long after it. */
  readonly lastPublishedAt: number;
  readonly heads: readonly StoryHead[];
  /** Largest known count per kind, over every member. */
  readonly counts: readonly StoryCount[];
  /** People the story named (person topics of any member). */
  readonly persons: readonly string[];
  readonly updates: number;
  readonly breaking: boolean;
}

export type StoryDecision =
  | { readonly kind: 'new' }
  | { readonly kind: 'join'; readonly storyId: string; readonly score: number; readonly by: 'near-copy' | 'event' }
  | { readonly kind: 'update'; readonly storyId: string; readonly score: number; readonly by: 'near-copy' | 'event'; readonly why: UpdateReason };

export type UpdateReason = 'count' | 'person' | 'headline';

export interface StoryRule {
  /** Cosine at or above which two articles sharing a topic tell one event. */
  readonly cosine: number;
  /** Lower cosine that suffices with a specific number in common. */
  readonly cosineWithNumber: number;
  /** Pseudo-count of stories added to the window size in the IDF (keeps a small window sane). */
  readonly idfPrior: number;
  /** When either article matched no topic at all, only a cosine this high joins. */
  readonly cosineWithoutTopic: number;
}

export const defaultStoryRule: StoryRule = { cosine: 0.26, cosineWithNumber: 0.18, idfPrior: 30, cosineWithoutTopic: 0.45 };

/** Heads kept per story (first + latest updates) and updates alerted per story. */
export const MAX_HEADS = 4;
/** Headline terms weigh this much more than lead terms: the headline names the event. */
const TITLE_WEIGHT = 3;
export const MAX_UPDATES = 3;

/** How many stories of the window hold a term (its document frequency). */
export type DocumentFrequency = (term: string) => number;

export interface EventScore {
  readonly cosine: number;
  readonly sharedNumbers: number;
  readonly sharedTopics: number;
  /** Either article matched no topic (a place the catalogue lacks, such as الحوز). */
  readonly untopical: boolean;
}

/** An article's term vector: weight by term, and its norm. */
interface TermVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

function vectorOf(f: StoryFeatures, idf: (t: string) => number): TermVector {
  const weights = new Map<string, number>();
  let s = 0;
  f.terms.forEach((t, i) => {
    const w = idf(t) * (i < f.titleTerms ? TITLE_WEIGHT : 1);
    weights.set(t, w);
    s += w * w;
  });
  return { weights, norm: Math.sqrt(s) };
}

/** Cosine of `f` against a vector, in one pass over f's terms (no map built for f). */
function cosineWith(v: TermVector, f: StoryFeatures, idf: (t: string) => number): number {
  let dot = 0;
  let s = 0;
  const terms = f.terms;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as string;
    const w = idf(t) * (i < f.titleTerms ? TITLE_WEIGHT : 1);
    s += w * w;
    const u = v.weights.get(t);
    if (u !== undefined) dot += w * u;
  }
  const denominator = v.norm * Math.sqrt(s);
  return denominator === 0 ? 0 : dot / denominator;
}

/** Elements of `a` also in `b` (both a few entries long: a nested loop beats building a set). */
const countShared = (a: readonly string[], b: readonly string[]): number => {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
};

/**
 * The IDF of the window, ln(1 + (N + P) / (df + P·share + 1)): the window's N stories plus P
 * pseudo-stories that use each term as often as the built-in table says (COMMON_TERMS), so a small
 * window still knows which words every story uses.
 */
export function idfOf(df: DocumentFrequency, windowSize: number, rule: StoryRule = defaultStoryRule): (term: string) => number {
  const cache = new Map<string, number>();
  return (t) => {
    let v = cache.get(t);
    if (v === undefined) {
      v = Math.log(1 + (windowSize + rule.idfPrior) / (df(t) + rule.idfPrior * (commonShare.get(t) ?? 0) + 1));
      cache.set(t, v);
    }
    return v;
  };
}

/** How alike two articles' events are: term cosine, numbers and topics in common. */
export function eventScore(a: StoryFeatures, b: StoryFeatures, idf: (t: string) => number, av?: TermVector): EventScore {
  const sharedTopics = countShared(a.topics, b.topics);
  const untopical = a.topics.length === 0 || b.topics.length === 0;
  return {
    // Without a topic in common the cosine cannot decide (sameEvent): it is not worked out.
    cosine: sharedTopics === 0 && !untopical ? 0 : cosineWith(av ?? vectorOf(a, idf), b, idf),
    sharedNumbers: countShared(a.numbers, b.numbers),
    sharedTopics,
    untopical,
  };
}

/** The event rule on a score. */
export function sameEvent(score: EventScore, rule: StoryRule = defaultStoryRule): boolean {
  if (score.untopical) return score.cosine >= rule.cosineWithoutTopic;
  if (score.sharedTopics === 0) return false;
  return score.cosine >= rule.cosine || (score.sharedNumbers > 0 && score.cosine >= rule.cosineWithNumber);
}

const knownCount = (counts: readonly StoryCount[], kind: CountKind): number | undefined => counts.find((c) => c.kind === kind)?.value;

function updateReason(f: StoryFeatures, story: StoryState): UpdateReason | undefined {
  if (story.updates >= MAX_UPDATES) return undefined;
  if (f.updateWord || (f.breakingWord && !story.breaking)) return 'headline';
  for (const c of f.counts) {
    const known = knownCount(story.counts, c.kind);
    if (known !== undefined && c.value >= known * 1.1 && c.value - known >= 2) return 'count';
  }
  const named = new Set(story.persons);
  if (f.titlePersons.some((p) => !named.has(p))) return 'person';
  return undefined;
}

/**
 * Decides for an article (its features and MinHash signature) against candidate stories of the
 * window: the best-scoring story it belongs to, or a new story. Pure; `idf` is idfOf(window).
 */
export function decideStory(
  f: StoryFeatures,
  signature: readonly number[],
  candidates: readonly StoryState[],
  idf: (t: string) => number,
  rule: StoryRule = defaultStoryRule,
  articleId?: string,
): StoryDecision {
  // The same article filed again (a retry after a crash): the story it already heads or joined.
  for (const story of candidates) {
    const head = story.heads.findIndex((h) => h.articleId === articleId);
    if (head === 0) return { kind: 'new' };
    if (head > 0) return { kind: 'update', storyId: story.id, score: 2, by: 'near-copy', why: 'headline' };
  }
  let best: { story: StoryState; score: number; by: 'near-copy' | 'event' } | undefined;
  const vector = vectorOf(f, idf);
  for (const story of candidates) {
    for (const head of story.heads) {
      const copy = signatureSimilarity(signature, head.signature);
      if (copy >= SAME_STORY_THRESHOLD) {
        // A near-copy outranks any event match: 1 + its similarity.
        if (!best || 1 + copy > best.score) best = { story, score: 1 + copy, by: 'near-copy' };
        continue;
      }
      const score = eventScore(f, head.features, idf, vector);
      if (sameEvent(score, rule) && (!best || score.cosine > best.score)) best = { story, score: score.cosine, by: 'event' };
    }
  }
  if (!best) return { kind: 'new' };
  const why = updateReason(f, best.story);
  return why
    ? { kind: 'update', storyId: best.story.id, score: best.score, by: best.by, why }
    : { kind: 'join', storyId: best.story.id, score: best.score, by: best.by };
}

function mergeCounts(a: readonly StoryCount[], b: readonly StoryCount[]): readonly StoryCount[] {
  // Most joining articles report no count: the story's (one per kind already) stand as they are.
  if (b.length === 0) return a;
  const m = new Map<CountKind, number>();
  for (const c of [...a, ...b]) m.set(c.kind, Math.max(m.get(c.kind) ?? 0, c.value));
  return [...m].map(([kind, value]) => ({ kind, value }));
}

const personsOf = (f: StoryFeatures): string[] => [...f.persons, ...f.titlePersons];

/** The story an article starts. */
export function startStory(articleId: string, f: StoryFeatures, signature: readonly number[], publishedAt: number): StoryState {
  return {
    id: articleId, lastPublishedAt: publishedAt,
    heads: [{ articleId, features: f, signature }],
    counts: f.counts, persons: [...new Set(personsOf(f))], updates: 0,
    breaking: f.breakingWord || f.updateWord,
  };
}

/** The story after an article joined it (or updated it: then it becomes a head too). */
export function extendStory(
  story: StoryState, decision: StoryDecision, articleId: string, f: StoryFeatures, signature: readonly number[], publishedAt: number,
): StoryState {
  const update = decision.kind === 'update';
  const heads = update ? [story.heads[0] as StoryHead, ...story.heads.slice(1), { articleId, features: f, signature }] : story.heads;
  return {
    ...story,
    lastPublishedAt: Math.max(story.lastPublishedAt, publishedAt),
    // The first head stays; the newest updates replace the oldest ones.
    heads: heads.length > MAX_HEADS ? [heads[0] as StoryHead, ...heads.slice(heads.length - MAX_HEADS + 1)] : heads,
    counts: mergeCounts(story.counts, f.counts),
    persons: personsOf(f).every((p) => story.persons.includes(p)) ? story.persons : [...new Set([...story.persons, ...personsOf(f)])],
    updates: story.updates + (update ? 1 : 0),
    breaking: story.breaking || f.breakingWord || f.updateWord,
  };
}
