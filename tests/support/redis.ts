/**
 * Real Redis for integration tests. Each test file gets its own key prefix, and
 * cleans up only its own keys (SCAN + UNLINK): never FLUSHDB or FLUSHALL, the
 * server is shared.
 *
 * Two targets: the single server at REDIS_URL (every test), and — in vitest's `cluster` project,
 * which exists when TEST_REDIS_CLUSTER_NODES is set (.ci/run starts a 3-master loopback cluster and
 * sets it) — that Redis Cluster, for the store, delivery and crash tests (vitest.config.ts). The
 * test variable is not the app's REDIS_CLUSTER_NODES, so that a CLI a single-server test spawns
 * never wanders off to the cluster.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { deletePrefix as deletePrefixOf } from '../../src/store/delete-prefix.js';
import { bullPrefix } from '../../src/store/keys.js';
import { openRedis, parseClusterNodes, type RedisClient, type RedisTarget } from '../../src/store/redis-connection.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** This run's cluster seed nodes (TEST_REDIS_CLUSTER_NODES), or undefined. */
export const CLUSTER_NODES = (() => {
  const text = process.env.TEST_REDIS_CLUSTER_NODES;
  if (!text) return undefined;
  const parsed = parseClusterNodes(text);
  if (!parsed.ok) throw new Error(`TEST_REDIS_CLUSTER_NODES: ${parsed.problems.join('; ')}`);
  return parsed.nodes;
})();

/** Whether this test file runs in the `cluster` project (against CLUSTER_NODES). */
export const ON_CLUSTER = process.env.TANBIH_TEST_ON_CLUSTER === '1' && CLUSTER_NODES !== undefined;

/** Where this file's tests talk to Redis: the cluster in the cluster project, else REDIS_URL. */
export const REDIS_TARGET: RedisTarget = ON_CLUSTER && CLUSTER_NODES ? { kind: 'cluster', nodes: CLUSTER_NODES } : { kind: 'single', url: REDIS_URL };

/**
 * The target as BullMQ connection options, for tests that open queues or queue events of their own:
 * options for a single server, a (lazily connecting) Cluster client on the cluster.
 */
export const bullConnection = ((): { host: string; port: number; maxRetriesPerRequest: null } => {
  if (REDIS_TARGET.kind === 'cluster') {
    const client = openRedis(REDIS_TARGET, { maxRetriesPerRequest: null, lazyConnect: true });
    client.on('error', () => undefined);
    // BullMQ takes a Cluster instance where it takes options; typed as the options the files expect.
    return client as never;
  }
  const url = new URL(REDIS_URL);
  return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
})();

/** A unique prefix for one test file, e.g. `t:subscriptions:3fa2c1`. No trailing colon. */
export function testPrefix(name: string): string {
  return `t:${name}:${randomBytes(3).toString('hex')}`;
}

/**
 * A client on this file's target. Typed as a single-server client for the files' sake: the
 * commands tests send behave alike on a Cluster client (each touches one slot).
 */
export function connectRedis(): Redis {
  return openRedis(REDIS_TARGET, { maxRetriesPerRequest: null }) as Redis;
}

/** Deletes every key under `prefix` (the prefix's own keys, and its queues' under the hash-tagged BullMQ prefix). */
export const deleteKeys = async (redis: RedisClient, prefix: string): Promise<number> =>
  (await deletePrefixOf(redis, prefix)) + (await deletePrefixOf(redis, bullPrefix(prefix)));

/** Deletes a test file's keys and closes its client: the usual afterAll of an integration test. */
export async function releaseRedis(redis: RedisClient, prefix: string): Promise<void> {
  await deleteKeys(redis, prefix);
  redis.disconnect();
}

/** Deletes every key under `prefix` through a short-lived client (for files that keep no client of their own). */
export async function deletePrefix(prefix: string): Promise<void> {
  await releaseRedis(connectRedis(), prefix);
}
