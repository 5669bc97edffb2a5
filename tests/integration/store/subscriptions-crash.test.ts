/**
 * A follow or unfollow is one script in the chat's bucket (both directions, the limit) with steps
 * around it in other slots (the topic's bucket list before, its count after): a process dying
 * between two steps must leave nothing a reader can see as wrong, and what it left is repaired.
 * The crash is played by the store's `afterStep` seam.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asChatId, asTopicId, type ChatId, type TopicId } from '../../../src/core/ids.js';
import { chatBucketOf, createKeys } from '../../../src/store/keys.js';
import { createRedisSubscriptionStore, recountTopic, type SubscriptionStep } from '../../../src/store/redis-subscription-store.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-subscriptions-crash');
let redis: Redis;
const armenia = asTopicId('country:AM');
const caucasus = asTopicId('region:south-caucasus');
let n = 0;

class Crash extends Error {}

/** A store under a fresh prefix whose process "dies" right after `step` (once), and the same store without crashes. */
function stores(step?: SubscriptionStep) {
  const keys = createKeys(`${prefix}:${++n}`);
  let armed = step !== undefined;
  const crashing = createRedisSubscriptionStore({
    redis, keys, maxTopicsPerChat: 2,
    afterStep: (s) => {
      if (armed && s === step) {
        armed = false;
        throw new Crash(`died after ${s}`);
      }
    },
  });
  return { crashing, healthy: createRedisSubscriptionStore({ redis, keys, maxTopicsPerChat: 2 }), keys };
}

async function followersOf(subs: ReturnType<typeof stores>['healthy'], topic: TopicId): Promise<ChatId[]> {
  const out: ChatId[] = [];
  let cursor = '0';
  do {
    const page = await subs.scanFollowers(topic, cursor, 100);
    cursor = page.cursor;
    out.push(...page.chats);
  } while (cursor !== '0');
  return out.toSorted((a, b) => a - b);
}

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe('a follow interrupted between its steps', () => {
  it('after its bucket was listed for the topic, before the follow itself: no reader sees a follow, and following again completes it', async () => {
    const { crashing, healthy, keys } = stores('follow:indexed');
    const chat = asChatId(-1009876543210);
    await expect(crashing.follow(chat, armenia)).rejects.toBeInstanceOf(Crash);

    expect(await redis.sismember(keys.topicBuckets(armenia), chatBucketOf(chat))).toBe(1);
    expect(await healthy.topicsOf(chat)).toEqual([]);
    expect(await healthy.isFollowing(chat, armenia)).toBe(false);
    expect(await followersOf(healthy, armenia)).toEqual([]);
    expect(await healthy.followerCount(armenia)).toBe(0);

    expect(await healthy.follow(chat, armenia)).toEqual({ ok: true, already: false });
    expect(await healthy.topicsOf(chat)).toEqual([armenia]);
    expect(await followersOf(healthy, armenia)).toEqual([chat]);
    expect(await healthy.topTopics(5)).toEqual([{ topicId: armenia, followers: 1 }]);
  });

  it('after the follow, before its count: the follow holds both ways; only the count lags, and recountTopic repairs it', async () => {
    const { crashing, healthy, keys } = stores('follow:recorded');
    const chat = asChatId(7_100_001);
    await expect(crashing.follow(chat, armenia)).rejects.toBeInstanceOf(Crash);
    expect(await healthy.isFollowing(chat, armenia)).toBe(true);
    expect(await healthy.topicsOf(chat)).toEqual([armenia]);
    expect(await followersOf(healthy, armenia)).toEqual([chat]);
    // Following again is a no-op that says so.
    expect(await healthy.follow(chat, armenia)).toEqual({ ok: true, already: true });
    expect(await healthy.followerCount(armenia)).toBe(0);
    expect(await recountTopic(redis, keys, armenia)).toBe(1);
    expect(await healthy.topTopics(5)).toEqual([{ topicId: armenia, followers: 1 }]);
  });

  it('keeps the per-chat limit exact, even for follows racing each other', async () => {
    const { healthy } = stores();
    const chat = asChatId(7_200_001);
    const topics = [armenia, caucasus, asTopicId('country:RU'), asTopicId('country:AZ')];
    const results = await Promise.all(topics.map((t) => healthy.follow(chat, t)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await healthy.topicsOf(chat)).toHaveLength(2);
    for (const t of topics) expect(await healthy.isFollowing(chat, t)).toBe((await healthy.topicsOf(chat)).includes(t));
  });
});

describe('an unfollow interrupted between its steps', () => {
  it('after the unfollow, before its count: the chat follows it nowhere a reader looks; recountTopic repairs the count', async () => {
    const { crashing, healthy, keys } = stores('unfollow:recorded');
    const chat = asChatId(7_300_001);
    await healthy.follow(chat, armenia);
    await healthy.follow(chat, caucasus);
    await expect(crashing.unfollow(chat, armenia)).rejects.toBeInstanceOf(Crash);

    expect(await healthy.topicsOf(chat)).toEqual([caucasus]);
    expect(await healthy.isFollowing(chat, armenia)).toBe(false);
    expect(await followersOf(healthy, armenia)).toEqual([]);
    expect(await followersOf(healthy, caucasus)).toEqual([chat]);
    expect(await healthy.unfollow(chat, armenia)).toBe(false);
    expect(await recountTopic(redis, keys, armenia)).toBe(0);
    expect(await healthy.topTopics(5)).toEqual([{ topicId: caucasus, followers: 1 }]);
  });

  it('"unfollow all" interrupted the same way leaves the chat following nothing, and a new follow counts once', async () => {
    const { crashing, healthy, keys } = stores('unfollow:recorded');
    const chat = asChatId(7_400_001);
    await healthy.follow(chat, armenia);
    await healthy.follow(chat, caucasus);
    await expect(crashing.unfollowAll(chat)).rejects.toBeInstanceOf(Crash);
    expect(await healthy.topicsOf(chat)).toEqual([]);
    expect(await followersOf(healthy, armenia)).toEqual([]);
    expect(await followersOf(healthy, caucasus)).toEqual([]);
    await recountTopic(redis, keys, armenia);
    expect(await healthy.follow(chat, armenia)).toEqual({ ok: true, already: false });
    expect(await healthy.followerCount(armenia)).toBe(1);
  });
});
