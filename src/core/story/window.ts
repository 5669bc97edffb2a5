/**
 * The recent stories in memory, with an inverted index from terms to stories: what `preview
 * --jsonl` clusters a run with and what the pipeline bench measures. The Redis store keeps the
 * same structures (src/store/redis-story-store.ts) and both go through `candidateTerms` and
 * decideStory, so a run of preview and ingest decide alike.
 *
 * Bounded: a story leaves when its newest article is older than the window (by publication time,
 * against the newest article seen) or when more than `maxStories` are held (oldest first).
 */
import { decideStory, defaultStoryRule, extendStory, idfOf, startStory, type StoryDecision, type StoryRule, type StoryState } from './decide.js';
import type { StoryFeatures } from './features.js';

export const DEFAULT_STORY_WINDOW_MS = 48 * 3600 * 1000;

/** Terms looked up per article: its rarest ones find its story; common ones add only noise. */
export const RETRIEVAL_TERMS = 12;
/** Stories scored per article, those sharing the most retrieval terms first. */
export const MAX_CANDIDATES = 12;
/**
 * A term held by more stories than this fraction of the window (and than 20) is not used to
 * retrieve: a story is found by its rare words, and walking long postings costs.
 */
const COMMON_FRACTION = 0.005;

/** The index keys of an article: its terms and its specific numbers (as "#123"). */
export function indexKeys(f: StoryFeatures): string[] {
  return [...f.terms, ...f.numbers.map((n) => `#${n}`)];
}

/** The retrieval keys among `keys`, rarest first, given each key's document frequency. */
export function candidateTerms(keys: readonly string[], df: (key: string) => number, windowSize: number): string[] {
  const limit = Math.max(20, windowSize * COMMON_FRACTION);
  const usable: { key: string; n: number }[] = [];
  for (const key of keys) {
    const n = df(key);
    if (n > 0 && n <= limit) usable.push({ key, n });
  }
  usable.sort((a, b) => a.n - b.n);
  const out: string[] = [];
  for (let i = 0; i < usable.length && i < RETRIEVAL_TERMS; i++) out.push((usable[i] as { key: string }).key);
  return out;
}

export interface StoryAssignment {
  readonly decision: StoryDecision;
  /** The story after the article: new, joined or updated. */
  readonly story: StoryState;
}

export interface StoryWindow {
  /** Clusters one article (in arrival order) and records it. */
  assign(articleId: string, f: StoryFeatures, signature: readonly number[], publishedAt: Date): StoryAssignment;
  readonly size: number;
}

export interface StoryWindowOptions {
  readonly windowMs?: number;
  readonly maxStories?: number;
  readonly rule?: StoryRule;
}

export function createStoryWindow(options: StoryWindowOptions = {}): StoryWindow {
  const windowMs = options.windowMs ?? DEFAULT_STORY_WINDOW_MS;
  const maxStories = options.maxStories ?? 50_000;
  const rule = options.rule ?? defaultStoryRule;
  // Insertion order is refreshed when a story grows, so the first entry is the stalest.
  const stories = new Map<string, StoryState>();
  const postings = new Map<string, Set<string>>();
  const keysOf = new Map<string, string[]>();
  let newest = -Infinity;

  const post = (storyId: string, keys: readonly string[]): void => {
    let mine = keysOf.get(storyId);
    if (!mine) keysOf.set(storyId, (mine = []));
    for (const k of keys) {
      let set = postings.get(k);
      if (!set) postings.set(k, (set = new Set()));
      if (set.has(storyId)) continue;
      set.add(storyId);
      mine.push(k);
    }
  };
  const drop = (storyId: string): void => {
    for (const k of keysOf.get(storyId) ?? []) {
      const set = postings.get(k);
      set?.delete(storyId);
      if (set?.size === 0) postings.delete(k);
    }
    keysOf.delete(storyId);
    stories.delete(storyId);
  };
  const evict = (): void => {
    for (const [id, s] of stories) {
      if (stories.size <= maxStories && s.lastPublishedAt >= newest - windowMs) break;
      drop(id);
    }
  };
  const df = (k: string): number => postings.get(k)?.size ?? 0;

  return {
    get size() {
      return stories.size;
    },
    assign(articleId, f, signature, publishedAt) {
      const at = publishedAt.getTime();
      newest = Math.max(newest, at);
      evict();
      const keys = indexKeys(f);
      const shared = new Map<string, number>();
      for (const k of candidateTerms(keys, df, stories.size)) {
        for (const id of postings.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      const candidates = [...shared]
        .toSorted((a, b) => b[1] - a[1])
        .slice(0, MAX_CANDIDATES)
        .map(([id]) => stories.get(id) as StoryState)
        .filter((s) => Math.abs(s.lastPublishedAt - at) <= windowMs);
      const decision = decideStory(f, signature, candidates, idfOf(df, stories.size, rule), rule);
      if (decision.kind === 'new') {
        const story = startStory(articleId, f, signature, at);
        stories.set(story.id, story);
        post(story.id, keys);
        return { decision, story };
      }
      const before = stories.get(decision.storyId) as StoryState;
      const story = extendStory(before, decision, articleId, f, signature, at);
      stories.delete(story.id);
      stories.set(story.id, story);
      post(story.id, keys);
      return { decision, story };
    },
  };
}
