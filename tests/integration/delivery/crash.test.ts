import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.js';
import { deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-crash');
const CONCURRENCY = 10;
const workerEntry = fileURLToPath(new URL('../../support/delivery-worker.ts', import.meta.url));
let fake: FakeTelegram;
let w: Wiring;
const children: ChildProcess[] = [];

/** Starts a worker process and resolves once it printed "ready". */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerEntry], {
    env: {
      ...process.env,
      REDIS_URL,
      DELIVERY_PREFIX: prefix,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_TOKEN: fake.token,
      SEND_RATE_PER_SEC: '1000',
      LOCK_MS: '3000',
      CONCURRENCY: String(CONCURRENCY),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!out.includes('ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`delivery worker did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

beforeAll(async () => {
  fake = await startFakeTelegram({ acceptAnyChat: true });
  fake.faults.latency(5);
  // This process only ingests; the two child processes deliver.
  w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, workers: false });
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await w?.close();
  await fake?.close();
  await deletePrefix(prefix);
});

it('delivers every alert when one of two worker processes is SIGKILLed half-way through 5,000 sends, both pausing on a 429', async () => {
  const chats = await addFollowers(w.stores, 'country:AM', 40_000_001, 5000);
  const [doomed] = await Promise.all([startWorker(), startWorker()]);

  const outcome = await w.delivery.ingest.ingest(fixtureInput());
  expect(outcome).toMatchObject({ status: 'queued', recipients: 5000 });

  // Both processes obey one 429 (retry_after 1 s): the pause is shared through Redis.
  await fake.waitFor(() => fake.sent().length >= 1000, 30_000);
  fake.faults.rateLimit({ retryAfter: 1, nextCalls: 1 });
  await fake.waitFor(() => fake.sent().length >= 2500, 30_000);
  doomed?.kill('SIGKILL');
  await fake.waitFor(() => fake.sentChats().size >= chats.length, 45_000);
  await new Promise((r) => setTimeout(r, 1000));

  const received = new Map<number, number>();
  for (const m of fake.sent()) received.set(m.chatId, (received.get(m.chatId) ?? 0) + 1);
  const duplicates = [...received.values()].reduce((sum, n) => sum + n - 1, 0);
  console.log(`crash test: ${chats.length} chats, ${fake.sent().length} messages, ${duplicates} duplicates (sends in flight at the kill)`);
  expect(chats.every((c) => (received.get(c) ?? 0) >= 1)).toBe(true);
  const calls = fake.calls('sendMessage');
  const t = calls.find((c) => c.response?.ok === false && c.response.error_code === 429)?.at ?? 0;
  expect(t).toBeGreaterThan(0);
  expect(calls.filter((c) => c.at > t + 250 && c.at < t + 950)).toHaveLength(0);
  // Only sends in flight in the killed process may repeat: at most one per concurrent slot.
  expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
}, 120_000);
