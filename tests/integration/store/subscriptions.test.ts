import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asChatId, asTopicId, type ChatId } from '../../../src/core/ids.js';
import { createKeys } from '../../../src/store/keys.js';
import { createRedisSubscriptionStore } from '../../../src/store/redis-subscription-store.js';
import { measureSubscriptions } from '../../../src/store/memory.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-subscriptions');
let redis: Redis;
const armenia = asTopicId('country:AM');
const caucasus = asTopicId('region:south-caucasus');
const russia = asTopicId('country:RU');
let n = 0;
const store = (maxTopicsPerChat = 100, isCatalogTopic?: (id: string) => boolean) =>
  createRedisSubscriptionStore({ redis, keys: createKeys(`${prefix}:${++n}`), maxTopicsPerChat, ...(isCatalogTopic ? { isCatalogTopic } : {}) });

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

async function allFollowers(subs: ReturnType<typeof store>, topic = armenia, count = 100): Promise<ChatId[]> {
  const out: ChatId[] = [];
  let cursor = '0';
  do {
    const page = await subs.scanFollowers(topic, cursor, count);
    cursor = page.cursor;
    out.push(...page.chats);
  } while (cursor !== '0');
  return out;
}

describe('RedisSubscriptionStore', () => {
  it('follows both ways: the chat lists the topic and the topic lists the chat', async () => {
    const subs = store();
    const chat = asChatId(-1001234567890);
    expect(await subs.follow(chat, armenia)).toEqual({ ok: true, already: false });
    expect(await subs.follow(chat, caucasus)).toEqual({ ok: true, already: false });
    expect(await subs.follow(chat, armenia)).toEqual({ ok: true, already: true });
    expect(await subs.topicsOf(chat)).toEqual(['country:AM', 'region:south-caucasus']);
    expect(await subs.isFollowing(chat, armenia)).toBe(true);
    expect(await allFollowers(subs)).toEqual([chat]);
    expect(await subs.followerCount(armenia)).toBe(1);
  });

  it('unfollows both ways and says whether anything changed', async () => {
    const subs = store();
    const chat = asChatId(501);
    await subs.follow(chat, armenia);
    await subs.follow(chat, russia);
    expect(await subs.unfollow(chat, armenia)).toBe(true);
    expect(await subs.unfollow(chat, armenia)).toBe(false);
    expect(await subs.topicsOf(chat)).toEqual(['country:RU']);
    expect(await subs.isFollowing(chat, armenia)).toBe(false);
    expect(await subs.followerCount(armenia)).toBe(0);
    expect(await subs.topTopics(5)).toEqual([{ topicId: 'country:RU', followers: 1 }]);
  });

  it('unfollows everything a chat follows', async () => {
    const subs = store();
    const chat = asChatId(601);
    for (const t of [armenia, caucasus, russia]) await subs.follow(chat, t);
    await subs.follow(asChatId(602), armenia);
    expect(await subs.unfollowAll(chat)).toBe(3);
    expect(await subs.topicsOf(chat)).toEqual([]);
    expect(await allFollowers(subs)).toEqual([602]);
    expect(await subs.topTopics(5)).toEqual([{ topicId: 'country:AM', followers: 1 }]);
    expect(await subs.unfollowAll(chat)).toBe(0);
  });

  it('refuses the topic after the limit with a clear error, even when follows race', async () => {
    const subs = store(5);
    const chat = asChatId(701);
    const topics = Array.from({ length: 12 }, (_, i) => asTopicId(`kw:${i.toString(16).padStart(8, '0')}`));
    for (const t of topics) await redis.hset(createKeys(`${prefix}:${n}`).keywords(), t, '{}');
    const results = await Promise.all(topics.map((t) => subs.follow(chat, t)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: { code: 'too-many-topics', limit: 5 } });
    expect(await subs.topicsOf(chat)).toHaveLength(5);
    // Which five won is up to the race (on a cluster the follows pass through different nodes first).
    const won = topics[results.findIndex((r) => r.ok)]!;
    expect(await subs.follow(chat, won)).toEqual({ ok: true, already: true });
  });

  it('refuses unknown topics: malformed ids, unregistered keywords, ids outside the catalogue', async () => {
    const subs = store(100, (id) => id === 'country:AM');
    const chat = asChatId(801);
    expect(await subs.follow(chat, asTopicId('أرمينيا'))).toEqual({ ok: false, error: { code: 'unknown-topic' } });
    expect(await subs.follow(chat, asTopicId('country:AM x'))).toEqual({ ok: false, error: { code: 'unknown-topic' } });
    expect(await subs.follow(chat, asTopicId('kw:deadbeef'))).toEqual({ ok: false, error: { code: 'unknown-topic' } });
    expect(await subs.follow(chat, asTopicId('country:XX'))).toEqual({ ok: false, error: { code: 'unknown-topic' } });
    expect(await subs.follow(chat, armenia)).toEqual({ ok: true, already: false });
    expect(await subs.topicsOf(chat)).toEqual(['country:AM']);
  });

  it('walks 5,000 followers with a resumable cursor, each once', async () => {
    const subs = store();
    const ids = Array.from({ length: 5000 }, (_, i) => asChatId(i % 2 ? 10_000_000 + i : -1_000_000_000_000 - i));
    await Promise.all(ids.map((id) => subs.follow(id, armenia)));
    const seen = await allFollowers(subs, armenia, 500);
    expect(new Set(seen).size).toBe(5000);
    expect(seen.length).toBeGreaterThanOrEqual(5000);
    expect(await subs.followerCount(armenia)).toBe(5000);
  });

  it('ranks topics by followers', async () => {
    const subs = store();
    for (let i = 0; i < 3; i++) await subs.follow(asChatId(900 + i), armenia);
    for (let i = 0; i < 2; i++) await subs.follow(asChatId(900 + i), caucasus);
    await subs.follow(asChatId(900), russia);
    expect(await subs.topTopics(2)).toEqual([
      { topicId: 'country:AM', followers: 3 },
      { topicId: 'region:south-caucasus', followers: 2 },
    ]);
  });

  it('measures what its subscriptions cost in Redis memory', async () => {
    const subs = store();
    const keys = createKeys(`${prefix}:${n}`);
    await Promise.all(Array.from({ length: 600 }, (_, i) => subs.follow(asChatId(7_000_000 + i), i % 3 ? armenia : caucasus)));
    await subs.follow(asChatId(7_000_000), russia);
    const m = await measureSubscriptions(redis, keys);
    expect(m.subscriptions).toBe(601);
    expect(m.parts.followerSets).toBeGreaterThan(0);
    expect(m.bytesPerSubscription).toBe(Math.round((m.bytes / 601) * 10) / 10);
  });
});
