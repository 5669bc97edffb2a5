/**
 * On a 3-master Redis Cluster (vitest's `cluster` project: .ci/run starts one and sets
 * TEST_REDIS_CLUSTER_NODES): the stores work without a CROSSSLOT, their keys spread over every
 * master, and the keys each script writes together hash to one slot (asked of Redis itself).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asChatId, asTopicId } from '../../../src/core/ids.js';
import { chatBucketOf } from '../../../src/store/keys.js';
import { createRedisStores, type RedisStores } from '../../../src/store/index.js';
import { isCluster, mastersOf } from '../../../src/store/redis-connection.js';
import { connectRedis, ON_CLUSTER, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('cluster-spread');
let redis: Redis;
let stores: RedisStores;

describe.skipIf(!ON_CLUSTER)('on Redis Cluster (skipped: runs in the `cluster` project — set TEST_REDIS_CLUSTER_NODES to a 3-master cluster, as .ci/run does)', () => {
  beforeAll(() => {
    redis = connectRedis();
    stores = createRedisStores({ redis, prefix, clock: () => new Date(Date.UTC(2024, 4, 9, 13, 19)) });
  });
  afterAll(() => releaseRedis(redis, prefix));

  it('registers, follows and counts 600 chats with their keys on every master', async () => {
    expect(isCluster(redis)).toBe(true);
    const armenia = asTopicId('country:AM');
    const ids = Array.from({ length: 600 }, (_, i) => asChatId(500_000_001 + i));
    await Promise.all(ids.map(async (id) => {
      await stores.chats.register({ id, type: 'private', language: 'ar' });
      await stores.subscriptions.follow(id, armenia);
    }));
    expect((await stores.chats.stats()).active).toBe(600);
    expect(await stores.subscriptions.followerCount(armenia)).toBe(600);

    const perMaster = await Promise.all(mastersOf(redis).map(async (node) => {
      let count = 0;
      let cursor = '0';
      do {
        const [next, found] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        count += found.length;
      } while (cursor !== '0');
      return count;
    }));
    expect(perMaster).toHaveLength(3);
    for (const n of perMaster) expect(n).toBeGreaterThan(50);
  });

  it('writes a chat’s record, topics and its bucket’s counters in one slot', async () => {
    const chat = asChatId(-1001234567890);
    const slots = await Promise.all([stores.keys.chats(chat), stores.keys.chatTopics(chat), stores.keys.chatCounters(chatBucketOf(chat))]
      .map((key) => redis.cluster('KEYSLOT', key)));
    expect(new Set(slots).size).toBe(1);
  });
});
