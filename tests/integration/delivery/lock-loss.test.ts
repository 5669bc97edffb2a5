/**
 * A worker that loses a chunk's lock while sending it (here: another owner's lock is written
 * over it, as after a long event-loop block or Redis outage in which the job was taken over)
 * starts no further sends of the chunk; the chunk's other chats go out once the job is taken over.
 */
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bullPrefix } from '../../../src/store/keys.js';
import { SEND_QUEUE, type SendJob } from '../../../src/delivery/queues.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { bullConnection, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-lock-loss');
/** How long the other owner's lock lasts: far longer than the holder needs for the whole chunk. */
const FOREIGN_LOCK_MS = 8000;
let fake: FakeTelegram;
let w: Wiring;

beforeAll(async () => {
  fake = await startFakeTelegram({ acceptAnyChat: true });
  fake.faults.latency(250);
  w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 1000, concurrency: 2, lockDurationMs: 3000 });
});

afterAll(async () => {
  await w?.close();
  await fake?.close();
  await deletePrefix(prefix);
});

it('stops sending a chunk whose lock it lost, and the chunk is finished once taken over, each chat once', async () => {
  const chats = await addFollowers(w.stores, 'country:AM', 43_000_001, 20);
  const sendQueue = new Queue<SendJob>(SEND_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
  const events = new QueueEvents(SEND_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
  const stalled: string[] = [];
  events.on('stalled', ({ jobId }) => stalled.push(jobId));
  await events.waitUntilReady();
  try {
    expect(await w.delivery.ingest.ingest(fixtureInput())).toMatchObject({ status: 'queued', recipients: chats.length });
    // 20 chats, 2 at a time, 250 ms each: the holder alone would finish within the foreign lock.
    await fake.waitFor(() => fake.sent().length >= 4, 30_000);
    const [chunk] = await sendQueue.getActive();
    if (!chunk?.id) throw new Error('the chunk should be active');
    await w.redis.set(`${bullPrefix(prefix)}:${SEND_QUEUE}:${chunk.id}:lock`, 'another-worker:0', 'PX', FOREIGN_LOCK_MS);
    const takenAt = Date.now();

    await fake.waitFor(() => fake.sentChats().size >= chats.length, 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const byHolder = fake.sent().filter((m) => m.at < takenAt + FOREIGN_LOCK_MS).length;
    console.log(`lock loss: ${byHolder} of ${chats.length} chats sent before the other owner's lock ran out`);
    expect(byHolder).toBeLessThan(chats.length);
    expect(stalled).toContain(chunk.id);
    for (const chat of chats) expect(fake.sent(chat)).toHaveLength(1);
  } finally {
    await events.close();
    await sendQueue.close();
  }
}, 90_000);
