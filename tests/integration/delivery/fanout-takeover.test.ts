/**
 * A fan-out job whose worker died half-way is taken over by another worker and resumes from
 * the position it saved. The dead worker is played by a bare BullMQ Worker that takes the job
 * (and with it a lock of the shipped length), saves a position past the audience's first page
 * and never renews the lock, as a SIGKILLed process would.
 */
import { QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bullPrefix } from '../../../src/store/keys.js';
import { followersPage } from '../../../src/delivery/audience.js';
import { DEFAULT_JOB_LOCK_MS, FANOUT_QUEUE, type FanoutJob } from '../../../src/delivery/queues.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { bullConnection, deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-fanout-takeover');
let fake: FakeTelegram;
const wirings: Wiring[] = [];

beforeAll(async () => {
  fake = await startFakeTelegram({ acceptAnyChat: true });
});

afterAll(async () => {
  await Promise.all(wirings.map((w) => w.close()));
  await fake?.close();
  await deletePrefix(prefix);
});

it('takes over a dead worker’s half-done fan-out and resumes it from its saved position', async () => {
  // This process ingests only, until the dead worker holds the fan-out.
  const ingestOnly = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, workers: false });
  wirings.push(ingestOnly);
  const chats = await addFollowers(ingestOnly.stores, 'country:AM', 42_000_001, 3000);
  expect(await ingestOnly.delivery.ingest.ingest(fixtureInput())).toMatchObject({ status: 'queued', recipients: chats.length });

  const dead = new Worker<FanoutJob>(FANOUT_QUEUE, null, { connection: bullConnection, prefix: bullPrefix(prefix), lockDuration: DEFAULT_JOB_LOCK_MS });
  const job = await dead.getNextJob('dead-worker');
  const diedAt = Date.now();
  if (job?.data.k !== 'a') throw new Error('expected the article’s fan-out job');
  // The position after the first page, as the fan-out saves it. (Its chats are not queued here,
  // so that a walk that started over instead of resuming would show.)
  const topics = job.data.topics.toSorted((a, b) => Number(b === 'country:AM') - Number(a === 'country:AM'));
  const first = await followersPage(ingestOnly.stores.subscriptions, topics, { ti: 0, cur: '0' });
  if (!first.next) throw new Error('the audience should span several pages');
  await job.updateData({ ...job.data, topics, ti: first.next.ti, cur: first.next.cur, pg: 1, so: true });
  await dead.close();

  const events = new QueueEvents(FANOUT_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
  let movedBack = 0;
  events.on('stalled', ({ jobId }) => {
    if (jobId === job.id) movedBack = Date.now();
  });
  await events.waitUntilReady();
  try {
    wirings.push(await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, concurrency: 20 }));
    const skipped = new Set<number>(first.chats);
    const rest = chats.filter((c) => !skipped.has(c));
    await fake.waitFor(() => fake.sentChats().size >= rest.length, 60_000);
    await new Promise((r) => setTimeout(r, 1000));

    const firstAlert = Math.min(...fake.sent().map((m) => m.at));
    console.log(
      `fan-out takeover: ${rest.length} chats after the saved position; moved back ${((movedBack - diedAt) / 1000).toFixed(1)} s `
      + `and first alert ${((firstAlert - diedAt) / 1000).toFixed(1)} s after its worker died`,
    );
    expect(movedBack).toBeGreaterThan(0);
    expect(skipped.size).toBeGreaterThan(0);
    for (const c of rest) expect(fake.sent(c)).toHaveLength(1);
    expect(first.chats.filter((c) => fake.sent(c).length > 0)).toEqual([]);
  } finally {
    await events.close();
  }
}, 120_000);
