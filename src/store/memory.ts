/**
 * What subscriptions cost in Redis memory (for benches and capacity planning): MEMORY USAGE,
 * sampling every element, of every follower SET, every chat → topics bucket and the
 * top-topics ZSET under a prefix.
 */
import type { TopicId } from '../core/ids.js';
import { SUBSCRIPTION_BUCKETS, type Keys } from './keys.js';
import { splitTopics } from './redis-subscription-store.js';
import type { RedisClient } from './redis-connection.js';

export interface SubscriptionFootprint {
  readonly subscriptions: number;
  readonly bytes: number;
  readonly bytesPerSubscription: number;
  /** Bytes of each part: topic → chats sets (per chat bucket, with each topic's bucket list), chat → topics buckets, follower-count ZSET. */
  readonly parts: { readonly followerSets: number; readonly chatBuckets: number; readonly topTopics: number };
}

/** MEMORY USAGE of every key, 500 at a time (one command each: the keys may live on different nodes). */
export async function usage(redis: RedisClient, keys: readonly string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < keys.length; i += 500) {
    const sizes = await Promise.all(keys.slice(i, i + 500).map((key) => redis.memory('USAGE', key, 'SAMPLES', '0')));
    for (const bytes of sizes) total += Number(bytes ?? 0);
  }
  return total;
}

/** Measures every subscription stored under `keys.prefix`. Reads every bucket: for benches, not for hot paths. */
export async function measureSubscriptions(redis: RedisClient, keys: Keys): Promise<SubscriptionFootprint> {
  const topics = (await redis.zrange(keys.topTopics(), '0', '-1')) as TopicId[];
  const buckets = Array.from({ length: SUBSCRIPTION_BUCKETS }, (_, b) => keys.chatTopicsBucket(b));
  let subscriptions = 0;
  for (const fields of await Promise.all(buckets.map((bucket) => redis.hgetall(bucket)))) {
    for (const field of Object.values(fields)) subscriptions += splitTopics(field).length;
  }
  const followerSets = await usage(redis, [
    ...topics.map((t) => keys.topicBuckets(t)),
    ...(await Promise.all(topics.map(async (t) => (await redis.smembers(keys.topicBuckets(t))).map((b) => keys.followersIn(t, Number(b)))))).flat(),
  ]);
  const chatBuckets = await usage(redis, buckets);
  const topTopics = await usage(redis, [keys.topTopics()]);
  const bytes = followerSets + chatBuckets + topTopics;
  return {
    subscriptions,
    bytes,
    bytesPerSubscription: subscriptions === 0 ? 0 : Math.round((bytes / subscriptions) * 10) / 10,
    parts: { followerSets, chatBuckets, topTopics },
  };
}
