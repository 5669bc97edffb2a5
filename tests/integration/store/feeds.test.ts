import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asFeedId } from '../../../src/core/ids.js';
import { createKeys } from '../../../src/store/keys.js';
import { createRedisFeedStore } from '../../../src/store/redis-feed-store.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-feeds');
let redis: Redis;
const now = Date.parse('2024-05-09T13:19:00Z');
let n = 0;
const store = (seenCap?: number) =>
  createRedisFeedStore({ redis, keys: createKeys(`${prefix}:${++n}`), clock: () => new Date(now), ...(seenCap ? { seenCap } : {}) });
const rt = { url: 'https://arabic.rt.example/rss', name: 'روسيا اليوم', timeZone: 'Europe/Moscow', intervalSec: 300 };

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe('RedisFeedStore', () => {
  it('adds, lists, pauses and removes feeds; the same URL is the same feed', async () => {
    const feeds = store();
    const feed = await feeds.add(rt);
    expect(feed).toEqual({ ...rt, id: feed.id, paused: false, addedAt: now, seq: 1 });
    expect(feed.id).toMatch(/^[0-9a-f]{16}$/);
    expect(await feeds.add({ ...rt, name: 'اسم آخر' })).toEqual(feed);
    const bbc = await feeds.add({ url: 'https://bbc.example/arabic/rss.xml', name: 'بي بي سي عربي', timeZone: 'Europe/London', intervalSec: 600 });
    expect((await feeds.list()).map((f) => f.name)).toEqual(['روسيا اليوم', 'بي بي سي عربي']);
    expect(await feeds.setPaused(feed.id, true)).toMatchObject({ paused: true });
    expect(await feeds.get(feed.id)).toMatchObject({ paused: true });
    expect(await feeds.setPaused(asFeedId('0000000000000000'), true)).toBeUndefined();
    expect(await feeds.remove(bbc.id)).toBe(true);
    expect(await feeds.remove(bbc.id)).toBe(false);
    expect((await feeds.list()).map((f) => f.id)).toEqual([feed.id]);
  });

  it('lists feeds added at the same instant in the order they were added, whatever the hash order', async () => {
    const feeds = store();
    const names = ['الجزيرة', 'العربية', 'سكاي نيوز عربية', 'فرانس 24', 'الشرق الأوسط', 'روسيا اليوم', 'الأناضول', 'بي بي سي عربي'];
    for (const [i, name] of names.entries()) {
      await feeds.add({ url: `https://outlet-${i}.example/feed/${'x'.repeat(64)}`, name, timeZone: 'Asia/Dubai', intervalSec: 300 });
    }
    expect((await feeds.list()).map((f) => f.name)).toEqual(names);
  });

  it('records health: ETag, Last-Modified, errors, and clears an error after a success', async () => {
    const feeds = store();
    const { id } = await feeds.add(rt);
    expect(await feeds.health(id)).toEqual({ consecutiveErrors: 0, itemsSeen: 0 });
    await feeds.recordPoll(id, { lastPollAt: now, lastError: 'XML غير صالح في السطر 3', lastErrorAt: now, consecutiveErrors: 2 });
    await feeds.recordPoll(id, { lastPollAt: now + 1, lastSuccessAt: now + 1, etag: 'W/"abc"', lastModified: 'Thu, 09 May 2024 13:19:00 GMT', consecutiveErrors: 0, lastError: undefined });
    expect(await feeds.health(id)).toEqual({
      lastPollAt: now + 1, lastSuccessAt: now + 1, lastErrorAt: now, consecutiveErrors: 0, itemsSeen: 0,
      etag: 'W/"abc"', lastModified: 'Thu, 09 May 2024 13:19:00 GMT',
    });
  });

  it('tells which items are new, counts them, and keeps only the newest keys', async () => {
    const feeds = store(3);
    const { id } = await feeds.add(rt);
    expect(await feeds.markSeen(id, ['guid-1', 'guid-2', 'guid-2'])).toEqual(['guid-1', 'guid-2']);
    expect(await feeds.markSeen(id, ['guid-2', 'guid-3'])).toEqual(['guid-3']);
    expect(await feeds.markSeen(id, [])).toEqual([]);
    expect((await feeds.health(id)).itemsSeen).toBe(3);
    const later = createRedisFeedStore({ redis, keys: createKeys(`${prefix}:${n}`), clock: () => new Date(now + 1000), seenCap: 3 });
    expect(await later.markSeen(id, ['guid-4'])).toEqual(['guid-4']);
    expect(await redis.zcard(createKeys(`${prefix}:${n}`).feedSeen(id))).toBe(3);
    expect(await later.markSeen(id, ['guid-4', 'guid-3'])).toEqual([]);
  });
});
