/**
 * Composition root: config → logger → Redis → stores → matcher → delivery → bot →
 * runner/webhook, plus the HTTP server and feed poller. Builds everything explicitly
 * (no singletons), starts in order, and stops in reverse order. `npm start` runs this
 * file; the process side (config errors, signals, bounded shutdown) is src/cli/start.ts.
 *
 * Roles: `all` (default, one process), `bot` (takes updates only), `worker` (delivery
 * workers, HTTP server and feed poller). Run one `bot` and any number of `worker`s
 * against the same Redis to scale out.
 */
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import { catalogFromMatcher } from './bot/catalog.js';
import { registerCommands } from './bot/commands.js';
import { createBot } from './bot/create-bot.js';
import { startPolling, startWebhook, type UpdatesSource } from './bot/run-updates.js';
import type { CliIo } from './cli/io.js';
import type { Config } from './config.js';
import { builtinTopics } from './core/catalog.js';
import type { Clock } from './core/clock.js';
import { createMatcher } from './core/matcher.js';
import { prepareArticle } from './core/pipeline.js';
import { renderAlert } from './core/render/alert.js';
import { createDelivery } from './delivery/create-delivery.js';
import { createBroadcastProgress, createRedisProgressBoard } from './bot/features/admin/index.js';
import { parseFeed } from './core/parse/feed.js';
import { createArticlesRoute } from './http/articles-route.js';
import { createHealthCheck } from './http/health.js';
import { createMetrics } from './http/metrics.js';
import { createHttpServer } from './http/server.js';
import { createFeedPoller } from './ingest/feed-poller.js';
import { createRedisLease } from './ingest/redis-lock.js';
import type { Logger } from './logger.js';
import { createRedisStores } from './store/index.js';

export type Role = 'bot' | 'worker' | 'all';

const clock: Clock = () => new Date();

/** One started part of the app, stopped in reverse order of starting. */
interface Part {
  readonly name: string;
  stop(): Promise<void>;
}

export interface App {
  readonly role: Role;
  /** Stops every part in reverse order; never throws (each failure is logged). */
  stop(): Promise<void>;
}

/**
 * Builds and starts the app for a role. Start order: Redis → stores → matcher → delivery
 * → HTTP server and feed poller → bot. Stop order is the reverse: stop taking updates
 * (handlers in flight finish), stop HTTP and poller, close delivery (sends in flight
 * finish), then Redis. On a start failure, what had started is stopped and the error rethrown.
 */
export async function startApp(config: Config & { botToken: string }, role: Role, logger: Logger): Promise<App> {
  const parts: Part[] = [];
  const stop = async (): Promise<void> => {
    for (const part of parts.toReversed()) {
      try {
        await part.stop();
        logger.info({ part: part.name }, 'stopped');
      } catch (e) {
        logger.error({ err: e, part: part.name }, 'stop failed');
      }
    }
  };
  try {
    // Queues and workers block on Redis: BullMQ needs maxRetriesPerRequest null. Ingest gets
    // its own client that fails at once while Redis is down (answers 503, loses nothing).
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const ingestRedis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    for (const client of [redis, ingestRedis]) client.on('error', (err) => logger.warn({ err: err.message }, 'redis'));
    parts.push({ name: 'redis', stop: async () => void (await Promise.all([redis.quit(), ingestRedis.quit()])) });

    const topics = builtinTopics();
    const builtinIds = new Set<string>(topics.map((t) => t.id));
    const matcher = createMatcher(topics);
    const stores = createRedisStores({
      redis, prefix: config.redisPrefix, clock, defaultTimeZone: config.defaultTimeZone,
      limits: { maxTopicsPerChat: config.maxTopicsPerChat },
      isCatalogTopic: (id) => builtinIds.has(id),
      onError: (err) => logger.warn({ err }, 'keyword announcements'),
    });
    const metrics = createMetrics();
    const delivery = await createDelivery({
      redis, ingestRedis, prefix: config.redisPrefix,
      api: new Api(config.botToken, { apiRoot: config.telegramApiRoot }),
      stores, matcher,
      prepare: (input, now) => prepareArticle(input, { now, defaultTimeZone: config.defaultTimeZone, matcher }),
      renderAlert, clock, logger: logger.child({ part: 'delivery' }), metrics: metrics.delivery,
      sendRatePerSec: config.sendRatePerSec, paidBroadcast: config.paidBroadcast,
      workers: role !== 'bot',
    });
    parts.push({ name: 'delivery', stop: () => delivery.close() });
    metrics.trackQueues(delivery.stats);
    let updates: UpdatesSource | undefined;

    // ── HTTP SERVER AND FEED POLLER (issue 6) ───────────────────────────────────────
    // Roles 'worker' and 'all': POST /articles, /healthz, /metrics; the feed poller and the
    // broadcast progress reporter, each in one process at a time (a lease in Redis).
    if (role !== 'bot') {
      const opsLog = logger.child({ part: 'sources' });
      const poller = createFeedPoller({
        feeds: stores.feeds, ingest: delivery.ingest, parseFeed, clock, logger: opsLog,
        lease: createRedisLease(redis, stores.keys.feedPollerLease(), 30_000),
      });
      const http = createHttpServer({
        articles: createArticlesRoute({
          ingest: delivery.ingest, bodyLimitBytes: config.http.bodyLimitBytes, logger: opsLog,
          isAvailable: () => ingestRedis.status === 'ready', ...(config.ingestToken ? { token: config.ingestToken } : {}),
        }),
        health: createHealthCheck({
          pingRedis: () => redis.ping(), stats: delivery.stats, feeds: () => poller.status(),
          ...(role === 'all' ? { polling: () => ({ ok: updates !== undefined, detail: updates?.mode ?? 'starting' }) } : {}),
        }),
        metrics, logger: opsLog,
      });
      const address = await http.listen(config.http.port, config.http.host);
      opsLog.info({ host: address.address, port: address.port, ingestApi: Boolean(config.ingestToken) }, 'http listening');
      parts.push({ name: 'http', stop: () => http.close() });
      poller.start();
      parts.push({ name: 'feed poller', stop: () => poller.stop() });
      const progress = createBroadcastProgress({
        api: new Api(config.botToken, { apiRoot: config.telegramApiRoot }), broadcasts: stores.broadcasts, chats: stores.chats,
        clock, logger: opsLog, lease: createRedisLease(redis, stores.keys.broadcastProgressLease(), 15_000),
        board: createRedisProgressBoard(redis, stores.keys),
      });
      progress.start();
      parts.push({ name: 'broadcast progress', stop: () => progress.stop() });
    }
    // ── END HTTP SERVER AND FEED POLLER ──────────────────────────────────────────────

    if (role !== 'worker') {
      // The bot's many small reads go through their own client that batches the commands
      // of one tick into one write (auto-pipelining); queues keep the plain client.
      const botRedis = new Redis(config.redisUrl, { enableAutoPipelining: true });
      botRedis.on('error', (err) => logger.warn({ err: err.message }, 'redis (bot)'));
      parts.push({ name: 'redis (bot)', stop: async () => void (await botRedis.quit()) });
      const botStores = createRedisStores({
        redis: botRedis, prefix: config.redisPrefix, clock, defaultTimeZone: config.defaultTimeZone,
        limits: { maxTopicsPerChat: config.maxTopicsPerChat }, isCatalogTopic: (id) => builtinIds.has(id),
      });
      const bot = createBot(config.botToken, {
        logger: logger.child({ part: 'bot' }), clock, stores: botStores, catalog: catalogFromMatcher(matcher, topics),
        ingest: delivery.ingest, broadcasts: delivery.broadcasts, stats: delivery.stats,
        adminIds: config.adminIds, defaultTimeZone: config.defaultTimeZone, learnKeyword: (t) => matcher.add(t),
        feedDefaultIntervalSec: config.feedDefaultIntervalSec, progressBoard: createRedisProgressBoard(botRedis, botStores.keys),
        redis: { client: botRedis, keys: botStores.keys }, releaseHeld: delivery.releaseHeld,
      }, { client: { apiRoot: config.telegramApiRoot } });
      await bot.init();
      await registerCommands(bot.api, config.adminIds).catch((err: unknown) => logger.warn({ err }, 'setMyCommands failed'));
      updates = config.webhook
        ? await startWebhook(bot, { ...config.webhook, host: config.http.host }, logger)
        : await startPolling(bot, logger);
      parts.push({ name: 'updates', stop: () => updates?.stop() ?? Promise.resolve() });
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { role, stop };
}

// `npm start` runs this file. No top-level await here: cli/start.ts imports this module,
// which must finish evaluating first.
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  void import('./cli/start.js')
    .then(({ run }) => run(process.argv.slice(2), io))
    .then((code) => {
      // Sockets left by a library must not keep a stopped process alive.
      process.exit(code);
    });
}
