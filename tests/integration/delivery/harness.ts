/**
 * Test wiring for the delivery engine: real Redis under a per-file prefix, the real stores,
 * matcher and article parser, the fake Telegram Bot API over HTTP, and createDelivery.
 * The child worker process (tests/support/delivery-worker.ts) builds the same wiring.
 */
import { readFileSync } from 'node:fs';
import { Api } from 'grammy';
import { builtinTopics } from '../../../src/core/catalog.js';
import type { ArticleInput } from '../../../src/core/input.js';
import { createMatcher, type TopicMatcher } from '../../../src/core/matcher.js';
import { prepareArticle } from '../../../src/core/pipeline.js';
import { renderAlert } from '../../../src/core/render/alert.js';
import { createDelivery, type Delivery, type DeliveryDeps } from '../../../src/delivery/create-delivery.js';
import { createLogger } from '../../../src/logger.js';
import { createRedisStores, type RedisStores } from '../../../src/store/index.js';
import { openRedis, type RedisClient, type RedisTarget } from '../../../src/store/redis-connection.js';
import { REDIS_TARGET, REDIS_URL } from '../../support/redis.js';

export const DEFAULT_ZONE = 'Asia/Riyadh';
export const fixtureText = (): string => readFileSync(new URL('../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');
export const fixtureInput = (url = 'https://example.com/news/armenia-withdrawal'): ArticleInput => ({ kind: 'text', text: fixtureText(), url, outlet: 'روسيا اليوم' });

export interface Wiring {
  readonly redis: RedisClient;
  readonly stores: RedisStores;
  readonly matcher: TopicMatcher;
  readonly delivery: Delivery;
  readonly clock: { now: number };
  close(): Promise<void>;
}

export interface WiringOptions {
  /**
   * REDIS_URL (tests/support/redis.ts) means this run's shared target: the cluster in vitest's
   * cluster project, else that server. Any other URL is a private single server (the outage test).
   */
  readonly redisUrl: string;
  /** Overrides redisUrl: this Redis (e.g. a bench's own cluster). */
  readonly target?: RedisTarget;
  readonly prefix: string;
  readonly apiRoot: string;
  readonly token: string;
  readonly rate?: number;
  readonly workers?: boolean;
  /** Concurrent sends per process (default 20); 'auto' lets createDelivery size it for the rate. */
  readonly concurrency?: number | 'auto';
  readonly ingestTimeoutMs?: number;
  /** Start time of the settable clock (default: real time, advancing). */
  readonly startAt?: number;
  readonly lockDurationMs?: number;
  /** Default: 20 years, since the canonical fixture is a 2024 article the tests treat as fresh news. */
  readonly staleAfterHours?: number;
  readonly extra?: Partial<DeliveryDeps>;
}

/** Builds stores + delivery against Redis and the fake API. */
export async function wire(o: WiringOptions): Promise<Wiring> {
  const target: RedisTarget = o.target ?? (o.redisUrl === REDIS_URL ? REDIS_TARGET : { kind: 'single', url: o.redisUrl });
  const redis = openRedis(target, { maxRetriesPerRequest: null });
  const ingestRedis = openRedis(target, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  ingestRedis.on('error', () => undefined);
  redis.on('error', () => undefined);
  const offset = o.startAt === undefined ? 0 : o.startAt - Date.now();
  const clockState = { now: 0 };
  const clock = (): Date => new Date(clockState.now !== 0 ? clockState.now : Date.now() + offset);
  const stores = createRedisStores({ redis, prefix: o.prefix, clock, defaultTimeZone: DEFAULT_ZONE });
  const matcher = createMatcher(builtinTopics());
  const delivery = await createDelivery({
    redis,
    ingestRedis,
    prefix: o.prefix,
    api: new Api(o.token, { apiRoot: o.apiRoot }),
    stores,
    matcher,
    prepare: (input, now) => prepareArticle(input, { now, defaultTimeZone: DEFAULT_ZONE, matcher }),
    renderAlert,
    clock,
    logger: createLogger('silent'),
    sendRatePerSec: o.rate ?? 1000,
    paidBroadcast: (o.rate ?? 1000) > 30,
    workers: o.workers ?? true,
    ...(o.concurrency === 'auto' ? {} : { sendConcurrency: o.concurrency ?? 20 }),
    ingestTimeoutMs: o.ingestTimeoutMs ?? 1500,
    staleAfterHours: o.staleAfterHours ?? 20 * 365 * 24,
    ...(o.lockDurationMs ? { lockDurationMs: o.lockDurationMs } : {}),
    ...o.extra,
  });
  await delivery.ready();
  return {
    redis,
    stores,
    matcher,
    delivery,
    clock: clockState,
    async close() {
      await delivery.close();
      ingestRedis.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Registers `count` private chats (ids from `first`) following `topic`, in parallel batches. */
export async function addFollowers(stores: RedisStores, topic: string, first: number, count: number): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => first + i);
  for (let i = 0; i < ids.length; i += 500) {
    await Promise.all(ids.slice(i, i + 500).map(async (id) => {
      const chat = await stores.chats.register({ id: id as never, type: 'private', language: 'ar' });
      await stores.subscriptions.follow(chat.id, topic as never);
    }));
  }
  return ids;
}
