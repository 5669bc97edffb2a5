/**
 * Feeds on Redis: a HASH id → Feed JSON, a health HASH per feed (ETag, Last-Modified,
 * errors, items seen) and a capped seen-set of item-key digests per feed.
 */
import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';
import { asFeedId } from '../core/ids.js';
import type { Clock } from '../core/clock.js';
import type { Feed, FeedHealth, FeedStore } from './ports.js';
import { digest, isTokenId, type Keys } from './keys.js';
import { KeyList } from './key-list.js';
import { createCheckedWrite, retryConflicts } from './checked-write.js';
import { execAll } from './exec-all.js';
import { createScript } from './lua-script.js';
import { decodeFeed, encodeFeed } from './serialize.js';

export interface RedisFeedStoreDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  readonly clock: Clock;
  /** Item keys remembered per feed (oldest forgotten first). */
  readonly seenCap?: number;
}

/** A feed's id: a hex digest of its URL, so adding the same URL twice finds the same feed. */
export const feedIdOf = (url: string) => asFeedId(createHash('sha256').update(url).digest('hex').slice(0, 16));

// KEYS: seen zset, health hash. ARGV: now (ms), cap, digests… Returns the 1-based indexes of new digests.
// Scores strictly increase (µs-like sequence), so trimming by rank always drops the oldest keys.
const MARK_SEEN = `
local fresh = {}
local score = tonumber(ARGV[1]) * 1000
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
if last and tonumber(last) >= score then score = tonumber(last) + 1 end
for i = 3, #ARGV do
  if redis.call('ZADD', KEYS[1], 'NX', score, ARGV[i]) == 1 then
    fresh[#fresh + 1] = i - 2
    score = score + 1
  end
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[2]) - 1)
if #fresh > 0 then redis.call('HINCRBY', KEYS[2], 'itemsSeen', #fresh) end
return fresh
`;

const NUMERIC: readonly (keyof FeedHealth)[] = ['lastPollAt', 'lastSuccessAt', 'lastErrorAt', 'consecutiveErrors', 'itemsSeen', 'nextPollAt'];
const TEXT: readonly (keyof FeedHealth)[] = ['lastError', 'etag', 'lastModified'];

/** Creates the Redis FeedStore. */
export function createRedisFeedStore({ redis, keys, clock, seenCap = 2000 }: RedisFeedStoreDeps): FeedStore {
  const markSeen = createScript(redis, MARK_SEEN);
  const write = createCheckedWrite(redis);
  const get = async (id: string): Promise<{ json: string | null; feed?: Feed }> => {
    const json = isTokenId(id) ? await redis.hget(keys.feeds(), id) : null;
    return json === null ? { json } : { json, feed: decodeFeed(json) };
  };

  return {
    /** Adding a URL that is already there returns the stored feed unchanged. */
    async add(input) {
      const id = feedIdOf(input.url);
      const known = await get(id);
      if (known.feed) return known.feed;
      // A sequence number lost to a concurrent add of the same URL leaves only a gap.
      const seq = await redis.incr(keys.feedSeq());
      const feed: Feed = { ...input, id, paused: false, addedAt: clock().getTime(), seq };
      if ((await redis.hsetnx(keys.feeds(), feed.id, encodeFeed(feed))) === 1) return feed;
      return (await get(feed.id)).feed ?? feed;
    },

    async remove(id) {
      if (!isTokenId(id)) return false;
      // The feed first (what readers list), then its health and seen-set (same slot as each other,
      // not as the feeds hash): a crash between leaves only keys no feed points at.
      const removed = await redis.hdel(keys.feeds(), id);
      await redis.unlink(keys.feedHealth(id), keys.feedSeen(id));
      return removed === 1;
    },

    setPaused(id, paused) {
      return retryConflicts<Feed | undefined>('pause feed', async () => {
        const { json, feed } = await get(id);
        if (!feed || json === null) return { done: true, value: undefined };
        const next: Feed = { ...feed, paused };
        const kl = new KeyList();
        const feeds = kl.at(keys.feeds());
        const ok = await write(kl.keys, [[feeds, id, json]], [['HSET', feeds, id, encodeFeed(next)]]);
        return ok ? { done: true, value: next } : { done: false };
      });
    },

    async get(id) {
      return (await get(id)).feed;
    },

    async list() {
      const all = Object.values(await redis.hgetall(keys.feeds())).map(decodeFeed);
      // HGETALL order depends on the server's hash seed: sort on a total order.
      return all.toSorted((a, b) => a.addedAt - b.addedAt || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async health(id) {
      const raw = isTokenId(id) ? await redis.hgetall(keys.feedHealth(id)) : {};
      const h: Record<string, string | number> = { consecutiveErrors: 0, itemsSeen: 0 };
      for (const f of NUMERIC) if (raw[f] !== undefined) h[f] = Number(raw[f]);
      for (const f of TEXT) if (raw[f] !== undefined) h[f] = raw[f];
      return h as unknown as FeedHealth;
    },

    /** Sets the given fields; a field present with the value undefined is cleared (e.g. `lastError` after a success). */
    async recordPoll(id, health) {
      const key = keys.feedHealth(id);
      const set: Record<string, string> = {};
      const clear: string[] = [];
      for (const f of [...NUMERIC, ...TEXT]) {
        if (!(f in health)) continue;
        const v = health[f];
        if (v === undefined) clear.push(f);
        else set[f] = String(v);
      }
      const tx = redis.multi();
      if (Object.keys(set).length > 0) tx.hset(key, set);
      if (clear.length > 0) tx.hdel(key, ...clear);
      await execAll(tx);
    },

    async markSeen(id, itemKeys) {
      const unique = [...new Set(itemKeys)];
      if (unique.length === 0) return [];
      const fresh = (await markSeen(
        [keys.feedSeen(id), keys.feedHealth(id)],
        [clock().getTime(), seenCap, ...unique.map(digest)],
      )) as number[];
      return fresh.map((i) => unique[i - 1]!);
    },
  };
}
