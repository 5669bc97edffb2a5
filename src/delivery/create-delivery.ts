/**
 * Builds the delivery engine for src/app/infra.ts: the queues, the ingest and broadcast services,
 * the stats, and (unless `workers` is false) the fan-out and send workers with the global
 * rate limit (the send pacer in Redis, shared by every process; not BullMQ's limiter). `close()` stops workers first (letting in-flight sends finish), then queues.
 */
import { Worker } from 'bullmq';
import type { Api } from 'grammy';
import type { Clock } from '../core/clock.js';
import type { TopicMatcher } from '../core/matcher.js';
import type { Logger } from '../logger.js';
import { createKeys } from '../store/keys.js';
import { bullConnectionFor, type RedisClient } from '../store/redis-connection.js';
import type { ArticleStore, BroadcastStore, ChatStore, KeywordRegistry, StoryStore, SubscriptionStore } from '../store/ports.js';
import { createHeldRelease, type HeldRelease } from './release-held.js';
import { createBroadcastService } from './broadcast-service.js';
import { createComposer, type RenderAlert } from './compose.js';
import { createDeliveryStats } from './delivery-stats.js';
import { createFanoutProcessor } from './fanout-worker.js';
import { createIngestService, type Prepare } from './ingest-service.js';
import { createLedger } from './ledger.js';
import { wireLiveKeywords } from './live-keywords.js';
import { noMetrics, type BroadcastService, type DeliveryMetrics, type DeliveryStats, type IngestService } from './ports.js';
import {
  chunkSizeFor, createQueues, DEFAULT_JOB_LOCK_MS, FANOUT_BACKOFF, FANOUT_QUEUE, fanoutBackoffMs, SEND_QUEUE, SEND_WORKER_CLEANUP, workerLockOptions, type FanoutJob, type SendJob,
} from './queues.js';
import { concurrencyFor, createSendPacer } from './rate-limit.js';
import { createSendProcessor } from './send-worker.js';
import { createSender } from './sender.js';

/** What createDelivery needs; src/app/infra.ts builds each of these once. */
export interface DeliveryDeps {
  /**
   * The app's Redis client (the stores' one is fine), created with `maxRetriesPerRequest: null`.
   * Delivery's own bookkeeping uses it; BullMQ gets connections of its own made from its
   * options (BullMQ defines ~70 Lua commands on a client it is given, which makes every
   * MULTI on that client copy them). Not closed by `close()`.
   */
  readonly redis: RedisClient;
  /**
   * Optional Redis for the ingest path, created with `enableOfflineQueue: false` so that
   * ingest fails at once while Redis is down (503); the ingest queue connects with its
   * options. Without it, ingest still gives up after `ingestTimeoutMs`. Not closed by `close()`.
   */
  readonly ingestRedis?: RedisClient;
  /** Key prefix (config.redisPrefix): the store keys' prefix; BullMQ's is its hash-tagged form (keys.bull). */
  readonly prefix: string;
  /** grammY Api (`new Api(token, { apiRoot })`), no Bot: the sender uses it directly. */
  readonly api: Api;
  readonly stores: {
    readonly chats: ChatStore;
    readonly subscriptions: SubscriptionStore;
    readonly articles: ArticleStore;
    /** Files articles into stories (one alert per event); without it every matching article alerts. */
    readonly stories?: StoryStore;
    readonly broadcasts: BroadcastStore;
    readonly keywords: KeywordRegistry;
  };
  /** This process's matcher; free keyword topics from any process are added to it live. */
  readonly matcher: TopicMatcher;
  /** Core's pipeline, bound to the matcher and default zone: `(input, now) => prepareArticle(input, { now, defaultTimeZone, matcher })`. */
  readonly prepare: Prepare;
  /** Core's alert renderer: `(prepared, options) => renderAlert(prepared, options)`. */
  readonly renderAlert: RenderAlert;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: DeliveryMetrics;
  /** config.sendRatePerSec: the global limit shared by every worker process. */
  readonly sendRatePerSec: number;
  /** config.paidBroadcast: adds allow_paid_broadcast to every send. */
  readonly paidBroadcast: boolean;
  /**
   * Which workers this process runs: false for the 'bot' role (services and stats only).
   * Default true (both). An object picks one kind, e.g. `{ fanout: true, send: false }`.
   */
  readonly workers?: boolean | { readonly fanout: boolean; readonly send: boolean };
  /** Concurrent sends per process (also the most a crash can leave in flight). Default: enough to fill the rate at ~100 ms per call. */
  readonly sendConcurrency?: number;
  /** Default 3000 ms. */
  readonly ingestTimeoutMs?: number;
  /** Config STALE_AFTER_HOURS (default 36). */
  readonly staleAfterHours?: number;
  /**
   * config.jobLockMs: how long a worker's claim on a job lasts without renewal, and so how soon a
   * crashed process's jobs are taken over (workerLockOptions in queues.ts). Default DEFAULT_JOB_LOCK_MS.
   */
  readonly lockDurationMs?: number;
}

export interface Delivery {
  readonly ingest: IngestService;
  readonly broadcasts: BroadcastService;
  readonly stats: DeliveryStats;
  /** Sends a chat's held alerts now (or sooner) after its quiet hours or digest were turned off or shortened. */
  readonly releaseHeld: HeldRelease;
  /** Resolves once the workers are connected (tests, health checks). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export async function createDelivery(deps: DeliveryDeps): Promise<Delivery> {
  const { stores, logger, clock } = deps;
  const metrics = deps.metrics ?? noMetrics;
  const keys = createKeys(deps.prefix);
  const lockMs = deps.lockDurationMs ?? DEFAULT_JOB_LOCK_MS;
  const ledger = createLedger(deps.redis, keys, { lockMs });
  // BullMQ's connections of its own, modelled on the app's clients (redis-connection.ts).
  const bull = bullConnectionFor(deps.redis, { maxRetriesPerRequest: null });
  const ingestBull = deps.ingestRedis ? bullConnectionFor(deps.ingestRedis) : undefined;
  const queues = createQueues(bull.connection, keys.bull);
  const ingestQueues = ingestBull ? createQueues(ingestBull.connection, keys.bull) : undefined;
  const chunkSize = chunkSizeFor(deps.sendRatePerSec);
  const broadcasts = createBroadcastService({
    ...stores, queues, ledger, clock, chunkSize,
    // The progress reporter (src/jobs/broadcast-progress.ts, via src/store/redis-progress-board.ts) listens on this channel.
    onFinished: (id) => deps.redis.publish(keys.broadcastProgressChannel(), id),
  });
  const ingest = createIngestService({
    prepare: deps.prepare,
    articles: stores.articles,
    ...(stores.stories ? { stories: stores.stories } : {}),
    ...(deps.staleAfterHours !== undefined ? { staleAfterHours: deps.staleAfterHours } : {}),
    subscriptions: stores.subscriptions,
    queues: ingestQueues ?? queues,
    clock,
    metrics,
    ...(deps.ingestTimeoutMs !== undefined ? { timeoutMs: deps.ingestTimeoutMs } : {}),
  });
  const stopKeywords = await wireLiveKeywords(stores.keywords, deps.matcher);

  const workers: Worker[] = [];
  const common = { connection: bull.connection, prefix: keys.bull, ...workerLockOptions(lockMs) };
  const run = typeof deps.workers === 'object' ? deps.workers : { fanout: deps.workers !== false, send: deps.workers !== false };
  if (run.fanout) {
    workers.push(new Worker<FanoutJob>(
      FANOUT_QUEUE,
      createFanoutProcessor({ ...stores, queues, ledger, clock, logger, chunkSize, onBroadcastPlanned: broadcasts.planned }),
      { ...common, concurrency: 2, settings: { backoffStrategy: (attemptsMade: number, type?: string) => (type === FANOUT_BACKOFF ? fanoutBackoffMs(attemptsMade) : 0) } },
    ));
  }
  if (run.send) {
    const concurrency = deps.sendConcurrency ?? concurrencyFor(deps.sendRatePerSec);
    workers.push(new Worker<SendJob>(
      SEND_QUEUE,
      createSendProcessor({
        ...stores,
        sender: createSender(deps.api, { paidBroadcast: deps.paidBroadcast }),
        compose: createComposer({ ...stores, ledger, renderAlert: deps.renderAlert, logger }),
        ledger,
        queues,
        pacer: createSendPacer(deps.redis, keys.sendPacer(), deps.sendRatePerSec),
        concurrency,
        clock,
        logger,
        metrics,
        onBroadcastSent: broadcasts.settleIfDone,
      }),
      // Jobs at once: enough chunks to keep every send slot busy across job switches; few, so
      // that a breaking broadcast's chunks are not queued behind many alert chunks.
      { ...common, ...SEND_WORKER_CLEANUP, concurrency: Math.max(4, Math.ceil((2 * concurrency) / chunkSize)) },
    ));
  }
  for (const w of workers) {
    w.on('error', (err) => logger.error({ err, queue: w.name }, 'delivery worker error'));
    // A lock this process could not renew (event loop blocked or Redis unreachable for longer than
    // the lock) is another worker's job now, or soon: stop starting its sends (the processors watch
    // the job's abort signal), so that the two do not both work through its chats.
    w.on('lockRenewalFailed', (jobIds) => {
      for (const jobId of jobIds) {
        // false: the job finished meanwhile (its lock went with it).
        if (w.cancelJob(jobId, 'lock lost')) logger.warn({ queue: w.name, jobId }, 'delivery job lost its lock: left to the worker that takes it over');
      }
    });
    w.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) logger.error({ err, queue: w.name, jobId: job.id }, 'delivery job failed for good');
    });
  }

  return {
    ingest,
    broadcasts,
    stats: createDeliveryStats({ queues, ledger, clock }),
    releaseHeld: createHeldRelease({ queues, ledger, clock }),
    async ready() {
      await Promise.all(workers.map((w) => w.waitUntilReady()));
    },
    async close() {
      await stopKeywords();
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      await ingestQueues?.close();
      await bull.close();
      await ingestBull?.close();
    },
  };
}
