/**
 * Real Redis for integration tests. Each test file gets its own key prefix, and
 * cleans up only its own keys (SCAN + UNLINK): never FLUSHDB or FLUSHALL, the
 * server is shared.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { deletePrefix as deletePrefixOf } from '../../src/store/delete-prefix.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** REDIS_URL as BullMQ connection options, for tests that open queues or queue events of their own. */
export const bullConnection = (() => {
  const url = new URL(REDIS_URL);
  return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
})();

/** A unique prefix for one test file, e.g. `t:subscriptions:3fa2c1`. No trailing colon. */
export function testPrefix(name: string): string {
  return `t:${name}:${randomBytes(3).toString('hex')}`;
}

export function connectRedis(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** Deletes every key under `prefix` (the prefix's own keys only). */
export const deleteKeys = (redis: Redis, prefix: string): Promise<number> => deletePrefixOf(redis, prefix);

/** Deletes a test file's keys and closes its client: the usual afterAll of an integration test. */
export async function releaseRedis(redis: Redis, prefix: string): Promise<void> {
  await deleteKeys(redis, prefix);
  redis.disconnect();
}

/** Deletes every key under `prefix` through a short-lived client (for files that keep no client of their own). */
export async function deletePrefix(prefix: string): Promise<void> {
  await releaseRedis(connectRedis(), prefix);
}
