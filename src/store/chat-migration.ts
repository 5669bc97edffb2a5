/**
 * Group → supergroup migration: the chat record, its status counters, its subscriptions (both ways,
 * merged with any the new id already had) and its channel links move from the old id to the new one.
 *
 * The old and new ids live in different chat buckets (different slots under Redis Cluster), so the
 * move is a sequence of idempotent steps, each one-slot, ordered so that an interrupted migration
 * is repaired by running it again — which the sender does by itself, since Telegram keeps answering
 * "migrated" for the old id:
 * 1. the new id's bucket joins the moved topics' bucket lists (a superset is harmless);
 * 2. the new id's bucket: record (the old id's settings win), counters, merged topics and the
 *    topics' followers there — one checked write;
 * 3. the old id's bucket: record, counters, topics and followers removed — one checked write;
 * 4. each topic both ids followed counts one follower fewer;
 * 5. each linked user's channel list swaps the old id for the new one; the reverse index follows.
 * Between 2 and 3 both ids exist: the old one's sends fail with "migrated" and re-run the migration;
 * the chat counters count the group twice until then. A crash between 3 and 4 leaves a topic count
 * one too high (recountTopic repairs it).
 */
import { asUserId, type ChatId, type TopicId } from '../core/ids.js';
import type { Chat, ChatStatus } from './ports.js';
import { chatBucketOf, type Keys } from './keys.js';
import { KeyList } from './key-list.js';
import { retryConflicts, type CheckedWrite, type Op } from './checked-write.js';
import { createScript, type Script } from './lua-script.js';
import type { RedisClient } from './redis-connection.js';
import { splitTopics } from './redis-subscription-store.js';
import { decodeChat, encodeChat } from './serialize.js';

/** The counters-HASH field a status is counted under. */
export const statusField = (s: ChatStatus): string => (s.kind === 'active' ? 'active' : `inactive:${s.reason}`);

/** Counter writes for a chat going from `before` to `after` (undefined: absent). */
export function counterOps(key: number, before: ChatStatus | undefined, after: ChatStatus | undefined): Op[] {
  const ops: Op[] = [];
  if (before) ops.push(['HINCRBY', key, statusField(before), -1], ['HINCRBY', key, 'total', -1]);
  if (after) ops.push(['HINCRBY', key, statusField(after), 1], ['HINCRBY', key, 'total', 1]);
  return ops;
}

export interface MigrationDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  readonly write: CheckedWrite;
}

// KEYS: a user's channel set. ARGV: from, to. Swaps only a link that is there.
const SWAP = `if redis.call('SREM', KEYS[1], ARGV[1]) == 1 then redis.call('SADD', KEYS[1], ARGV[2]) end return 1`;
const swaps = new WeakMap<object, Script>();

/** Moves chat `from` to `to`; the old id's settings win, the new id's own subscriptions are kept. */
export async function migrateChat({ redis, keys, write }: MigrationDeps, from: ChatId, to: ChatId): Promise<void> {
  if (from === to) return;
  let swap = swaps.get(redis);
  if (!swap) swaps.set(redis, (swap = createScript(redis, SWAP)));
  const read = (id: ChatId) => Promise.all([redis.hget(keys.chats(id), String(id)), redis.hget(keys.chatTopics(id), String(id))]);
  const moved: TopicId[] = splitTopics((await read(from))[1]);
  const toBucket = chatBucketOf(to);
  const fromBucket = chatBucketOf(from);
  let both: TopicId[] = [];

  // 1. Bucket lists first.
  await Promise.all(moved.map((t) => redis.sadd(keys.topicBuckets(t), toBucket)));

  // 2. The new id's bucket, from what the old id holds (re-read on each conflict).
  await retryConflicts<void>('migrate chat (new id)', async () => {
    const [[fromJson, fromTopics], [toJson, toTopics]] = await Promise.all([read(from), read(to)]);
    if (fromJson === null && fromTopics === null) return { done: true, value: undefined };
    const kl = new KeyList();
    const chats = kl.at(keys.chats(to));
    const topics = kl.at(keys.chatTopics(to));
    const ops: Op[] = [];
    if (fromJson !== null) {
      const next: Chat = { ...decodeChat(fromJson), id: to, type: 'supergroup' };
      const counters = kl.at(keys.chatCounters(chatBucketOf(to)));
      const before = toJson === null ? undefined : decodeChat(toJson).status;
      ops.push(['HSET', chats, String(to), encodeChat(next)], ...counterOps(counters, before, next.status));
    }
    const already = splitTopics(toTopics);
    const incoming = splitTopics(fromTopics);
    const merged = [...already, ...incoming.filter((t) => !already.includes(t))];
    if (merged.length > already.length) ops.push(['HSET', topics, String(to), merged.join(' ')]);
    for (const t of incoming) ops.push(['SADD', kl.at(keys.followersIn(t, toBucket)), to]);
    both = incoming.filter((t) => already.includes(t));
    if (ops.length === 0) return { done: true, value: undefined };
    const ok = await write(kl.keys, [[chats, String(to), toJson ?? undefined], [topics, String(to), toTopics ?? undefined]], ops);
    return ok ? { done: true, value: undefined } : { done: false };
  });

  // 3. The old id's bucket.
  await retryConflicts<void>('migrate chat (old id)', async () => {
    const [fromJson, fromTopics] = await read(from);
    if (fromJson === null && fromTopics === null) return { done: true, value: undefined };
    const kl = new KeyList();
    const chats = kl.at(keys.chats(from));
    const topics = kl.at(keys.chatTopics(from));
    const ops: Op[] = [];
    if (fromJson !== null) ops.push(['HDEL', chats, String(from)], ...counterOps(kl.at(keys.chatCounters(chatBucketOf(from))), decodeChat(fromJson).status, undefined));
    if (fromTopics !== null) ops.push(['HDEL', topics, String(from)]);
    for (const t of splitTopics(fromTopics)) ops.push(['SREM', kl.at(keys.followersIn(t, fromBucket)), from]);
    const ok = await write(kl.keys, [[chats, String(from), fromJson ?? undefined], [topics, String(from), fromTopics ?? undefined]], ops);
    return ok ? { done: true, value: undefined } : { done: false };
  });

  // 4. A topic that counted both ids has one follower fewer.
  await Promise.all(both.map(async (t) => {
    const left = await redis.zincrby(keys.topTopics(), -1, t);
    if (Number(left) <= 0) await redis.zrem(keys.topTopics(), t);
  }));

  // 5. Channel links.
  for (const user of await redis.smembers(keys.chatLinkers(from))) {
    await redis.sadd(keys.chatLinkers(to), user);
    await swap([keys.userChannels(asUserId(Number(user)))], [from, to]);
    await redis.srem(keys.chatLinkers(from), user);
  }
}
