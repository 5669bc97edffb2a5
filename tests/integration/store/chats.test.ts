import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asChatId, asTopicId, asUserId } from '../../../src/core/ids.js';
import { createKeys } from '../../../src/store/keys.js';
import { createRedisChatStore } from '../../../src/store/redis-chat-store.js';
import { createRedisSubscriptionStore } from '../../../src/store/redis-subscription-store.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-chats');
let redis: Redis;
let now = Date.parse('2024-05-09T13:19:00Z');
const setup = () => {
  const keys = createKeys(prefix);
  const chats = createRedisChatStore({ redis, keys, clock: () => new Date(now), defaultTimeZone: 'Asia/Riyadh' });
  const subs = createRedisSubscriptionStore({ redis, keys, maxTopicsPerChat: 100 });
  return { chats, subs };
};

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe('RedisChatStore', () => {
  it('registers a private chat with defaults: Arabic, the default time zone, instant, active', async () => {
    const { chats } = setup();
    const chat = await chats.register({ id: asChatId(1001), type: 'private', title: 'سارة' });
    expect(chat).toEqual({
      id: 1001, type: 'private', title: 'سارة', language: 'ar', timeZone: 'Asia/Riyadh',
      status: { kind: 'active' }, delivery: { kind: 'instant' }, createdAt: now,
    });
    expect(await chats.get(asChatId(1001))).toEqual(chat);
    const english = await chats.register({ id: asChatId(1002), type: 'private', language: 'en' });
    expect(english.language).toBe('en');
  });

  it('returns the existing chat when registered again, keeping its settings', async () => {
    const { chats } = setup();
    await chats.register({ id: asChatId(2001), type: 'private' });
    await chats.update(asChatId(2001), { language: 'en', delivery: { kind: 'daily', hour: 7 } });
    const again = await chats.register({ id: asChatId(2001), type: 'private', language: 'ar' });
    expect(again.language).toBe('en');
    expect(again.delivery).toEqual({ kind: 'daily', hour: 7 });
  });

  it('reactivates a chat that had blocked the bot, keeping its subscriptions', async () => {
    const { chats, subs } = setup();
    const id = asChatId(3001);
    await chats.register({ id, type: 'private' });
    await subs.follow(id, asTopicId('country:AM'));
    await chats.update(id, { status: { kind: 'inactive', reason: 'blocked', since: now } });
    expect((await chats.get(id))?.status.kind).toBe('inactive');
    expect(await subs.topicsOf(id)).toEqual(['country:AM']);
    const back = await chats.register({ id, type: 'private' });
    expect(back.status).toEqual({ kind: 'active' });
    expect(await subs.isFollowing(id, asTopicId('country:AM'))).toBe(true);
  });

  it('sets and clears pause and quiet hours', async () => {
    const { chats } = setup();
    const id = asChatId(4001);
    await chats.register({ id, type: 'group', title: 'أخبار القوقاز' });
    const paused = await chats.update(id, { pausedUntil: now + 3_600_000, quietHours: { fromMinute: 22 * 60, toMinute: 7 * 60 } });
    expect(paused?.pausedUntil).toBe(now + 3_600_000);
    expect(paused?.quietHours).toEqual({ fromMinute: 1320, toMinute: 420 });
    const cleared = await chats.update(id, { pausedUntil: null, quietHours: null });
    expect(cleared).not.toHaveProperty('pausedUntil');
    expect(cleared).not.toHaveProperty('quietHours');
    expect(await chats.update(asChatId(4999), { language: 'en' })).toBeUndefined();
  });

  it('reads many chats at once, in order, with gaps for unknown ids', async () => {
    const { chats } = setup();
    await chats.register({ id: asChatId(5001), type: 'private' });
    await chats.register({ id: asChatId(5002), type: 'channel', title: 'قناة تنبيه' });
    const many = await chats.getMany([asChatId(5002), asChatId(5999), asChatId(5001)]);
    expect(many.map((c) => c?.id)).toEqual([5002, undefined, 5001]);
  });

  it('moves a group to its supergroup: the chat, its subscriptions and its links', async () => {
    const { chats, subs } = setup();
    const group = asChatId(-6001);
    const supergroup = asChatId(-1006001);
    const admin = asUserId(777);
    await chats.register({ id: group, type: 'group', title: 'نادي الأخبار' });
    await chats.update(group, { timeZone: 'Asia/Yerevan' });
    await subs.follow(group, asTopicId('country:AM'));
    await subs.follow(group, asTopicId('region:south-caucasus'));
    await chats.linkChannel(admin, group);
    await chats.register({ id: supergroup, type: 'supergroup' });
    await subs.follow(supergroup, asTopicId('country:AM'));
    const before = await chats.stats();

    await chats.migrate(group, supergroup);

    expect(await chats.get(group)).toBeUndefined();
    expect(await chats.get(supergroup)).toMatchObject({ id: supergroup, type: 'supergroup', title: 'نادي الأخبار', timeZone: 'Asia/Yerevan' });
    expect((await subs.topicsOf(supergroup)).toSorted()).toEqual(['country:AM', 'region:south-caucasus']);
    expect(await subs.topicsOf(group)).toEqual([]);
    expect(await subs.isFollowing(group, asTopicId('country:AM'))).toBe(false);
    expect(await subs.isFollowing(supergroup, asTopicId('region:south-caucasus'))).toBe(true);
    const top = await subs.topTopics(10);
    expect(top.find((t) => t.topicId === 'country:AM')?.followers).toBe(await subs.followerCount(asTopicId('country:AM')));
    expect(await chats.channelsOf(admin)).toEqual([supergroup]);
    expect((await chats.stats()).total).toBe(before.total - 1);
  });

  it('links and unlinks channels a user manages', async () => {
    const { chats } = setup();
    const user = asUserId(888);
    await chats.linkChannel(user, asChatId(-1007001));
    await chats.linkChannel(user, asChatId(-1007002));
    expect((await chats.channelsOf(user)).toSorted((a, b) => a - b)).toEqual([-1007002, -1007001]);
    await chats.unlinkChannel(user, asChatId(-1007001));
    expect(await chats.channelsOf(user)).toEqual([-1007002]);
  });
});

describe('chat stats and scanning everyone', () => {
  it('counts total, active and inactive by reason without scanning', async () => {
    const keys = createKeys(`${prefix}:stats`);
    const chats = createRedisChatStore({ redis, keys, clock: () => new Date(now), defaultTimeZone: 'Asia/Riyadh' });
    for (let i = 1; i <= 10; i++) await chats.register({ id: asChatId(i), type: 'private' });
    await chats.update(asChatId(1), { status: { kind: 'inactive', reason: 'blocked', since: now } });
    await chats.update(asChatId(2), { status: { kind: 'inactive', reason: 'blocked', since: now } });
    await chats.update(asChatId(3), { status: { kind: 'inactive', reason: 'kicked', since: now } });
    await chats.update(asChatId(3), { status: { kind: 'inactive', reason: 'kicked', since: now + 1 } });
    await chats.register({ id: asChatId(2), type: 'private' });
    expect(await chats.stats()).toEqual({ total: 10, active: 8, inactiveByReason: { blocked: 1, kicked: 1 } });
  });

  it('keeps the counters right under concurrent registration of the same chat', async () => {
    const keys = createKeys(`${prefix}:race`);
    const chats = createRedisChatStore({ redis, keys, clock: () => new Date(now), defaultTimeZone: 'Asia/Riyadh' });
    await Promise.all(Array.from({ length: 20 }, () => chats.register({ id: asChatId(42), type: 'private' })));
    expect(await chats.stats()).toEqual({ total: 1, active: 1, inactiveByReason: {} });
  });

  it('pages through every registered chat', async () => {
    const keys = createKeys(`${prefix}:scan`);
    const chats = createRedisChatStore({ redis, keys, clock: () => new Date(now), defaultTimeZone: 'Asia/Riyadh' });
    for (let i = 1; i <= 700; i++) await chats.register({ id: asChatId(100_000 + i), type: 'private' });
    const seen = new Set<number>();
    let cursor = '0';
    do {
      const page = await chats.scanAll(cursor, 100);
      cursor = page.cursor;
      for (const c of page.chats) seen.add(c);
    } while (cursor !== '0');
    expect(seen.size).toBe(700);
  });
});
