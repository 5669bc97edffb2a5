/**
 * Admin broadcasts on Redis: a HASH id → Broadcast JSON, a ZSET for the newest-first list,
 * and a counters HASH per broadcast that delivery's sender HINCRBYs (see addBroadcastCounts).
 */
import { randomBytes } from 'node:crypto';
import type { ChainableCommander } from 'ioredis';
import type { RedisClient } from './redis-connection.js';
import { asBroadcastId, type BroadcastId } from '../core/ids.js';
import type { Clock } from '../core/clock.js';
import type { Broadcast, BroadcastCounters, BroadcastState, BroadcastStore } from './ports.js';
import { isTokenId, type Keys } from './keys.js';
import { KeyList } from './key-list.js';
import { createCheckedWrite, retryConflicts } from './checked-write.js';
import { execAll } from './exec-all.js';
import { compact, decodeBroadcast, encodeBroadcast } from './serialize.js';

export interface RedisBroadcastStoreDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  readonly clock: Clock;
}

export type BroadcastCounter = keyof BroadcastCounters;
const COUNTERS: readonly BroadcastCounter[] = ['total', 'queued', 'sent', 'failed', 'blocked'];
const FINAL: ReadonlySet<BroadcastState> = new Set(['done', 'cancelled']);

/**
 * Queues HINCRBYs of a broadcast's counters on `tx` (a MULTI or pipeline), so the sender can
 * change them in the same transaction as its sent marker. The key is `keys.broadcastCounters(id)`,
 * fields total, queued, sent, failed, blocked.
 */
export function addBroadcastCounts(
  tx: ChainableCommander,
  keys: Keys,
  id: BroadcastId,
  delta: Partial<Record<BroadcastCounter, number>>,
): ChainableCommander {
  for (const field of COUNTERS) {
    const n = delta[field];
    if (n) tx.hincrby(keys.broadcastCounters(id), field, n);
  }
  return tx;
}

/** Creates the Redis BroadcastStore. Ids are random (16 hex digits). */
export function createRedisBroadcastStore({ redis, keys, clock }: RedisBroadcastStoreDeps): BroadcastStore {
  const write = createCheckedWrite(redis);
  const read = async (id: BroadcastId): Promise<{ json: string | null; broadcast?: Broadcast }> => {
    const json = isTokenId(id) ? await redis.hget(keys.broadcasts(), id) : null;
    return json === null ? { json } : { json, broadcast: decodeBroadcast(json) };
  };

  return {
    async create(input) {
      const broadcast: Broadcast = {
        ...input,
        id: asBroadcastId(randomBytes(8).toString('hex')),
        state: 'draft',
        createdAt: clock().getTime(),
      };
      await execAll(
        redis
          .multi()
          .hset(keys.broadcasts(), broadcast.id, encodeBroadcast(broadcast))
          .zadd(keys.broadcastOrder(), broadcast.createdAt, broadcast.id),
      );
      return broadcast;
    },

    async get(id) {
      return (await read(id)).broadcast;
    },

    /** 'done' and 'cancelled' are final: a later patch cannot move the state back (other fields still apply). */
    update(id, patch) {
      return retryConflicts<Broadcast | undefined>('update broadcast', async () => {
        const { json, broadcast } = await read(id);
        if (!broadcast || json === null) return { done: true, value: undefined };
        const next: Broadcast = compact({ ...broadcast, ...patch, state: FINAL.has(broadcast.state) ? broadcast.state : (patch.state ?? broadcast.state) });
        const kl = new KeyList();
        const all = kl.at(keys.broadcasts());
        const ok = await write(kl.keys, [[all, id, json]], [['HSET', all, id, encodeBroadcast(next)]]);
        return ok ? { done: true, value: next } : { done: false };
      });
    },

    async counters(id) {
      const raw = isTokenId(id) ? await redis.hgetall(keys.broadcastCounters(id)) : {};
      const out: Record<string, number> = {};
      for (const f of COUNTERS) out[f] = Number(raw[f] ?? 0);
      return out as unknown as BroadcastCounters;
    },

    async list(limit) {
      if (limit <= 0) return [];
      const ids = await redis.zrevrange(keys.broadcastOrder(), 0, limit - 1);
      if (ids.length === 0) return [];
      const values = await redis.hmget(keys.broadcasts(), ...ids);
      return values.flatMap((v) => (v === null ? [] : [decodeBroadcast(v)]));
    },
  };
}
