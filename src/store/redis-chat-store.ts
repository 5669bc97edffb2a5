/**
 * Chats on Redis: one HASH id → chat JSON, status counters kept in the same atomic
 * write as every status change (so stats() is one HGETALL), and channel links both ways.
 */
import type { Redis } from 'ioredis';
import { asChatId, type ChatId } from '../core/ids.js';
import type { Clock } from '../core/clock.js';
import type { Chat, ChatPatch, ChatStats, ChatStore, InactiveReason } from './ports.js';
import type { Keys } from './keys.js';
import { KeyList } from './key-list.js';
import { createCheckedWrite, retryConflicts, type Op } from './checked-write.js';
import { execAll } from './exec-all.js';
import { counterOps, migrateChat, statusField } from './chat-migration.js';
import { compact, decodeChat, encodeChat } from './serialize.js';

export interface RedisChatStoreDeps {
  readonly redis: Redis;
  readonly keys: Keys;
  readonly clock: Clock;
  /** Time zone of newly registered chats (config DEFAULT_TIMEZONE). */
  readonly defaultTimeZone: string;
}

const HMGET_CHUNK = 1000;

function applyPatch(chat: Chat, patch: ChatPatch): Chat {
  const { pausedUntil, quietHours, ...rest } = patch;
  const next: Record<string, unknown> = { ...chat, ...compact(rest) };
  if (pausedUntil === null) delete next.pausedUntil;
  else if (pausedUntil !== undefined) next.pausedUntil = pausedUntil;
  if (quietHours === null) delete next.quietHours;
  else if (quietHours !== undefined) next.quietHours = quietHours;
  return next as unknown as Chat;
}

/** Creates the Redis ChatStore. */
export function createRedisChatStore({ redis, keys, clock, defaultTimeZone }: RedisChatStoreDeps): ChatStore {
  const write = createCheckedWrite(redis);
  const read = async (id: ChatId): Promise<{ json: string | null; chat?: Chat }> => {
    const json = await redis.hget(keys.chats(), String(id));
    return json === null ? { json } : { json, chat: decodeChat(json) };
  };

  /** Replaces the chat `id` (read as `json`) with `next`, keeping the counters right. */
  const replace = (id: ChatId, json: string | null, before: Chat | undefined, next: Chat): Promise<boolean> => {
    const kl = new KeyList();
    const chats = kl.at(keys.chats());
    const counters = kl.at(keys.chatCounters());
    const ops: Op[] = [['HSET', chats, String(id), encodeChat(next)]];
    if (!before || statusField(before.status) !== statusField(next.status)) {
      ops.push(...counterOps(counters, before?.status, next.status));
    }
    return write(kl.keys, [[chats, String(id), json ?? undefined]], ops);
  };

  return {
    async get(id) {
      return (await read(id)).chat;
    },

    register(input) {
      return retryConflicts<Chat>('register chat', async () => {
        const { json, chat } = await read(input.id);
        const next: Chat = chat
          ? compact({ ...chat, type: input.type, title: input.title ?? chat.title, status: chat.status.kind === 'active' ? chat.status : { kind: 'active' } })
          : compact({
              id: input.id,
              type: input.type,
              title: input.title,
              language: input.language ?? 'ar',
              timeZone: defaultTimeZone,
              status: { kind: 'active' },
              delivery: { kind: 'instant' },
              createdAt: clock().getTime(),
            });
        if (json !== null && encodeChat(next) === json) return { done: true, value: next };
        return (await replace(input.id, json, chat, next)) ? { done: true, value: next } : { done: false };
      });
    },

    update(id, patch) {
      return retryConflicts<Chat | undefined>('update chat', async () => {
        const { json, chat } = await read(id);
        if (!chat) return { done: true, value: undefined };
        const next = applyPatch(chat, patch);
        return (await replace(id, json, chat, next)) ? { done: true, value: next } : { done: false };
      });
    },

    async getMany(ids) {
      const out: (Chat | undefined)[] = [];
      for (let i = 0; i < ids.length; i += HMGET_CHUNK) {
        const page = ids.slice(i, i + HMGET_CHUNK);
        if (page.length === 0) continue;
        const values = await redis.hmget(keys.chats(), ...page.map(String));
        for (const v of values) out.push(v === null ? undefined : decodeChat(v));
      }
      return out;
    },

    migrate(from, to) {
      return migrateChat({ redis, keys, write }, from, to);
    },

    async stats(): Promise<ChatStats> {
      const raw = await redis.hgetall(keys.chatCounters());
      const inactiveByReason: Partial<Record<InactiveReason, number>> = {};
      for (const [field, value] of Object.entries(raw)) {
        if (field.startsWith('inactive:') && Number(value) > 0) inactiveByReason[field.slice(9) as InactiveReason] = Number(value);
      }
      return { total: Number(raw.total ?? 0), active: Number(raw.active ?? 0), inactiveByReason };
    },

    async linkChannel(user, channel) {
      await execAll(redis.multi().sadd(keys.userChannels(user), channel).sadd(keys.chatLinkers(channel), user));
    },

    async unlinkChannel(user, channel) {
      await execAll(redis.multi().srem(keys.userChannels(user), channel).srem(keys.chatLinkers(channel), user));
    },

    async channelsOf(user) {
      // SMEMBERS order is arbitrary: channels are listed by id so screens don't reshuffle.
      return (await redis.smembers(keys.userChannels(user))).map(Number).toSorted((a, b) => a - b).map(asChatId);
    },

    async scanAll(cursor, count) {
      const [next, flat] = await redis.hscan(keys.chats(), cursor, 'COUNT', count);
      const chats: ChatId[] = [];
      for (let i = 0; i < flat.length; i += 2) chats.push(asChatId(Number(flat[i])));
      return { cursor: next, chats };
    },
  };
}
