/**
 * Commands on many keys at once, whatever slots they hash to: one pipeline on a single server
 * (one write, one read), and on a cluster each command on its own, which the cluster client
 * auto-pipelines per node (an ioredis cluster pipeline must stay on one node). Not a transaction:
 * for atomic writes, keep to one slot (keys.ts) and use a script or MULTI.
 */
import type { ChainableCommander } from 'ioredis';
import { execAll } from './exec-all.js';
import { isCluster, type RedisClient } from './redis-connection.js';

/** Queues commands through `build` (as on a pipeline) and resolves with their replies, in order; the first error throws. */
export async function batch(redis: RedisClient, build: (commands: ChainableCommander) => void): Promise<unknown[]> {
  if (!isCluster(redis)) {
    const pipe = redis.pipeline();
    build(pipe);
    return pipe.length === 0 ? [] : execAll(pipe);
  }
  const replies: Promise<unknown>[] = [];
  // Each command called on the collector is sent at once on the cluster client.
  const collector: ChainableCommander = new Proxy({} as ChainableCommander, {
    get: (_, name: string) => (...args: unknown[]) => {
      replies.push((redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args));
      return collector;
    },
  });
  build(collector);
  return Promise.all(replies);
}
