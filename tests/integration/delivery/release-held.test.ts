/**
 * Held alerts follow the chat's settings: shorter quiet hours bring their grouped message
 * forward, quiet hours turned off send it now, a pause holds like quiet hours do.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix } from '../../../src/store/keys.js';
import { asChatId, asTopicId } from '../../../src/core/ids.js';
import { heldUntil } from '../../../src/delivery/release-held.js';
import { jobIds, SEND_QUEUE } from '../../../src/delivery/queues.js';
import type { Chat } from '../../../src/store/ports.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { bullConnection, connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../../support/redis.js';
import { fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-release-held');
let fake: FakeTelegram;
let w: Wiring;
let send: Queue;

// 23:00 in Riyadh (UTC+3).
const ELEVEN_PM = Date.UTC(2026, 10, 30, 20, 0, 0);
const HOUR = 3_600_000;

beforeAll(async () => {
  fake = await startFakeTelegram({ acceptAnyChat: true });
  w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 1000, startAt: ELEVEN_PM });
  send = new Queue(SEND_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
});

afterAll(async () => {
  await send?.close();
  await w?.close();
  await fake?.close();
  const redis = connectRedis();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

describe('releasing held alerts', () => {
  it('brings the grouped message forward when quiet hours get shorter, and sends it when they are off', async () => {
    w.clock.now = ELEVEN_PM;
    const id = asChatId(31_000_001);
    await w.stores.chats.register({ id, type: 'private', language: 'ar' });
    await w.stores.subscriptions.follow(id, asTopicId('country:AM'));
    const quiet = (await w.stores.chats.update(id, { quietHours: { fromMinute: 22 * 60, toMinute: 7 * 60 } })) as Chat;
    expect(heldUntil(quiet, new Date(ELEVEN_PM))?.getTime()).toBe(ELEVEN_PM + 8 * HOUR);

    expect((await w.delivery.ingest.ingest(fixtureInput('https://example.com/held-1'))).status).toBe('queued');
    const jobId = jobIds.send({ t: ELEVEN_PM + 8 * HOUR, c: id });
    const held = async () => {
      for (let i = 0; i < 100; i++) {
        const job = await send.getJob(jobId);
        if (job) return job;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no held job');
    };
    expect((await held()).delay).toBeGreaterThan(7.9 * HOUR);

    const shorter = (await w.stores.chats.update(id, { quietHours: { fromMinute: 23 * 60, toMinute: 6 * 60 } })) as Chat;
    expect(await w.delivery.releaseHeld(quiet, shorter)).toBe('sooner');
    const moved = await send.getJob(jobIds.send({ t: ELEVEN_PM + 7 * HOUR, c: id }));
    expect(moved?.delay).toBeLessThan(7.1 * HOUR);
    expect(moved?.delay).toBeGreaterThan(6.9 * HOUR);
    expect(await send.getJob(jobId)).toBeUndefined();
    expect(fake.sent(id)).toHaveLength(0);

    const off = (await w.stores.chats.update(id, { quietHours: null })) as Chat;
    expect(await w.delivery.releaseHeld(shorter, off)).toBe('released');
    await fake.waitFor(() => fake.sent(id)[0], 10_000);
    expect(fake.sent(id)[0]?.text).toContain('بوتين');
    // Nothing is left to release.
    expect(await w.delivery.releaseHeld(off, off)).toBe('none');
  });

  it('holds a paused chat\u2019s alerts until the pause ends', () => {
    const chat = { id: asChatId(1), timeZone: 'Asia/Riyadh', delivery: { kind: 'instant' }, pausedUntil: ELEVEN_PM + 2 * HOUR } as Chat;
    expect(heldUntil(chat, new Date(ELEVEN_PM))?.getTime()).toBe(ELEVEN_PM + 2 * HOUR);
    expect(heldUntil({ ...chat, pausedUntil: ELEVEN_PM - 1 }, new Date(ELEVEN_PM))).toBeUndefined();
    // A pause that ends inside quiet hours holds until they end.
    const quiet = { ...chat, quietHours: { fromMinute: 22 * 60, toMinute: 7 * 60 } };
    expect(heldUntil(quiet, new Date(ELEVEN_PM))?.getTime()).toBe(ELEVEN_PM + 8 * HOUR);
  });
});
