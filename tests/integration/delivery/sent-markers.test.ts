/**
 * Sent markers live as long as a job holding their chats can be tried again, plus a margin — not
 * days. Checked by reading Redis's TTLs, never by waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asArticleId, asBroadcastId } from '../../../src/core/ids.js';
import { createLedger, MARKER_MARGIN_SEC, markerTtlSec } from '../../../src/delivery/ledger.js';
import { retryWindowMs, SEND_MAX_TRIES, sendRetryDelayMs, workerLockOptions } from '../../../src/delivery/queues.js';
import { createKeys } from '../../../src/store/keys.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('delivery-sent-markers');
let redis: Redis;
const now = Date.UTC(2024, 4, 9, 13, 19);

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe('how long a sent marker lives', () => {
  it('is the longest retry window of a job (its backoffs, takeovers after crashes, the fan-out’s retries) plus the margin', () => {
    const lockMs = 6000;
    let backoffs = 0;
    for (let n = 1; n < SEND_MAX_TRIES; n++) backoffs += sendRetryDelayMs(n, () => 1);
    const lock = workerLockOptions(lockMs);
    expect(backoffs).toBeCloseTo(152_400, 0);
    expect(retryWindowMs(lockMs)).toBeGreaterThan(backoffs + (lock.maxStalledCount + 1) * lock.lockDuration);
    expect(markerTtlSec(lockMs)).toBe(Math.ceil(retryWindowMs(lockMs) / 1000) + MARKER_MARGIN_SEC);
    // Far below the 8 days markers used to live, and longer with a longer lock.
    expect(markerTtlSec(lockMs)).toBeLessThan(2 * 3600);
    expect(markerTtlSec(60_000)).toBeGreaterThan(markerTtlSec(lockMs));
  });

  it('gives an article’s marker that TTL from its first send, and every later send renews it; the counters keep their 8 days', async () => {
    const keys = createKeys(`${prefix}:a`);
    const ledger = createLedger(redis, keys, { lockMs: 6000 });
    const article = asArticleId('Jm1x0Q3n4bS8Xk2v9Wc7Yt');
    const ttl = markerTtlSec(6000);

    await ledger.record({ k: 'a', id: article }, 1001, 'sent', now);
    const first = await redis.ttl(keys.sentArticle(article));
    expect(first).toBeGreaterThan(ttl - 5);
    expect(first).toBeLessThanOrEqual(ttl);
    expect(await redis.ttl(keys.articleCounters(article))).toBeGreaterThan(7 * 24 * 3600);

    // As if most of the window had passed: the next recorded send of the article renews the whole marker.
    await redis.expire(keys.sentArticle(article), 30);
    await ledger.record({ k: 'a', id: article }, 1002, 'blocked', now);
    expect(await redis.ttl(keys.sentArticle(article))).toBeGreaterThan(ttl - 5);
    expect(await ledger.sentAmong({ k: 'a', id: article }, [1001, 1002, 1003])).toEqual([true, true, false]);
  });

  it('does the same for broadcasts and held buckets', async () => {
    const keys = createKeys(`${prefix}:b`);
    const ledger = createLedger(redis, keys, { lockMs: 3000 });
    const broadcast = asBroadcastId('0a1b2c3d4e5f6a7b');
    await ledger.record({ k: 'b', id: broadcast }, 2001, 'sent', now);
    await ledger.record({ k: 'd', t: now }, 2001, 'sent', now);
    for (const key of [keys.sentBroadcast(broadcast), keys.sentBucket(now)]) {
      expect(await redis.ttl(key)).toBeGreaterThan(markerTtlSec(3000) - 5);
      expect(await redis.ttl(key)).toBeLessThanOrEqual(markerTtlSec(3000));
    }
  });
});
