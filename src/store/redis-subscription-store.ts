/**
 * Subscriptions on Redis, both ways, compact:
 * - topic → chats: a SET of integer chat ids per topic (intset while small), SSCANned by the fan-out;
 * - chat → topics: a field of a bucketed HASH (chat id → "topicA topicB"), listpack-encoded;
 * - follower counts: a ZSET for "top topics".
 * Follow and unfollow are Lua scripts, so the per-chat limit and both directions change atomically.
 */
import type { Redis } from 'ioredis';
import { asChatId, type ChatId, type TopicId } from '../core/ids.js';
import type { FollowError, SubscriptionStore } from './ports.js';
import { isTopicId, type Keys } from './keys.js';
import { KeyList } from './key-list.js';
import { createCheckedWrite, retryConflicts, type Op } from './checked-write.js';
import { createScript } from './lua-script.js';

export interface RedisSubscriptionStoreDeps {
  readonly redis: Redis;
  readonly keys: Keys;
  /** Most topics one chat may follow (config MAX_TOPICS_PER_CHAT). */
  readonly maxTopicsPerChat: number;
  /**
   * Whether a non-keyword topic id exists (the catalogue). Keyword topics (`kw:…`) must be in
   * the keyword registry. Without it, any well-formed id is accepted.
   */
  readonly isCatalogTopic?: (id: TopicId) => boolean;
}

/** The topic ids of a chat's subscription field. */
export function splitTopics(field: string | null | undefined): TopicId[] {
  return field ? (field.split(' ').filter(Boolean) as TopicId[]) : [];
}

// KEYS: bucket, followers, top, keywords. ARGV: chat, topic, limit, mustBeKeyword.
// Returns 1 followed, 0 already, -1 over the limit, -2 unknown keyword.
const FOLLOW = `
if ARGV[4] == '1' and redis.call('HEXISTS', KEYS[4], ARGV[2]) == 0 then return -2 end
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
redis.call('ZINCRBY', KEYS[3], 1, ARGV[2])
return 1
`;

// KEYS: bucket, followers, top. ARGV: chat, topic. Returns 1 if it was followed.
const UNFOLLOW = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return 0 end
local kept, found = {}, false
for t in string.gmatch(cur, '%S+') do
  if t == ARGV[2] then found = true else kept[#kept + 1] = t end
end
if not found then return 0 end
if #kept == 0 then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], table.concat(kept, ' ')) end
redis.call('SREM', KEYS[2], ARGV[1])
local left = tonumber(redis.call('ZINCRBY', KEYS[3], -1, ARGV[2]))
if left <= 0 then redis.call('ZREM', KEYS[3], ARGV[2]) end
return 1
`;

/** Creates the Redis SubscriptionStore. */
export function createRedisSubscriptionStore({ redis, keys, maxTopicsPerChat, isCatalogTopic }: RedisSubscriptionStoreDeps): SubscriptionStore {
  const follow = createScript(redis, FOLLOW);
  const unfollow = createScript(redis, UNFOLLOW);
  const write = createCheckedWrite(redis);

  return {
    async follow(chat, topic) {
      const unknown = { ok: false as const, error: { code: 'unknown-topic' } satisfies FollowError };
      if (!isTopicId(topic)) return unknown;
      const keyword = topic.startsWith('kw:');
      if (!keyword && isCatalogTopic && !isCatalogTopic(topic)) return unknown;
      const r = Number(
        await follow(
          [keys.chatTopics(chat), keys.followers(topic), keys.topTopics(), keys.keywords()],
          [chat, topic, maxTopicsPerChat, keyword ? '1' : '0'],
        ),
      );
      if (r === -1) return { ok: false, error: { code: 'too-many-topics', limit: maxTopicsPerChat } };
      if (r === -2) return unknown;
      return { ok: true, already: r === 0 };
    },

    async unfollow(chat, topic) {
      if (!isTopicId(topic)) return false;
      return Number(await unfollow([keys.chatTopics(chat), keys.followers(topic), keys.topTopics()], [chat, topic])) === 1;
    },

    unfollowAll(chat) {
      return retryConflicts<number>('unfollow all', async () => {
        const field = await redis.hget(keys.chatTopics(chat), String(chat));
        const topics = splitTopics(field);
        if (topics.length === 0) return { done: true, value: 0 };
        const kl = new KeyList();
        const bucket = kl.at(keys.chatTopics(chat));
        const top = kl.at(keys.topTopics());
        const ops: Op[] = [['HDEL', bucket, String(chat)]];
        for (const t of topics) ops.push(['SREM', kl.at(keys.followers(t)), chat], ['ZDEC', top, t]);
        const ok = await write(kl.keys, [[bucket, String(chat), field ?? undefined]], ops);
        return ok ? { done: true, value: topics.length } : { done: false };
      });
    },

    async topicsOf(chat) {
      return splitTopics(await redis.hget(keys.chatTopics(chat), String(chat)));
    },

    async isFollowing(chat, topic) {
      return isTopicId(topic) && (await redis.sismember(keys.followers(topic), chat)) === 1;
    },

    async scanFollowers(topic, cursor, count) {
      if (!isTopicId(topic)) return { cursor: '0', chats: [] };
      const [next, members] = await redis.sscan(keys.followers(topic), cursor, 'COUNT', count);
      return { cursor: next, chats: members.map((m): ChatId => asChatId(Number(m))) };
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
