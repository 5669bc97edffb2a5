/**
 * Delivery rate: the achieved send rate against the fake Bot API as a ratio of the configured
 * limit, at 25/s and 1000/s, with the fake enforcing that same limit over a sliding second.
 * Each send reaches the fake 30 ms ± 30 ms (uniform) after it left, as over a jittery network,
 * and the fake itself counts what Telegram would: the most sends arriving in any sliding
 * second (`maxPerSlidingSecond`, must not exceed the limit) and the 429s that provoked
 * (`provoked429`, must be 0). Two worker processes share the pacer, as in production.
 * `npm run -s bench -- delivery --json [--seconds S] [--processes N] [--concurrency C] [--limits 25,1000] [--jitter MS]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { asTopicId } from '../src/core/ids.js';
import { startFakeTelegram } from '../src/fake-telegram/index.js';
import { deletePrefix } from '../src/store/delete-prefix.js';
import { bullPrefix } from '../src/store/keys.js';
import { addFollowers, fixtureInput, wire } from '../tests/integration/delivery/harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORKER = fileURLToPath(new URL('../tests/support/delivery-worker.ts', import.meta.url));

/** Worker processes send; this process runs the fake and ingests (as in production, the API is elsewhere). */
export async function startWorkers(n: number, env: Record<string, string>): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: n }, async () => {
    const child = spawn(process.execPath, [...(process.env.BENCH_WORKER_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/wprof'] : []), '--import', 'tsx', WORKER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    while (!out.includes('ready')) {
      if (child.exitCode !== null) throw new Error(`bench worker exited: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return child;
  }));
}

/** SIGTERMs the bench's worker processes and waits for each to exit. */
export async function stopWorkers(workers: readonly ChildProcess[]): Promise<void> {
  for (const child of workers) {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

/** Deletes the bench's keys: the store's under `prefix`, BullMQ's under its hash-tagged form. */
async function deleteUnder(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  await deletePrefix(redis, prefix);
  await deletePrefix(redis, bullPrefix(prefix));
  redis.disconnect();
}

const LATENCY_MS = 30;

async function measure(limitPerSec: number, seconds: number, processes: number, jitterMs: number, concurrency?: number) {
  const prefix = `bd${randomBytes(2).toString('hex')}`;
  const fake = await startFakeTelegram({ acceptAnyChat: true });
  fake.faults.latency(LATENCY_MS, { jitterMs });
  fake.faults.rateLimit({ aboveRatePerSec: limitPerSec, retryAfter: 1 });
  const w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: limitPerSec, workers: false });
  const workers = await startWorkers(processes, {
    REDIS_URL, DELIVERY_PREFIX: prefix, TELEGRAM_API_ROOT: fake.apiRoot, BOT_TOKEN: fake.token, SEND_RATE_PER_SEC: String(limitPerSec),
    ...(concurrency ? { CONCURRENCY: String(concurrency) } : {}),
  });
  try {
    const recipients = limitPerSec * seconds;
    await addFollowers(w.stores, asTopicId('country:AM'), 200_000_001, recipients);
    const outcome = await w.delivery.ingest.ingest(fixtureInput(`https://example.com/bench/${prefix}`));
    if (outcome.status !== 'queued') throw new Error(`bench: ingest said ${outcome.status}`);
    // Counting messages is O(1); sentChats() builds a set of every chat, which every 10 ms would stall the fake.
    await fake.waitFor(() => fake.sent().length >= recipients, (seconds * 3 + 30) * 1000);
    await fake.waitFor(() => fake.sentChats().size >= recipients, (seconds + 30) * 1000);
    if (process.env.BENCH_DEBUG_429) {
      const calls = fake.calls('sendMessage');
      const first = calls.findIndex((c) => c.response?.ok === false && c.response.error_code === 429);
      if (first >= 0) {
        const t = calls[first]?.at ?? 0;
        const buckets = new Map<number, number>();
        for (const c of calls) if (c.response?.ok && c.at > t - 1100 && c.at <= t) buckets.set(Math.floor((c.at - t) / 50), (buckets.get(Math.floor((c.at - t) / 50)) ?? 0) + 1);
        console.error('first 429 at call', first, 'ok calls per 50 ms before it:', [...buckets].toSorted((a, b) => a[0] - b[0]).map(([k, n]) => `${k * 50}:${n}`).join(' '));
      }
    }
    const times = fake.sent().map((m) => m.at).toSorted((a, b) => a - b);
    const sent = times.length;
    const spanSec = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    const achievedPerSec = spanSec > 0 ? (sent - 1) / spanSec : 0;
    return {
      limitPerSec,
      processes,
      jitterMs,
      sent,
      achievedPerSec: Number(achievedPerSec.toFixed(1)),
      ratio: Number((achievedPerSec / limitPerSec).toFixed(3)),
      maxPerSlidingSecond: fake.sendRate().maxPerWindow,
      provoked429: fake.faults.stats.rateLimited,
    };
  } finally {
    await stopWorkers(workers);
    await w.close();
    await fake.close();
    await deleteUnder(prefix);
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const i = args.indexOf('--seconds');
  const seconds = i >= 0 ? Number(args[i + 1]) : 10;
  const p = args.indexOf('--processes');
  const processes = p >= 0 ? Number(args[p + 1]) : 2;
  const j = args.indexOf('--jitter');
  const jitterMs = j >= 0 ? Number(args[j + 1]) : 30;
  const c = args.indexOf('--concurrency');
  const concurrency = c >= 0 ? Number(args[c + 1]) : undefined;
  const l = args.indexOf('--limits');
  const limits = l >= 0 ? (args[l + 1] ?? '').split(',').map(Number) : [25, 1000];
  const runs = [];
  for (const limit of limits) runs.push(await measure(limit, seconds, processes, jitterMs, concurrency));
  return { runs };
}
