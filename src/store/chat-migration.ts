/**
 * Group → supergroup migration, in one checked write: the chat record, its status
 * counters, its subscriptions (both ways, merged with any the new id already had)
 * and its channel links move from the old id to the new one.
 */
import type { Redis } from 'ioredis';
import { asUserId, type ChatId } from '../core/ids.js';
import type { Chat, ChatStatus } from './ports.js';
import type { Keys } from './keys.js';
import { KeyList } from './key-list.js';
import { retryConflicts, type CheckedWrite, type Op } from './checked-write.js';
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
  readonly redis: Redis;
  readonly keys: Keys;
  readonly write: CheckedWrite;
}

/** Moves chat `from` to `to`; the old id's settings win, the new id's own subscriptions are kept. */
export function migrateChat({ redis, keys, write }: MigrationDeps, from: ChatId, to: ChatId): Promise<void> {
  if (from === to) return Promise.resolve();
  return retryConflicts<void>('migrate chat', async () => {
    const [fromJson, toJson, fromTopics, toTopics, linkers] = await Promise.all([
      redis.hget(keys.chats(), String(from)),
      redis.hget(keys.chats(), String(to)),
      redis.hget(keys.chatTopics(from), String(from)),
      redis.hget(keys.chatTopics(to), String(to)),
      redis.smembers(keys.chatLinkers(from)),
    ]);
    const kl = new KeyList();
    const chats = kl.at(keys.chats());
    const fromBucket = kl.at(keys.chatTopics(from));
    const toBucket = kl.at(keys.chatTopics(to));
    const ops: Op[] = [];
    if (fromJson !== null) {
      const old = decodeChat(fromJson);
      const next: Chat = { ...old, id: to, type: 'supergroup' };
      const counters = kl.at(keys.chatCounters());
      ops.push(['HDEL', chats, String(from)], ['HSET', chats, String(to), encodeChat(next)]);
      ops.push(...counterOps(counters, old.status, undefined), ...counterOps(counters, toJson === null ? undefined : decodeChat(toJson).status, next.status));
    }
    const moved = splitTopics(fromTopics);
    const already = new Set(splitTopics(toTopics));
    if (moved.length > 0) {
      const top = kl.at(keys.topTopics());
      ops.push(['HDEL', fromBucket, String(from)], ['HSET', toBucket, String(to), [...already, ...moved.filter((t) => !already.has(t))].join(' ')]);
      for (const t of moved) {
        const f = kl.at(keys.followers(t));
        ops.push(['SREM', f, from], ['SADD', f, to]);
        // The topic counted both ids; now it has one follower fewer.
        if (already.has(t)) ops.push(['ZDEC', top, t]);
      }
    }
    for (const user of linkers) {
      const channels = kl.at(keys.userChannels(asUserId(Number(user))));
      ops.push(['SREM', channels, from], ['SADD', channels, to]);
      ops.push(['SREM', kl.at(keys.chatLinkers(from)), user], ['SADD', kl.at(keys.chatLinkers(to)), user]);
    }
    if (ops.length === 0) return { done: true, value: undefined };
    const checks = [
      [chats, String(from), fromJson ?? undefined],
      [chats, String(to), toJson ?? undefined],
      [fromBucket, String(from), fromTopics ?? undefined],
      [toBucket, String(to), toTopics ?? undefined],
    ] as const;
    return (await write(kl.keys, checks, ops)) ? { done: true, value: undefined } : { done: false };
  });
}
