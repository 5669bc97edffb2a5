/**
 * Subscriptions on Redis, both ways, in chat buckets (keys.ts: chat id mod CHAT_BUCKETS):
 * - chat → topics: a field of the bucket's HASH (chat id → "topicA topicB"), listpack-encoded;
 * - topic → chats: per bucket, a SET of the bucket's chat ids that follow the topic (an intset
 *   while ≤ 512), and per topic the SET of bucket numbers where it may have followers;
 * - follower counts: a ZSET for "top topics" and followerCount.
 *
 * Both directions of one chat live in its bucket's slot, so follow, unfollow and unfollowAll are
 * each ONE script: atomic, the per-chat limit exact, on a single Redis and on Redis Cluster alike.
 * What spans slots is done in steps around that script, ordered so that a crash between two of them
 * leaves nothing a reader sees as wrong:
 * 1. (follow) the chat's bucket joins the topic's bucket list — a superset (a listed bucket without
 *    followers of the topic is read as empty); it is never shrunk, so no race can hide a follower;
 * 2. the one-slot script;
 * 3. the topic's count moves by one (ZINCRBY).
 * A crash after 1 leaves a bucket listed for nothing; after 2, a count one off (display only: top
 * topics, the recipients estimate; recountTopic repairs it from the sets). Follow and unfollow are
 * idempotent: doing one again after a crash finishes it.
 */
import { asChatId, type ChatId, type TopicId } from '../core/ids.js';
import type { FollowError, SubscriptionStore } from './ports.js';
import { batch } from './batch.js';
import { chatBucketOf, isTopicId, type Keys } from './keys.js';
import { createScript } from './lua-script.js';
import type { RedisClient } from './redis-connection.js';

/** The steps of a follow/unfollow that span slots, named for the crash tests' seam. */
export type SubscriptionStep = 'follow:indexed' | 'follow:recorded' | 'unfollow:recorded';

export interface RedisSubscriptionStoreDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  /** Most topics one chat may follow (config MAX_TOPICS_PER_CHAT). */
  readonly maxTopicsPerChat: number;
  /**
   * Whether a non-keyword topic id exists (the catalogue). Keyword topics (`kw:…`) must be in
   * the keyword registry. Without it, any well-formed id is accepted.
   */
  readonly isCatalogTopic?: (id: TopicId) => boolean;
  /** Called after each step that the next one does not share a slot with (tests throw here to play a crash). */
  readonly afterStep?: (step: SubscriptionStep) => void;
}

/** The topic ids of a chat's subscription field. */
export function splitTopics(field: string | null | undefined): TopicId[] {
  return field ? (field.split(' ').filter(Boolean) as TopicId[]) : [];
}

// KEYS: bucket hash, the topic's followers in the bucket. ARGV: chat, topic, limit.
// Returns 1 followed, 0 already, -1 over the limit.
const FOLLOW = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
local n = 0
if cur then
  for t in string.gmatch(cur, '%S+') do
    if t == ARGV[2] then
      redis.call('SADD', KEYS[2], ARGV[1])
      return 0
    end
    n = n + 1
  end
end
if n >= tonumber(ARGV[3]) then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], cur and (cur .. ' ' .. ARGV[2]) or ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`;

// KEYS: bucket hash, then the followers-in-bucket set of each ARGV topic. ARGV: chat, topic….
// Removes the topics from the chat (both directions); returns the topics it followed.
const UNFOLLOW = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return {} end
local drop = {}
for i = 2, #ARGV do drop[ARGV[i]] = i end
local kept, gone = {}, {}
for t in string.gmatch(cur, '%S+') do
  if drop[t] then
    gone[#gone + 1] = t
    redis.call('SREM', KEYS[drop[t]], ARGV[1])
  else
    kept[#kept + 1] = t
  end
end
if #gone == 0 then return {} end
if #kept == 0 then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], table.concat(kept, ' ')) end
return gone
`;

// KEYS: top topics. ARGV: topic. One follower fewer; gone at 0.
const COUNT_DOWN = `
local left = tonumber(redis.call('ZINCRBY', KEYS[1], -1, ARGV[1]))
if left <= 0 then redis.call('ZREM', KEYS[1], ARGV[1]) end
return left
`;

/** Buckets read at once by a page of scanFollowers. */
const BUCKETS_PER_READ = 32;

/** A scanFollowers cursor: `<bucket>.<SSCAN cursor within it>`; '0' starts and, returned, means done. */
function parseCursor(cursor: string): { bucket: number; inner: string } {
  if (cursor === '0') return { bucket: -1, inner: '0' };
  const m = /^(\d{1,5})\.(\d{1,20})$/.exec(cursor);
  if (!m) throw new Error(`subscription store: malformed cursor ${JSON.stringify(cursor)}`);
  return { bucket: Number(m[1]), inner: m[2]! };
}

/** Sets a topic's count from its follower sets (the repair after a crash between a follow's script and its count). */
export async function recountTopic(redis: RedisClient, keys: Keys, topic: TopicId): Promise<number> {
  const buckets = (await redis.smembers(keys.topicBuckets(topic))).map(Number);
  const sizes = (await batch(redis, (c) => {
    for (const b of buckets) c.scard(keys.followersIn(topic, b));
  })) as number[];
  const n = sizes.reduce((a, b) => a + b, 0);
  if (n > 0) await redis.zadd(keys.topTopics(), n, topic);
  else await redis.zrem(keys.topTopics(), topic);
  return n;
}

/** Creates the Redis SubscriptionStore. */
export function createRedisSubscriptionStore({ redis, keys, maxTopicsPerChat, isCatalogTopic, afterStep = () => undefined }: RedisSubscriptionStoreDeps): SubscriptionStore {
  const follow = createScript(redis, FOLLOW);
  const unfollow = createScript(redis, UNFOLLOW);
  const countDown = createScript(redis, COUNT_DOWN);

  /** Both directions out for `topics` (one script), then the counts. */
  const drop = async (chat: ChatId, topics: readonly TopicId[]): Promise<number> => {
    const b = chatBucketOf(chat);
    const gone = (await unfollow([keys.chatTopics(chat), ...topics.map((t) => keys.followersIn(t, b))], [chat, ...topics])) as TopicId[];
    afterStep('unfollow:recorded');
    await Promise.all(gone.map((t) => countDown([keys.topTopics()], [t])));
    return gone.length;
  };

  return {
    async follow(chat, topic) {
      const unknown = { ok: false as const, error: { code: 'unknown-topic' } satisfies FollowError };
      if (!isTopicId(topic)) return unknown;
      const keyword = topic.startsWith('kw:');
      if (!keyword && isCatalogTopic && !isCatalogTopic(topic)) return unknown;
      // Keyword topics are never removed from the registry: checking first is as good as checking inside.
      if (keyword && (await redis.hexists(keys.keywords(), topic)) === 0) return unknown;
      const b = chatBucketOf(chat);
      await redis.sadd(keys.topicBuckets(topic), b);
      afterStep('follow:indexed');
      const r = Number(await follow([keys.chatTopics(chat), keys.followersIn(topic, b)], [chat, topic, maxTopicsPerChat]));
      afterStep('follow:recorded');
      if (r === -1) return { ok: false, error: { code: 'too-many-topics', limit: maxTopicsPerChat } };
      if (r === 1) await redis.zincrby(keys.topTopics(), 1, topic);
      return { ok: true, already: r === 0 };
    },

    async unfollow(chat, topic) {
      if (!isTopicId(topic)) return false;
      return (await drop(chat, [topic])) === 1;
    },

    async unfollowAll(chat) {
      const topics = splitTopics(await redis.hget(keys.chatTopics(chat), String(chat)));
      // A topic followed meanwhile stays followed (the script drops only those named).
      return topics.length === 0 ? 0 : drop(chat, topics);
    },

    async topicsOf(chat) {
      return splitTopics(await redis.hget(keys.chatTopics(chat), String(chat)));
    },

    async isFollowing(chat, topic) {
      return isTopicId(topic) && (await redis.sismember(keys.followersIn(topic, chatBucketOf(chat)), chat)) === 1;
    },

    /**
     * Walks the topic's buckets in ascending order, BUCKETS_PER_READ at a time, SSCAN within each (an
     * intset answers whole); a page holds at least `count` chats unless the walk ends, and more only
     * by the last bucket read (at most its SSCAN answer). Each chat once (a walk over a set changing
     * meanwhile may, as SSCAN may, return a chat twice; the sent markers stop a second send).
     */
    async scanFollowers(topic, cursor, count) {
      if (!isTopicId(topic)) return { cursor: '0', chats: [] };
      let { bucket, inner } = parseCursor(cursor);
      const buckets = (await redis.smembers(keys.topicBuckets(topic))).map(Number).filter((b) => b >= bucket).toSorted((a, b) => a - b);
      const chats: ChatId[] = [];
      for (let i = 0; i < buckets.length; i += BUCKETS_PER_READ) {
        const slice = buckets.slice(i, i + BUCKETS_PER_READ);
        const pages = (await batch(redis, (c) => {
          for (const b of slice) c.sscan(keys.followersIn(topic, b), b === bucket ? inner : '0', 'COUNT', count);
        })) as [string, string[]][];
        for (const [j, [next, members]] of pages.entries()) {
          for (const m of members) chats.push(asChatId(Number(m)));
          const b = slice[j]!;
          if (next !== '0') return { cursor: `${b}.${next}`, chats };
          const following = buckets[i + j + 1];
          if (chats.length >= count) return { cursor: following === undefined ? '0' : `${following}.0`, chats };
        }
      }
      return { cursor: '0', chats };
    },

    async followerCount(topic) {
      return isTopicId(topic) ? Number((await redis.zscore(keys.topTopics(), topic)) ?? 0) : 0;
    },

    async topTopics(limit) {
      if (limit <= 0) return [];
      const flat = await redis.zrevrange(keys.topTopics(), 0, limit - 1, 'WITHSCORES');
      const out: { topicId: TopicId; followers: number }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) out.push({ topicId: flat[i] as TopicId, followers: Number(flat[i + 1]) });
      return out;
    },
  };
}
