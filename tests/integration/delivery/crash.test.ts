import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bullPrefix } from '../../../src/store/keys.js';
import { isChunk, SEND_QUEUE, type SendJob } from '../../../src/delivery/queues.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { bullConnection, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-crash');
const CONCURRENCY = 10;
const workerEntry = fileURLToPath(new URL('../../support/delivery-worker.ts', import.meta.url));
/** The process that gets killed talks to the fake as another bot, so every call says which process made it. */
const DOOMED_BOT = 7_000_000_002;
let fake: FakeTelegram;
let w: Wiring;
const children: ChildProcess[] = [];

const chatsOf = (d: SendJob): readonly number[] => (isChunk(d) ? d.cs : [d.c]);

/** Starts a worker process (with the shipped lock and stall-check settings) and resolves once it printed "ready". */
async function startWorker(token: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerEntry], {
    env: {
      ...process.env,
      REDIS_URL,
      DELIVERY_PREFIX: prefix,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_TOKEN: token,
      SEND_RATE_PER_SEC: '1000',
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
  const [doomed] = await Promise.all([startWorker(`${DOOMED_BOT}:AAFakeTanbihToken_${DOOMED_BOT}`), startWorker(fake.token)]);
  // A job taken back from a dead process is moved from active to wait with a 'stalled' event.
  const sendQueue = new Queue<SendJob>(SEND_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
  const events = new QueueEvents(SEND_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
  const stalled = new Map<string, number>();
  events.on('stalled', ({ jobId }) => stalled.set(jobId, Date.now()));
  await events.waitUntilReady();

  try {
    const outcome = await w.delivery.ingest.ingest(fixtureInput());
    expect(outcome).toMatchObject({ status: 'queued', recipients: 5000 });

    // Both processes obey one 429 (retry_after 1 s): the pause is shared through Redis.
    await fake.waitFor(() => fake.sent().length >= 1000, 30_000);
    fake.faults.rateLimit({ retryAfter: 1, nextCalls: 1 });
    await fake.waitFor(() => fake.sent().length >= 2500, 30_000);
    doomed?.kill('SIGKILL');
    const killedAt = Date.now();
    // The dead process's jobs stay active (their locks not yet run out): note their chats.
    const active = new Map((await sendQueue.getActive()).filter((j) => j?.id).map((j) => [j.id ?? '', j.data]));
    await fake.waitFor(() => fake.sentChats().size >= chats.length, 60_000);
    await new Promise((r) => setTimeout(r, 1000));

    const received = new Map<number, number>();
    for (const m of fake.sent()) received.set(m.chatId, (received.get(m.chatId) ?? 0) + 1);
    const duplicates = [...received.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(chats.every((c) => (received.get(c) ?? 0) >= 1)).toBe(true);

    // Takeover: the survivor sends the chats of the dead process's chunks.
    const takenOver = new Set([...stalled.keys()].flatMap((id) => { const d = active.get(id); return d ? chatsOf(d) : []; }));
    const calls = fake.calls('sendMessage');
    const firstTakenOver = calls.find((c) => c.botId !== DOOMED_BOT && c.at >= killedAt && c.response?.ok === true && takenOver.has(Number(c.params['chat_id'])));
    const movedBack = Math.min(...stalled.values());
    console.log(
      `crash test: ${chats.length} chats, ${fake.sent().length} messages, ${duplicates} duplicates (sends in flight at the kill); `
      + `${stalled.size} jobs taken over (${takenOver.size} chats): moved back ${((movedBack - killedAt) / 1000).toFixed(1)} s `
      + `and first sent ${(((firstTakenOver?.at ?? NaN) - killedAt) / 1000).toFixed(1)} s after the kill`,
    );
    expect(stalled.size).toBeGreaterThan(0);
    expect(firstTakenOver).toBeDefined();

    const t = calls.find((c) => c.response?.ok === false && c.response.error_code === 429)?.at ?? 0;
    expect(t).toBeGreaterThan(0);
    expect(calls.filter((c) => c.at > t + 250 && c.at < t + 950)).toHaveLength(0);
    // Only sends in flight in the killed process may repeat: at most one per concurrent slot.
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
  } finally {
    await events.close();
    await sendQueue.close();
  }
}, 150_000);
