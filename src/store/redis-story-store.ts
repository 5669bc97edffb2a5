/**
 * Stories on Redis: the window of recent stories and the inverted index from terms (and specific
 * numbers) to them, as core/story/window.ts keeps them in memory; the decision is core's
 * decideStory on the candidates read here, so ingest and `preview --jsonl` decide alike.
 *
 * Per article: one batch of ZCOUNTs (document frequencies and window size), one of
 * ZRANGEBYSCOREs on its rarest terms (candidates), one of HGETs (their states), one of writes.
 * A batch is commands sent at once, each on its own key (the keys live in different slots; a
 * cluster client pipelines them per node), never a MULTI or pipeline across them.
 * Two ingests of one event at the same instant may both start a story (a miss, never a false join).
 */
import type { RedisClient } from './redis-connection.js';
import type { PreparedArticle } from '../core/prepared.js';
import { decideStory, extendStory, idfOf, startStory, type StoryDecision, type StoryState } from '../core/story/decide.js';
import { candidateTerms, DEFAULT_STORY_WINDOW_MS, indexKeys, MAX_CANDIDATES } from '../core/story/window.js';
import type { StoryFiling, StoryMember, StoryStore } from './ports.js';
import type { Keys } from './keys.js';
import { batch } from './batch.js';
import { execAll } from './exec-all.js';

export interface RedisStoryStoreDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  /** By publication time. Default 48 h. */
  readonly windowMs?: number;
  /** How long a story's members stay readable (/latest, /why): the article retention. Default 7 days. */
  readonly ttlSec?: number;
  /** Most stories kept in the window index (oldest dropped first). Default 50,000. */
  readonly maxStories?: number;
}

/** Postings read per retrieval term: enough for a busy topic's day. */
const POSTINGS_PER_TERM = 200;

const memberOf = (p: PreparedArticle): StoryMember => ({
  articleId: p.article.id,
  ...(p.article.outlet ? { outlet: p.article.outlet } : {}),
  ...(p.article.url ? { url: p.article.url } : {}),
  at: p.article.publishedAt.getTime(),
});

export function createRedisStoryStore({ redis, keys, windowMs = DEFAULT_STORY_WINDOW_MS, ttlSec = 7 * 24 * 3600, maxStories = 50_000 }: RedisStoryStoreDeps): StoryStore {
  const windowSec = Math.ceil(windowMs / 1000);

  const candidates = async (at: number, indexed: readonly string[]): Promise<{ stories: StoryState[]; df: Map<string, number>; size: number }> => {
    const from = at - windowMs;
    const to = at + windowMs;
    const [size, ...dfs] = (await batch(redis, (c) => {
      for (const key of [keys.storyWindow(), ...indexed.map((k) => keys.storyTerm(k))]) c.zcount(key, from, to);
    })) as number[];
    const df = new Map(indexed.map((k, i) => [k, dfs[i] ?? 0]));
    const terms = candidateTerms(indexed, (k) => df.get(k) ?? 0, size ?? 0);
    if (terms.length === 0) return { stories: [], df, size: size ?? 0 };
    const postings = (await batch(redis, (c) => {
      for (const t of terms) c.zrangebyscore(keys.storyTerm(t), from, to, 'LIMIT', 0, POSTINGS_PER_TERM);
    })) as string[][];
    const shared = new Map<string, number>();
    for (const ids of postings) for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
    const ids = [...shared].toSorted((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CANDIDATES).map(([id]) => id);
    if (ids.length === 0) return { stories: [], df, size: size ?? 0 };
    // One HGET per story (stories live in different slots).
    const states = ((await batch(redis, (c) => {
      for (const id of ids) c.hget(keys.story(id), 'state');
    })) as (string | null)[])
      .flatMap((json) => (json === null ? [] : [JSON.parse(json) as StoryState]))
      .filter((s) => Math.abs(s.lastPublishedAt - at) <= windowMs);
    return { stories: states, df, size: size ?? 0 };
  };

  const record = async (story: StoryState, member: StoryMember, indexed: readonly string[]): Promise<void> => {
    const key = keys.story(story.id);
    const at = story.lastPublishedAt;
    const writes: Promise<unknown>[] = [
      execAll(redis.multi().hset(key, 'state', JSON.stringify(story), `m:${member.articleId}`, JSON.stringify(member)).expire(key, ttlSec)),
      execAll(redis.multi()
        .zadd(keys.storyWindow(), at, story.id)
        .zremrangebyscore(keys.storyWindow(), '-inf', at - 2 * windowMs)
        .zremrangebyrank(keys.storyWindow(), 0, -maxStories - 1)),
    ];
    for (const k of indexed) {
      const term = keys.storyTerm(k);
      // GT: an older article of the story never moves its posting back in time.
      writes.push(execAll(redis.multi().zadd(term, 'GT', at, story.id).zremrangebyscore(term, '-inf', at - 2 * windowMs).expire(term, 2 * windowSec)));
    }
    await Promise.all(writes);
  };

  return {
    async file(prepared) {
      const f = prepared.storyFeatures;
      if (!f) return { decision: { kind: 'new' }, storyId: prepared.article.id };
      const at = prepared.article.publishedAt.getTime();
      const indexed = indexKeys(f);
      const { stories, df, size } = await candidates(at, indexed);
      const signature = prepared.fingerprint.signature;
      const decision: StoryDecision = decideStory(f, signature, stories, idfOf((k) => df.get(k) ?? 0, size), undefined, prepared.article.id);
      const story = decision.kind === 'new'
        ? startStory(prepared.article.id, f, signature, at)
        : extendStory(stories.find((s) => s.id === decision.storyId) as StoryState, decision, prepared.article.id, f, signature, at);
      await record(story, memberOf(prepared), indexed);
      return { decision, storyId: story.id } satisfies StoryFiling;
    },

    async members(storyId) {
      const all = await redis.hgetall(keys.story(storyId));
      return Object.entries(all)
        .filter(([field]) => field.startsWith('m:'))
        .map(([, json]) => JSON.parse(json) as StoryMember)
        // HGETALL order follows the server's hash seed: answer oldest first, then by id.
        .toSorted((a, b) => a.at - b.at || (a.articleId < b.articleId ? -1 : 1));
    },
  };
}
