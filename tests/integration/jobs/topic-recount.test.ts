/**
 * The periodic repair of follower counts: a worker that died between a follow's script and its
 * count leaves «أرمينيا» one follower short in the top topics; the recount job sets it right from
 * the follower sets, and its scheduler exists once however many workers start it.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asChatId, asTopicId } from '../../../src/core/ids.js';
import { createTopicRecount, TOPIC_RECOUNT_QUEUE } from '../../../src/jobs/topic-recount.js';
import { createLogger } from '../../../src/logger.js';
import { bullPrefix, createKeys } from '../../../src/store/keys.js';
import { createRedisSubscriptionStore, recountTopic } from '../../../src/store/redis-subscription-store.js';
import { bullConnection, connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('jobs-topic-recount');
const keys = createKeys(prefix);
const armenia = asTopicId('country:AM');
const caucasus = asTopicId('region:south-caucasus');
let redis: Redis;

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

const recountOf = (topics = [armenia, caucasus]) => createTopicRecount({
  topics: async () => topics, recount: (t) => recountTopic(redis, keys, t),
  connection: bullConnection, prefix: bullPrefix(prefix), logger: createLogger('silent'),
});

describe('topic recount', () => {
  it('sets a count left one short by a crash between a follow and its count', async () => {
    let crash = true;
    const dying = createRedisSubscriptionStore({
      redis, keys, maxTopicsPerChat: 5,
      afterStep: (s) => {
        if (crash && s === 'follow:recorded') {
          crash = false;
          throw new Error('worker died');
        }
      },
    });
    const subs = createRedisSubscriptionStore({ redis, keys, maxTopicsPerChat: 5 });
    await expect(dying.follow(asChatId(1001), armenia)).rejects.toThrow('worker died');
    await subs.follow(asChatId(1002), armenia);
    await subs.follow(asChatId(1003), caucasus);
    expect(await subs.followerCount(armenia)).toBe(1);

    const recount = recountOf();
    try {
      expect(await recount.recountAll()).toEqual({ topics: 2, followers: 3 });
      expect(await subs.followerCount(armenia)).toBe(2);
      expect(await subs.followerCount(caucasus)).toBe(1);
    } finally {
      await recount.stop();
    }
  });

  it('is scheduled once, however many workers start it', async () => {
    const workers = [recountOf(), recountOf()];
    const queue = new Queue(TOPIC_RECOUNT_QUEUE, { connection: bullConnection, prefix: bullPrefix(prefix) });
    try {
      for (const w of workers) await w.start();
      const schedulers = await queue.getJobSchedulers(0, -1, true);
      expect(schedulers.map((s) => [s.key, Number(s.every)])).toEqual([['recount', 6 * 3600 * 1000]]);
    } finally {
      for (const w of workers) await w.stop();
      await queue.close();
    }
  });
});
