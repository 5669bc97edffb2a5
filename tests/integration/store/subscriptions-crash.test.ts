/**
 * A follow or unfollow spans two slots (the chat's bucket, the topic's follower set) and is done in
 * steps: a process dying between two steps must leave nothing a reader can see as wrong, and the
 * next follow/unfollow repairs what it left. The crash is played by the store's `afterStep` seam.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asChatId, asTopicId, type ChatId, type TopicId } from '../../../src/core/ids.js';
import { createKeys } from '../../../src/store/keys.js';
import { createRedisSubscriptionStore, type SubscriptionStep } from '../../../src/store/redis-subscription-store.js';
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
  it('after the topic’s set got the chat but the chat’s list did not: no reader sees the follow, no alert goes out, following again repairs it', async () => {
    const { crashing, healthy, keys } = stores('follow:indexed');
    const chat = asChatId(-1009876543210);
    await expect(crashing.follow(chat, armenia)).rejects.toBeInstanceOf(Crash);

    // The half-written follow is a ghost in the index only.
    expect(await redis.sismember(keys.followers(armenia), chat)).toBe(1);
    expect(await healthy.topicsOf(chat)).toEqual([]);
    expect(await healthy.isFollowing(chat, armenia)).toBe(false);
    expect(await followersOf(healthy, armenia)).toEqual([]);

    // The reader taps "follow" again: it completes, once.
    expect(await healthy.follow(chat, armenia)).toEqual({ ok: true, already: false });
    expect(await healthy.topicsOf(chat)).toEqual([armenia]);
    expect(await followersOf(healthy, armenia)).toEqual([chat]);
    expect(await healthy.topTopics(5)).toEqual([{ topicId: armenia, followers: 1 }]);
  });

  it('after both sides were written but before the count: the follow holds; the count catches up with the next change', async () => {
    const { crashing, healthy } = stores('follow:recorded');
    const chat = asChatId(7_100_001);
    await expect(crashing.follow(chat, armenia)).rejects.toBeInstanceOf(Crash);
    expect(await healthy.isFollowing(chat, armenia)).toBe(true);
    expect(await followersOf(healthy, armenia)).toEqual([chat]);
    expect(await healthy.follow(asChatId(7_100_002), armenia)).toEqual({ ok: true, already: false });
    expect(await healthy.topTopics(5)).toEqual([{ topicId: armenia, followers: 2 }]);
  });

  it('keeps the per-chat limit exact, ghost or not', async () => {
    const { crashing, healthy } = stores('follow:indexed');
    const chat = asChatId(7_200_001);
    await expect(crashing.follow(chat, armenia)).rejects.toBeInstanceOf(Crash);
    expect(await healthy.follow(chat, caucasus)).toEqual({ ok: true, already: false });
    expect(await healthy.follow(chat, armenia)).toEqual({ ok: true, already: false });
    expect(await healthy.follow(chat, asTopicId('country:RU'))).toEqual({ ok: false, error: { code: 'too-many-topics', limit: 2 } });
    expect((await healthy.topicsOf(chat)).toSorted()).toEqual([armenia, caucasus]);
  });
});

describe('an unfollow interrupted between its steps', () => {
  it('after the chat’s list dropped the topic but before its set did: the chat no longer follows it anywhere a reader looks, and unfollowing again cleans the set', async () => {
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
    expect(await redis.sismember(keys.followers(armenia), chat)).toBe(0);
    expect(await healthy.topTopics(5)).toEqual([{ topicId: caucasus, followers: 1 }]);
  });

  it('"unfollow all" interrupted the same way leaves the chat following nothing', async () => {
    const { crashing, healthy } = stores('unfollow:recorded');
    const chat = asChatId(7_400_001);
    await healthy.follow(chat, armenia);
    await healthy.follow(chat, caucasus);
    await expect(crashing.unfollowAll(chat)).rejects.toBeInstanceOf(Crash);
    expect(await healthy.topicsOf(chat)).toEqual([]);
    expect(await followersOf(healthy, armenia)).toEqual([]);
    expect(await followersOf(healthy, caucasus)).toEqual([]);
    // Following again after the crash is a fresh follow, counted once.
    expect(await healthy.follow(chat, armenia)).toEqual({ ok: true, already: false });
    expect(await healthy.followerCount(armenia)).toBe(1);
  });
});
