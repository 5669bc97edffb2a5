/**
 * A delivery worker process for the crash test: `node --import tsx tests/support/delivery-worker.ts`
 * with REDIS_URL, DELIVERY_PREFIX, TELEGRAM_API_ROOT, BOT_TOKEN, SEND_RATE_PER_SEC in the environment
 * (LOCK_MS and CONCURRENCY optional: unset, the shipped defaults are used; REDIS_CLUSTER_NODES, when
 * set, points it at that Redis Cluster instead of REDIS_URL). Runs the fan-out and
 * send workers; prints "ready" once connected; SIGTERM closes it.
 */
import { parseClusterNodes } from '../../src/store/redis-connection.js';
import { wire } from '../integration/delivery/harness.js';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`delivery-worker: ${name} is required`);
  return v;
};

const cluster = process.env.REDIS_CLUSTER_NODES ? parseClusterNodes(process.env.REDIS_CLUSTER_NODES) : undefined;
if (cluster && !cluster.ok) throw new Error(`delivery-worker: REDIS_CLUSTER_NODES: ${cluster.problems.join('; ')}`);

const w = await wire({
  redisUrl: env('REDIS_URL'),
  ...(cluster?.ok ? { target: { kind: 'cluster' as const, nodes: cluster.nodes } } : {}),
  prefix: env('DELIVERY_PREFIX'),
  apiRoot: env('TELEGRAM_API_ROOT'),
  token: env('BOT_TOKEN'),
  rate: Number(env('SEND_RATE_PER_SEC')),
  ...(process.env.LOCK_MS ? { lockDurationMs: Number(process.env.LOCK_MS) } : {}),
  concurrency: process.env.CONCURRENCY ? Number(process.env.CONCURRENCY) : 'auto',
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  w.close().then(() => process.exit(0), () => process.exit(1));
});
