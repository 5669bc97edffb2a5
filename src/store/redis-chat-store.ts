/**
 * Chats on Redis: HASHes id → chat JSON, one per chat bucket (keys.ts: chat id mod CHAT_BUCKETS, so
 * no key outgrows a cluster shard), status counters per bucket kept in the same one-slot atomic write
 * as every status change (stats() sums the buckets), and channel links both ways.
 */
import type { RedisClient } from './redis-connection.js';
import { asChatId, type ChatId } from '../core/ids.js';
import type { Clock } from '../core/clock.js';
import type { Chat, ChatPatch, ChatStats, ChatStore, InactiveReason } from './ports.js';
import type { Keys } from './keys.js';
import { batch } from './batch.js';
import { CHAT_BUCKETS, chatBucketOf } from './keys.js';
import { KeyList } from './key-list.js';
import { createCheckedWrite, retryConflicts, type Op } from './checked-write.js';
import { counterOps, migrateChat, statusField } from './chat-migration.js';
import { compact, decodeChat, encodeChat } from './serialize.js';

export interface RedisChatStoreDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  readonly clock: Clock;
  /** Time zone of newly registered chats (config DEFAULT_TIMEZONE). */
  readonly defaultTimeZone: string;
}

/** Buckets whose counters are read at once by stats(). */
const STATS_BATCH = 512;
/** Buckets read at once by a page of scanAll. */
const SCAN_BUCKETS = 64;

/**
 * A scanAll cursor: `<bucket>.<HSCAN cursor of that bucket>`; '0' starts at bucket 0 and, returned, means done.
 */
function parseScanCursor(cursor: string): { bucket: number; inner: string } {
  if (cursor === '0') return { bucket: 0, inner: '0' };
  const m = /^(\d{1,5})\.(\d{1,20})$/.exec(cursor);
  const bucket = m ? Number(m[1]) : NaN;
  if (!m || bucket >= CHAT_BUCKETS) throw new Error(`chat store: malformed scan cursor ${JSON.stringify(cursor)}`);
  return { bucket, inner: m[2]! };
}

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
    const json = await redis.hget(keys.chats(id), String(id));
    return json === null ? { json } : { json, chat: decodeChat(json) };
  };

  /** Replaces the chat `id` (read as `json`) with `next`, keeping the counters right. */
  const replace = (id: ChatId, json: string | null, before: Chat | undefined, next: Chat): Promise<boolean> => {
    const kl = new KeyList();
    // Both keys carry the chat's bucket tag: one slot.
    const chats = kl.at(keys.chats(id));
    const counters = kl.at(keys.chatCounters(chatBucketOf(id)));
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
      // One HMGET per bucket, all at once (batch.ts).
      const byBucket = new Map<number, number[]>();
      ids.forEach((id, i) => {
        const b = chatBucketOf(id);
        const list = byBucket.get(b);
        if (list) list.push(i);
        else byBucket.set(b, [i]);
      });
      const groups = [...byBucket];
      const replies = await batch(redis, (c) => {
        for (const [b, at] of groups) c.hmget(keys.chatsBucket(b), ...at.map((i) => String(ids[i])));
      });
      const out: (Chat | undefined)[] = Array.from({ length: ids.length }, () => undefined);
      groups.forEach(([, at], g) => {
        (replies[g] as (string | null)[]).forEach((v, j) => {
          if (v !== null) out[at[j]!] = decodeChat(v);
        });
      });
      return out;
    },

    migrate(from, to) {
      return migrateChat({ redis, keys, write }, from, to);
    },

    async stats(): Promise<ChatStats> {
      // Every bucket's counters, summed: CHAT_BUCKETS small HGETALLs (admin /stats, broadcast previews).
      const sum = new Map<string, number>();
      for (let b = 0; b < CHAT_BUCKETS; b += STATS_BATCH) {
        const replies = await batch(redis, (c) => {
          for (let i = b; i < Math.min(b + STATS_BATCH, CHAT_BUCKETS); i++) c.hgetall(keys.chatCounters(i));
        });
        for (const raw of replies as Record<string, string>[]) {
          for (const [field, value] of Object.entries(raw)) sum.set(field, (sum.get(field) ?? 0) + Number(value));
        }
      }
      const inactiveByReason: Partial<Record<InactiveReason, number>> = {};
      for (const [field, value] of [...sum].toSorted(([a], [b]) => (a < b ? -1 : 1))) {
        if (field.startsWith('inactive:') && value > 0) inactiveByReason[field.slice(9) as InactiveReason] = value;
      }
      return { total: sum.get('total') ?? 0, active: sum.get('active') ?? 0, inactiveByReason };
    },

    // A link is two keys in two slots, written in two idempotent steps. The reverse index (chat →
    // users, read only by migrate) is written first and removed last, so a crash between the steps
    // leaves at most a reverse entry without its link, which migrate ignores (it moves only links it finds).
    async linkChannel(user, channel) {
      await redis.sadd(keys.chatLinkers(channel), user);
      await redis.sadd(keys.userChannels(user), channel);
    },

    async unlinkChannel(user, channel) {
      await redis.srem(keys.userChannels(user), channel);
      await redis.srem(keys.chatLinkers(channel), user);
    },

    async channelsOf(user) {
      // SMEMBERS order is arbitrary: channels are listed by id so screens don't reshuffle.
      return (await redis.smembers(keys.userChannels(user))).map(Number).toSorted((a, b) => a - b).map(asChatId);
    },

    /**
     * Walks the buckets in order, SCAN_BUCKETS at a time (one batch), HSCAN within each; a page holds
     * at least `count` chats unless the walk ends, and more only by the last bucket read.
     */
    async scanAll(cursor, count) {
      const start = parseScanCursor(cursor);
      const chats: ChatId[] = [];
      for (let first = start.bucket; first < CHAT_BUCKETS; first += SCAN_BUCKETS) {
        const last = Math.min(first + SCAN_BUCKETS, CHAT_BUCKETS);
        const pages = (await batch(redis, (c) => {
          for (let b = first; b < last; b++) c.hscan(keys.chatsBucket(b), b === start.bucket ? start.inner : '0', 'COUNT', count);
        })) as [string, string[]][];
        for (const [i, [next, flat]] of pages.entries()) {
          for (let j = 0; j < flat.length; j += 2) chats.push(asChatId(Number(flat[j])));
          const b = first + i;
          if (next !== '0') return { cursor: `${b}.${next}`, chats };
          if (chats.length >= count) return { cursor: b + 1 >= CHAT_BUCKETS ? '0' : `${b + 1}.0`, chats };
        }
      }
      return { cursor: '0', chats };
    },
  };
}
