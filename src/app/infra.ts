/**
 * The infrastructure of one process, built once and shared by its roles: the Redis
 * clients, the grammY Api, keys, topics and matcher, metrics, the stores, delivery and the
 * feed schedules. Every Redis client comes from `openRedis` (the one place that knows how
 * to reach Redis); BullMQ opens connections of its own from the queues client's options.
 */
import type { ConnectionOptions } from 'bullmq';
import { Api } from 'grammy';
import type { RedisOptions } from 'ioredis';
import type { Config } from '../config.js';
import { builtinTopics } from '../core/catalog.js';
import type { Clock } from '../core/clock.js';
import { createMatcher, type TopicMatcher } from '../core/matcher.js';
import { prepareArticle } from '../core/pipeline.js';
import { renderAlert } from '../core/render/alert.js';
import type { Topic } from '../core/topic.js';
import { createDelivery, type Delivery } from '../delivery/create-delivery.js';
import { createMetrics, type Metrics } from '../http/metrics.js';
import { createFeedSchedules, scheduledFeeds, type FeedSchedules } from '../jobs/feed-schedules.js';
import type { Logger } from '../logger.js';
import { createRedisStores, type Keys, type RedisStores } from '../store/index.js';
import { bullPrefix } from '../store/keys.js';
import { bullConnectionFor, openRedis as openRedisClient, type RedisClient } from '../store/redis-connection.js';
import { createRedisProgressBoard, type ProgressBoard } from '../store/redis-progress-board.js';
import { type Lifecycle, type Role, runsWorkers } from './lifecycle.js';

/**
 * Why a client is opened; each purpose has its own connection settings.
 * - `queues`: delivery's bookkeeping (ledger, pacer) and the template of BullMQ's own
 *   connections; BullMQ blocks on Redis and needs `maxRetriesPerRequest: null`.
 * - `ingest`: fails at once while Redis is down, so POST /articles answers 503 (nothing
 *   acknowledged is ever lost) instead of holding the request.
 * - `stores`: the stores' many small reads (the bot's above all), batched per tick
 *   (auto-pipelining); a command gives up after ioredis's default retries, so the bot
 *   answers what it can while Redis is away.
 */
export type RedisPurpose = 'queues' | 'ingest' | 'stores';

const REDIS_OPTIONS: Readonly<Record<RedisPurpose, RedisOptions>> = {
  queues: { maxRetriesPerRequest: null },
  ingest: { enableOfflineQueue: false, maxRetriesPerRequest: 1 },
  stores: { enableAutoPipelining: true },
};

/**
 * Opens a Redis client for a purpose: a single server or a Redis Cluster, as configured
 * (`store/redis-connection.ts` knows how to reach either).
 */
export function openRedis(config: Pick<Config, 'redis'>, purpose: RedisPurpose, logger: Logger): RedisClient {
  const client = openRedisClient(config.redis, REDIS_OPTIONS[purpose]);
  client.on('error', (err: Error) => logger.warn({ err: err.message, redis: purpose }, 'redis'));
  return client;
}

const clock: Clock = () => new Date();

export interface Infra {
  readonly config: Config & { readonly botToken: string };
  readonly role: Role;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly redis: { readonly queues: RedisClient; readonly ingest: RedisClient; readonly stores: RedisClient };
  /** BullMQ's connection options and prefix, for job queues and workers outside delivery. */
  readonly bullmq: { readonly connection: ConnectionOptions; readonly prefix: string };
  /** The one grammY Api of the process (delivery's sender, the progress job). The bot has its own, inside `Bot`. */
  readonly api: Api;
  readonly keys: Keys;
  readonly topics: readonly Topic[];
  readonly matcher: TopicMatcher;
  readonly metrics: Metrics;
  /** The stores; `feeds` updates the feed schedules on every change made through it. */
  readonly stores: RedisStores;
  readonly progressBoard: ProgressBoard;
  readonly feedSchedules: FeedSchedules;
  readonly delivery: Delivery;
}

/** Builds the infrastructure, recording each part in `life` (stopped in reverse: delivery before Redis). */
export async function createInfra(
  config: Config & { readonly botToken: string }, role: Role, logger: Logger, life: Lifecycle,
): Promise<Infra> {
  const redis = { queues: openRedis(config, 'queues', logger), ingest: openRedis(config, 'ingest', logger), stores: openRedis(config, 'stores', logger) };
  life.started('redis', async () => void (await Promise.all(Object.values(redis).map((c) => c.quit()))));

  const topics = builtinTopics();
  const builtinIds = new Set<string>(topics.map((t) => t.id));
  const matcher = createMatcher(topics);
  const bare = createRedisStores({
    redis: redis.stores, prefix: config.redisPrefix, clock, defaultTimeZone: config.defaultTimeZone,
    limits: { maxTopicsPerChat: config.maxTopicsPerChat, storyWindowMs: config.storyWindowHours * 3600 * 1000 },
    isCatalogTopic: (id) => builtinIds.has(id),
    onError: (err) => logger.warn({ err }, 'keyword announcements'),
  });
  // BullMQ's own connection (a cluster needs a dedicated client) under its hash-tagged prefix.
  const bull = bullConnectionFor(redis.queues, { maxRetriesPerRequest: null });
  life.started('feed schedules connection', () => bull.close());
  const bullmq = { connection: bull.connection, prefix: bullPrefix(config.redisPrefix) };
  const feedSchedules = createFeedSchedules({ feeds: bare.feeds, ...bullmq });
  life.started('feed schedules', () => feedSchedules.close());
  const stores: RedisStores = {
    ...bare,
    feeds: scheduledFeeds(bare.feeds, feedSchedules, (err, feed) => logger.warn({ err, feed }, 'feed schedule not updated; the next sync repairs it')),
  };
  const api = new Api(config.botToken, { apiRoot: config.telegramApiRoot });
  const metrics = createMetrics();
  const delivery = await createDelivery({
    redis: redis.queues, ingestRedis: redis.ingest, prefix: config.redisPrefix, api, stores, matcher,
    prepare: (input, now) => prepareArticle(input, { now, defaultTimeZone: config.defaultTimeZone, matcher }),
    renderAlert, clock, logger: logger.child({ part: 'delivery' }), metrics: metrics.delivery,
    sendRatePerSec: config.sendRatePerSec, paidBroadcast: config.paidBroadcast, lockDurationMs: config.jobLockMs,
    staleAfterHours: config.staleAfterHours,
    workers: runsWorkers(role),
  });
  life.started('delivery', () => delivery.close());
  metrics.trackQueues(delivery.stats);

  return {
    config, role, logger, clock, redis, bullmq, api, keys: stores.keys, topics, matcher, metrics, stores,
    progressBoard: createRedisProgressBoard(redis.stores, stores.keys), feedSchedules, delivery,
  };
}
