import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bullPrefix } from '../../../src/store/keys.js';
import { SEND_QUEUE, type SendJob } from '../../../src/delivery/queues.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { bullConnection, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-lock-renewal');
/** A short lock, so that the job below outlives it several times over. */
const LOCK_MS = 3000;
let fake: FakeTelegram;
const wirings: Wiring[] = [];

beforeAll(async () => {
  fake = await startFakeTelegram({ acceptAnyChat: true });
  // Two workers: the one that does not hold the chunk runs stall checks and would take it over.
  for (let i = 0; i < 2; i++) {
    wirings.push(await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 1000, concurrency: 2, lockDurationMs: LOCK_MS }));
  }
});

afterAll(async () => {
  await Promise.all(wirings.map((w) => w.close()));
  await fake?.close();
  await deletePrefix(prefix);
});

it('keeps the lock of a chunk that waits out a 429 and slow calls longer than the lock: never taken over, no chat alerted twice', async () => {
  const [w] = wirings;
  if (!w) throw new Error('no wiring');
  const chats = await addFollowers(w.stores, 'country:AM', 41_000_001, 20);
  const sendQueue = new Queue<SendJob>(SEND_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
  const events = new QueueEvents(SEND_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
  const stalled: string[] = [];
  events.on('stalled', ({ jobId }) => stalled.push(jobId));
  await events.waitUntilReady();
  try {
    // retry_after 4 s holds every send of the chunk longer than its 3 s lock; then 10 rounds of
    // 300 ms calls (2 at a time) take as long again.
    fake.faults.rateLimit({ retryAfter: 4, nextCalls: 1 });
    fake.faults.latency(300);
    expect(await w.delivery.ingest.ingest(fixtureInput())).toMatchObject({ status: 'queued', recipients: chats.length });

    await fake.waitFor(() => fake.sentChats().size >= chats.length, 60_000);
    // Finished: the chunk left the queue (completed send jobs are removed).
    for (let i = 0; i < 300; i++) {
      const counts = await sendQueue.getJobCounts('active', 'wait');
      if ((counts['active'] ?? 0) + (counts['wait'] ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    // (A second call already under way when the first got its 429 is refused too.)
    expect(fake.faults.stats.rateLimited).toBeGreaterThanOrEqual(1);
    expect(stalled).toEqual([]);
    for (const chat of chats) expect(fake.sent(chat)).toHaveLength(1);
  } finally {
    await events.close();
    await sendQueue.close();
  }
}, 90_000);
