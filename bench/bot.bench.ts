/**
 * `npm run -s bench -- bot --json` → `{ updatesPerSec, p99Ms, … }`: the real bot (grammY +
 * @grammyjs/runner, sequentialize, rate limit, error boundary, every feature) against the
 * in-repo fake Bot API over HTTP and real Redis, 10,000 distinct users (`--users N`).
 *
 * The fake and its users run on a worker thread (bot-fake-thread.ts); the bot has the main thread.
 * 1. Throughput (saturated): every user sends /start at once; then, at once, even users tap
 *    a category in the picker and odd users search for a topic. updatesPerSec = 2 × users
 *    updates / time until the last is handled.
 * 2. Latency (paced at `--rate`, default 1,000 updates/s): each user taps, searches or sends
 *    /start; p50/p99 = from the update being queued at the fake to the bot having finished
 *    handling it (its reply or edit acknowledged by the fake over HTTP).
 * Options: --users N (10,000), --rate R (1,000), --concurrency C (the runner's sink, 500 as in
 * production; `--polling runner` only), --polling app|runner: `app` (default) takes updates as
 * the app does (startPolling: an update confirmed only once handled), `runner` through the
 * runner's own `run()` (confirms each batch at once), to see what the safer offset costs.
 */
import { run as runBot } from '@grammyjs/runner';
import { Worker } from 'node:worker_threads';
import type { UserFromGetMe } from 'grammy/types';
import { catalogFromMatcher } from '../src/bot/catalog.js';
import { createBot } from '../src/bot/create-bot.js';
import { ALLOWED_UPDATES, startPolling } from '../src/bot/run-updates.js';
import { builtinTopics } from '../src/core/catalog.js';
import { createLogger } from '../src/logger.js';
import { createRedisStores } from '../src/store/index.js';
import { Redis } from 'ioredis';
import { DEFAULT_ZONE, wire } from '../tests/integration/delivery/harness.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../tests/support/redis.js';
import type { Command } from './bot-fake-thread.js';

const now = (): number => performance.timeOrigin + performance.now();
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const option = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const users = option(args, '--users', 10_000);
  const pacedRate = option(args, '--rate', 1000);
  // The thread runs TypeScript through tsx like the bench itself (registered before its import).
  const entry = new URL('./bot-fake-thread.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const thread = new Worker(boot, { eval: true });
  const ask = <T>(command: Command): Promise<T> =>
    new Promise((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
      thread.postMessage(command, []);
    });
  const fake = await ask<{ apiRoot: string; token: string; botInfo: UserFromGetMe }>({ cmd: 'init', users });
  const prefix = testPrefix('bench-bot');
  const wiring = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, workers: false });
  // As in main.ts: the bot's stores on their own auto-pipelining client.
  const botRedis = new Redis(REDIS_URL, { enableAutoPipelining: true });
  const botStores = createRedisStores({ redis: botRedis, prefix, clock: () => new Date(), defaultTimeZone: DEFAULT_ZONE });
  const bot = createBot(fake.token, {
    logger: createLogger('silent'), clock: () => new Date(), stores: botStores,
    catalog: catalogFromMatcher(wiring.matcher, builtinTopics()),
    ingest: wiring.delivery.ingest, broadcasts: wiring.delivery.broadcasts, stats: wiring.delivery.stats,
    adminIds: [], defaultTimeZone: DEFAULT_ZONE,
    // As in main.ts: flood buckets, keyword offers and admin dialogues in Redis.
    redis: { client: botRedis, keys: botStores.keys }, releaseHeld: wiring.delivery.releaseHeld,
  }, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo, rateLimit: { capacity: 10, refillPerSec: 1 } });

  let handled = 0;
  const handledAt = new Map<number, number>();
  const inner = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, envelope) => {
    try {
      return await inner(update, envelope);
    } finally {
      handled++;
      handledAt.set(update.update_id, now());
    }
  };
  const concurrency = option(args, '--concurrency', 500);
  const polling = args.includes('--polling') && args[args.indexOf('--polling') + 1] === 'runner' ? 'runner' : 'app';
  const runner = polling === 'runner'
    ? runBot(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: 1 } }, sink: { concurrency } })
    : await startPolling(bot, createLogger('silent'), { timeoutSec: 1 });
  const until = async (count: number): Promise<void> => {
    for (;;) {
      if (handled >= count) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  try {
    await ask({ cmd: 'burst', kind: 'help', count: Math.min(200, users) }); // warm-up
    await until(Math.min(200, users));

    handled = 0;
    const cpu0 = process.cpuUsage();
    const t0 = now();
    await ask({ cmd: 'burst', kind: 'start', count: users });
    await until(users);
    handled = 0;
    await ask({ cmd: 'burst', kind: 'mix', count: users });
    await until(users);
    const saturatedMs = now() - t0;
    await ask({ cmd: 'checkpoint' });
    // CPU of both threads (bot and fake) per update: on a shared machine this says what the
    // work costs, whatever the neighbours take.
    const cpu = process.cpuUsage(cpu0);

    handled = 0;
    handledAt.clear();
    const t1 = now();
    const paced = await ask<{ queuedAt: [number, number][] }>({ cmd: 'paced', rate: pacedRate, count: users });
    await until(users);
    const pacedMs = now() - t1;
    const latencies = paced.queuedAt.map(([id, at]) => (handledAt.get(id) ?? Number.NaN) - at).toSorted((a, b) => a - b);

    return {
      updatesPerSec: Math.round((2 * users) / (saturatedMs / 1000)),
      p99Ms: Math.round(percentile(latencies, 99)),
      p50Ms: Math.round(percentile(latencies, 50)),
      processCpuMsPerUpdate: Number(((cpu.user + cpu.system) / 1000 / (2 * users)).toFixed(3)),
      polling,
      pacedRate,
      pacedAchievedPerSec: Math.round(users / (pacedMs / 1000)),
      users,
      updates: 3 * users,
      apiErrors: (await ask<{ errors: number }>({ cmd: 'checkpoint' })).errors,
    };
  } finally {
    await runner.stop();
    await wiring.close();
    await botRedis.quit();
    const redis = connectRedis();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await ask({ cmd: 'close' });
    await thread.terminate();
  }
}
