/** A lease in Redis: one holder at a time, renewed while alive, expiring if the holder dies. */
import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';
import { createScript } from './lua-script.js';

export interface Lease {
  /** Takes the lease, or renews it if this holder has it; false while someone else holds it. */
  acquire(): Promise<boolean>;
  /** Gives the lease up if this holder has it. */
  release(): Promise<void>;
}

// KEYS[1] lease key; ARGV[1] holder token, ARGV[2] ttl ms.
const ACQUIRE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Creates a lease on `key` (the caller builds it under the app's prefix). */
export function createRedisLease(redis: RedisClient, key: string, ttlMs: number): Lease {
  const holder = randomUUID();
  const acquire = createScript(redis, ACQUIRE);
  const release = createScript(redis, RELEASE);
  return {
    async acquire() {
      return (await acquire([key], [holder, ttlMs])) === 1;
    },
    async release() {
      await release([key], [holder]);
    },
  };
}
