/**
 * An instance written by the version before Redis Cluster support moves to today's key layout:
 * its chats, subscriptions and counts read the same through the stores afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asChatId, asTopicId, type ChatId } from '../../../src/core/ids.js';
import { createRedisStores } from '../../../src/store/index.js';
import { CHAT_BUCKETS } from '../../../src/store/keys.js';
import { migrateLegacyLayout } from '../../../src/store/legacy-layout.js';
import type { Chat } from '../../../src/store/ports.js';
import { encodeChat } from '../../../src/store/serialize.js';
import { connectRedis, ON_CLUSTER, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-legacy');
let redis: Redis;
const armenia = asTopicId('country:AM');
const caucasus = asTopicId('region:south-caucasus');

const chat = (id: number, status: Chat['status'] = { kind: 'active' }): Chat => ({
  id: asChatId(id), type: id < 0 ? 'supergroup' : 'private', title: id < 0 ? 'أخبار القوقاز' : undefined, language: 'ar',
  timeZone: 'Asia/Riyadh', status, delivery: { kind: 'instant' }, createdAt: Date.UTC(2024, 4, 9),
} as Chat);

/** The old subscription bucket of a chat (the same numbering as today's). */
const bucket = (id: number) => ((id % CHAT_BUCKETS) + CHAT_BUCKETS) % CHAT_BUCKETS;

/** The old layout, as the version before wrote it. */
async function writeOldLayout(p: string): Promise<void> {
  const chats = [chat(1001), chat(1002, { kind: 'inactive', reason: 'blocked', since: Date.UTC(2024, 4, 10) }), chat(-1001234567890)];
  await redis.hset(`${p}:c`, Object.fromEntries(chats.map((c) => [String(c.id), encodeChat(c)])));
  await redis.hset(`${p}:c:n`, { total: 3, active: 2, 'inactive:blocked': 1 });
  await redis.hset(`${p}:s:${bucket(1001)}`, '1001', `${armenia} ${caucasus}`);
  await redis.hset(`${p}:s:${bucket(-1001234567890)}`, '-1001234567890', armenia);
  await redis.sadd(`${p}:f:${armenia}`, 1001, -1001234567890);
  await redis.sadd(`${p}:f:${caucasus}`, 1001);
  await redis.zadd(`${p}:top`, 2, armenia, 1, caucasus);
  await redis.set(`${p}:a:Jm1x0Q3n4bS8Xk2v9Wc7Yt`, '{"kept":"as is"}');
  await redis.sadd(`${p}:d:s:a:Jm1x0Q3n4bS8Xk2v9Wc7Yt`, 1001);
}

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe.skipIf(ON_CLUSTER)('moving an instance to the current key layout (a single Redis: the old layout never lived on a cluster)', () => {
  it('moves chats, counters and subscriptions so that the stores read them the same, twice without harm', async () => {
    const p = `${prefix}:a`;
    await writeOldLayout(p);
    const stores = createRedisStores({ redis, prefix: p, clock: () => new Date() });
    expect(await migrateLegacyLayout(redis, stores.keys)).toMatchObject({ chats: 3, subscriptions: 3 });
    expect(await migrateLegacyLayout(redis, stores.keys)).toMatchObject({ chats: 0, subscriptions: 0, renamed: 0 });

    expect((await stores.chats.get(asChatId(-1001234567890)))?.title).toBe('أخبار القوقاز');
    expect(await stores.chats.stats()).toEqual({ total: 3, active: 2, inactiveByReason: { blocked: 1 } });
    expect(await stores.subscriptions.topicsOf(asChatId(1001))).toEqual([armenia, caucasus]);
    const followers: ChatId[] = [];
    let cursor = '0';
    do {
      const page = await stores.subscriptions.scanFollowers(armenia, cursor, 100);
      cursor = page.cursor;
      followers.push(...page.chats);
    } while (cursor !== '0');
    expect(followers.toSorted((a, b) => a - b)).toEqual([-1001234567890, 1001]);
    expect(await stores.subscriptions.followerCount(armenia)).toBe(2);
    expect(await redis.get(stores.keys.article('Jm1x0Q3n4bS8Xk2v9Wc7Yt' as never))).toBe('{"kept":"as is"}');
    expect(await redis.exists(`${p}:c`, `${p}:f:${armenia}`, `${p}:d:s:a:Jm1x0Q3n4bS8Xk2v9Wc7Yt`)).toBe(0);
  });

  it('refuses, changing nothing, while the old queues still hold sends', async () => {
    const p = `${prefix}:b`;
    await writeOldLayout(p);
    await redis.rpush(`${p}:send:wait`, 'a_Jm1x0Q3n4bS8Xk_k0');
    const stores = createRedisStores({ redis, prefix: p, clock: () => new Date() });
    await expect(migrateLegacyLayout(redis, stores.keys)).rejects.toThrow(/old queues still hold work \(send: 1\)/);
    expect(await redis.hlen(`${p}:c`)).toBe(3);
  });
});
