import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asBroadcastId, asChatId, asTopicId, asUserId } from '../../../src/core/ids.js';
import { createKeys } from '../../../src/store/keys.js';
import { addBroadcastCounts, createRedisBroadcastStore } from '../../../src/store/redis-broadcast-store.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-broadcasts');
let redis: Redis;
let now = Date.parse('2024-05-09T13:19:00Z');
const keys = () => createKeys(prefix);
const store = () => createRedisBroadcastStore({ redis, keys: keys(), clock: () => new Date(now) });
const input = {
  admin: asUserId(99),
  source: { chatId: asChatId(99), messageId: 12 },
  audience: { kind: 'topics' as const, topics: [asTopicId('country:AM'), asTopicId('region:south-caucasus')] },
  breaking: true,
};

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe('RedisBroadcastStore', () => {
  it('creates a draft, moves it through sending to done, and never back', async () => {
    const broadcasts = store();
    const b = await broadcasts.create(input);
    expect(b).toEqual({ ...input, id: b.id, state: 'draft', createdAt: now });
    expect(await broadcasts.get(b.id)).toEqual(b);
    const sending = await broadcasts.update(b.id, { state: 'sending', startedAt: now + 1, progressMessage: { chatId: asChatId(99), messageId: 13 } });
    expect(sending).toMatchObject({ state: 'sending', startedAt: now + 1, progressMessage: { chatId: 99, messageId: 13 } });
    await broadcasts.update(b.id, { state: 'done', finishedAt: now + 2 });
    expect(await broadcasts.update(b.id, { state: 'sending' })).toMatchObject({ state: 'done', finishedAt: now + 2 });
    expect(await broadcasts.update(asBroadcastId('nope'), { state: 'done' })).toBeUndefined();
  });

  it('counts what delivery reports, atomically with the sender\'s own writes', async () => {
    const broadcasts = store();
    const b = await broadcasts.create(input);
    expect(await broadcasts.counters(b.id)).toEqual({ total: 0, queued: 0, sent: 0, failed: 0, blocked: 0 });
    await addBroadcastCounts(redis.multi(), keys(), b.id, { total: 3, queued: 3 }).exec();
    await Promise.all([
      addBroadcastCounts(redis.multi(), keys(), b.id, { queued: -1, sent: 1 }).exec(),
      addBroadcastCounts(redis.multi(), keys(), b.id, { queued: -1, sent: 1 }).exec(),
      addBroadcastCounts(redis.multi(), keys(), b.id, { queued: -1, blocked: 1 }).exec(),
    ]);
    expect(await broadcasts.counters(b.id)).toEqual({ total: 3, queued: 0, sent: 2, failed: 0, blocked: 1 });
  });

  it('lists the newest broadcasts first', async () => {
    const broadcasts = store();
    now += 10_000;
    const a = await broadcasts.create(input);
    now += 10_000;
    const b = await broadcasts.create({ ...input, audience: { kind: 'everyone' }, breaking: false });
    expect((await broadcasts.list(2)).map((x) => x.id)).toEqual([b.id, a.id]);
  });
});
