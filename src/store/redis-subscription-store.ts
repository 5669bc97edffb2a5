/**
 * Subscriptions on Redis, both ways, compact:
 * - chat → topics: a field of the chat's bucket HASH (chat id → "topicA topicB"), listpack-encoded.
 *   This side is THE TRUTH of who follows what: the per-chat limit is checked and kept atomically
 *   here (one key, one slot);
 * - topic → chats: a SET of integer chat ids per topic (intset while small), SSCANned by the fan-out.
 *   A derived index, kept a SUPERSET of the truth;
 * - follower counts: a ZSET for "top topics", set from the follower SET's SCARD after each change.
 *
 * The two sides live in different slots (Redis Cluster), so a follow or unfollow is a few idempotent
 * steps, ordered so that a crash between any two of them leaves nothing a reader sees as wrong:
 * - follow: SADD to the topic's set FIRST, then add the topic to the chat's field (limit checked);
 * - unfollow: remove it from the chat's field FIRST, then SREM from the topic's set.
 * A crash between the steps can only leave a chat in a topic's set that its field does not list (a
 * "ghost"). Readers never show one: scanFollowers (the fan-out) keeps only the chats whose field lists
 * the topic, isFollowing and topicsOf read the field. The repair is the next follow or unfollow of that
 * topic by that chat (each step is idempotent and the unfollow SREMs whatever it finds); until then a
 * ghost only costs its bytes and counts one too many in followerCount / top topics. The limit stays
 * exact: it is checked in the same script that adds the topic to the field.
 */
import { asChatId, type ChatId, type TopicId } from '../core/ids.js';
import type { FollowError, SubscriptionStore } from './ports.js';
import { chatBucketOf, isTopicId, type Keys } from './keys.js';
import { batch } from './batch.js';
import { createScript } from './lua-script.js';
import type { RedisClient } from './redis-connection.js';

/** The steps of a follow/unfollow that span slots, named for the crash tests' seam. */
export type SubscriptionStep = 'follow:indexed' | 'follow:recorded' | 'unfollow:recorded' | 'unfollow:unindexed';

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
  /** Called after each cross-slot step (tests throw here to play a crash between steps). */
  readonly afterStep?: (step: SubscriptionStep) => void;
}

/** The topic ids of a chat's subscription field. */
export function splitTopics(field: string | null | undefined): TopicId[] {
  return field ? (field.split(' ').filter(Boolean) as TopicId[]) : [];
}

// KEYS: bucket. ARGV: chat, topic, limit. Returns 1 added, 0 already there, -1 over the limit.
const RECORD_FOLLOW = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
local n = 0
if cur then
  for t in string.gmatch(cur, '%S+') do
    if t == ARGV[2] then return 0 end
    n = n + 1
  end
end
if n >= tonumber(ARGV[3]) then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], cur and (cur .. ' ' .. ARGV[2]) or ARGV[2])
return 1
`;

// KEYS: bucket. ARGV: chat, topic…. Removes the topics from the chat's field; returns how many it listed.
const RECORD_UNFOLLOW = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return 0 end
local drop = {}
for i = 2, #ARGV do drop[ARGV[i]] = true end
local kept, found = {}, 0
for t in string.gmatch(cur, '%S+') do
  if drop[t] then found = found + 1 else kept[#kept + 1] = t end
end
if found == 0 then return 0 end
if #kept == 0 then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], table.concat(kept, ' ')) end
return found
`;

/** Creates the Redis SubscriptionStore. */
export function createRedisSubscriptionStore({ redis, keys, maxTopicsPerChat, isCatalogTopic, afterStep = () => undefined }: RedisSubscriptionStoreDeps): SubscriptionStore {
  const recordFollow = createScript(redis, RECORD_FOLLOW);
  const recordUnfollow = createScript(redis, RECORD_UNFOLLOW);
  const fieldOf = async (chat: ChatId): Promise<TopicId[]> => splitTopics(await redis.hget(keys.chatTopics(chat), String(chat)));

  /** Sets the topic's "top topics" score from its follower set (idempotent; a ghost counts until repaired). */
  const recount = async (topic: TopicId): Promise<void> => {
    const n = await redis.scard(keys.followers(topic));
    if (n > 0) await redis.zadd(keys.topTopics(), n, topic);
    else await redis.zrem(keys.topTopics(), topic);
  };

  /** Unfollow's second half: out of the topics' sets, counts refreshed. Idempotent. */
  const unindex = async (chat: ChatId, topics: readonly TopicId[]): Promise<void> => {
    await Promise.all(topics.map((t) => redis.srem(keys.followers(t), chat)));
    afterStep('unfollow:unindexed');
    await Promise.all(topics.map(recount));
  };

  return {
    async follow(chat, topic) {
      const unknown = { ok: false as const, error: { code: 'unknown-topic' } satisfies FollowError };
      if (!isTopicId(topic)) return unknown;
      const keyword = topic.startsWith('kw:');
      if (!keyword && isCatalogTopic && !isCatalogTopic(topic)) return unknown;
      // Keyword topics are never removed from the registry: checking first is as good as checking inside.
      if (keyword && (await redis.hexists(keys.keywords(), topic)) === 0) return unknown;
      const tooMany = { ok: false as const, error: { code: 'too-many-topics', limit: maxTopicsPerChat } satisfies FollowError };
      const before = await fieldOf(chat);
      if (!before.includes(topic) && before.length >= maxTopicsPerChat) return tooMany;
      // 1. The index first (a superset of the truth is harmless: readers check the chat's field).
      await redis.sadd(keys.followers(topic), chat);
      afterStep('follow:indexed');
      // 2. The truth, limit checked atomically.
      const r = Number(await recordFollow([keys.chatTopics(chat)], [chat, topic, maxTopicsPerChat]));
      afterStep('follow:recorded');
      if (r === -1) {
        // A concurrent follow took the last place: undo step 1, unless the topic got in meanwhile.
        if (!(await fieldOf(chat)).includes(topic)) await redis.srem(keys.followers(topic), chat);
        return tooMany;
      }
      await recount(topic);
      return { ok: true, already: r === 0 };
    },

    async unfollow(chat, topic) {
      if (!isTopicId(topic)) return false;
      const found = Number(await recordUnfollow([keys.chatTopics(chat)], [chat, topic])) > 0;
      afterStep('unfollow:recorded');
      // Even when the field did not list it: this repairs a ghost left by a crash.
      await unindex(chat, [topic]);
      return found;
    },

    async unfollowAll(chat) {
      const topics = await fieldOf(chat);
      if (topics.length === 0) return 0;
      const n = Number(await recordUnfollow([keys.chatTopics(chat)], [chat, ...topics]));
      afterStep('unfollow:recorded');
      await unindex(chat, topics);
      return n;
    },

    topicsOf: fieldOf,

    async isFollowing(chat, topic) {
      return isTopicId(topic) && (await fieldOf(chat)).includes(topic);
    },

    /** Only chats whose own field lists the topic (ghosts left by a crash are skipped); a page may hold fewer than `count`. */
    async scanFollowers(topic, cursor, count) {
      if (!isTopicId(topic)) return { cursor: '0', chats: [] };
      const [next, members] = await redis.sscan(keys.followers(topic), cursor, 'COUNT', count);
      const chats = members.map((m): ChatId => asChatId(Number(m)));
      const byBucket = new Map<number, ChatId[]>();
      for (const c of chats) {
        const b = chatBucketOf(c);
        const list = byBucket.get(b);
        if (list) list.push(c);
        else byBucket.set(b, [c]);
      }
      const groups = [...byBucket];
      const replies = await batch(redis, (c) => {
        for (const [b, list] of groups) c.hmget(keys.chatTopicsBucket(b), ...list.map(String));
      });
      const real = new Set<number>();
      groups.forEach(([, list], g) => {
        (replies[g] as (string | null)[]).forEach((f, i) => {
          if (splitTopics(f).includes(topic)) real.add(list[i]!);
        });
      });
      return { cursor: next, chats: chats.filter((c) => real.has(c)) };
    },

    async followerCount(topic) {
      return isTopicId(topic) ? redis.scard(keys.followers(topic)) : 0;
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
