/**
 * A delivery worker process for the crash test: `node --import tsx tests/support/delivery-worker.ts`
 * with REDIS_URL, DELIVERY_PREFIX, TELEGRAM_API_ROOT, BOT_TOKEN, SEND_RATE_PER_SEC in the environment
 * (LOCK_MS and CONCURRENCY optional: unset, the shipped defaults are used). Runs the fan-out and
 * send workers; prints "ready" once connected; SIGTERM closes it.
 */
import { wire } from '../integration/delivery/harness.js';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`delivery-worker: ${name} is required`);
  return v;
};

const w = await wire({
  redisUrl: env('REDIS_URL'),
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
