/**
 * Composition root: config → logger → Redis → stores → matcher → delivery → bot →
 * runner/webhook, plus the HTTP server and feed poller. Builds everything explicitly
 * (no singletons), starts in order, and stops in reverse order. The process side (config
 * errors, signals, bounded shutdown) is src/cli/start.ts, reached through src/cli.ts.
 *
 * Roles: `all` (default, one process), `bot` (takes updates), `worker` (delivery workers,
 * feed poller, progress). Every role serves the HTTP API (/articles, /healthz, /metrics). Run one `bot` and any number of `worker`s
 * against the same Redis to scale out.
 */
import { Api } from 'grammy';
import { catalogFromMatcher } from './bot/catalog.js';
import { registerCommands } from './bot/commands.js';
import { createBot } from './bot/create-bot.js';
import { startPolling, startWebhook, type UpdatesSource } from './bot/run-updates.js';
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
import { createFeedDiscovery } from './sources/discover-feeds.js';
import { createFeedPoller } from './sources/feed-poller.js';
import { createRedisLease } from './store/redis-lease.js';
import type { Logger } from './logger.js';
import { createRedisStores } from './store/index.js';
import { openRedis } from './store/redis-connection.js';

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
    const redis = openRedis(config.redis, { maxRetriesPerRequest: null });
    const ingestRedis = openRedis(config.redis, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    for (const client of [redis, ingestRedis]) client.on('error', (err) => logger.warn({ err: err.message }, 'redis'));
    parts.push({ name: 'redis', stop: async () => void (await Promise.all([redis.quit(), ingestRedis.quit()])) });

    const topics = builtinTopics();
    const builtinIds = new Set<string>(topics.map((t) => t.id));
    const matcher = createMatcher(topics);
    const stores = createRedisStores({
      redis, prefix: config.redisPrefix, clock, defaultTimeZone: config.defaultTimeZone,
      limits: { maxTopicsPerChat: config.maxTopicsPerChat, storyWindowMs: config.storyWindowHours * 3600 * 1000 },
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
      sendRatePerSec: config.sendRatePerSec, paidBroadcast: config.paidBroadcast, lockDurationMs: config.jobLockMs,
      staleAfterHours: config.staleAfterHours,
      workers: role !== 'bot',
    });
    parts.push({ name: 'delivery', stop: () => delivery.close() });
    metrics.trackQueues(delivery.stats);
    let updates: UpdatesSource | undefined;

    // ── HTTP SERVER, FEED POLLER, PROGRESS ──────────────────────────────────────────
    // Every role serves POST /articles, /healthz and /metrics (one HEALTHCHECK fits all; the bot
    // role can ingest too, its delivery only has no workers). Roles 'worker' and 'all' also run the
    // feed poller and the broadcast progress reporter, each in one process at a time (a Redis lease).
    const opsLog = logger.child({ part: 'sources' });
    const poller = role === 'bot' ? undefined : createFeedPoller({
      feeds: stores.feeds, ingest: delivery.ingest, parseFeed, clock, logger: opsLog,
      lease: createRedisLease(redis, stores.keys.feedPollerLease(), 30_000),
    });
    const http = createHttpServer({
      articles: createArticlesRoute({
        ingest: delivery.ingest, bodyLimitBytes: config.http.bodyLimitBytes, logger: opsLog,
        isAvailable: () => ingestRedis.status === 'ready', ...(config.ingestToken ? { token: config.ingestToken } : {}),
      }),
      health: createHealthCheck({
        pingRedis: () => redis.ping(), stats: delivery.stats,
        ...(poller ? { feeds: () => poller.status() } : {}),
        ...(role !== 'worker' ? { polling: () => ({ ok: updates !== undefined, detail: updates?.mode ?? 'starting' }) } : {}),
      }),
      metrics, logger: opsLog,
    });
    const address = await http.listen(config.http.port, config.http.host);
    opsLog.info({ host: address.address, port: address.port, ingestApi: Boolean(config.ingestToken) }, 'http listening');
    parts.push({ name: 'http', stop: () => http.close() });
    if (poller) {
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

    if (role !== 'worker') {
      // The bot's many small reads go through their own client that batches the commands
      // of one tick into one write (auto-pipelining); queues keep the plain client.
      const botRedis = openRedis(config.redis, { enableAutoPipelining: true });
      botRedis.on('error', (err) => logger.warn({ err: err.message }, 'redis (bot)'));
      parts.push({ name: 'redis (bot)', stop: async () => void (await botRedis.quit()) });
      const botStores = createRedisStores({
        redis: botRedis, prefix: config.redisPrefix, clock, defaultTimeZone: config.defaultTimeZone,
        limits: { maxTopicsPerChat: config.maxTopicsPerChat, storyWindowMs: config.storyWindowHours * 3600 * 1000 }, isCatalogTopic: (id) => builtinIds.has(id),
      });
      const bot = createBot(config.botToken, {
        logger: logger.child({ part: 'bot' }), clock, stores: botStores, catalog: catalogFromMatcher(matcher, topics),
        ingest: delivery.ingest, broadcasts: delivery.broadcasts, stats: delivery.stats,
        adminIds: config.adminIds, defaultTimeZone: config.defaultTimeZone, learnKeyword: (t) => matcher.add(t),
        feedDefaultIntervalSec: config.feedDefaultIntervalSec, progressBoard: createRedisProgressBoard(botRedis, botStores.keys),
        redis: { client: botRedis, keys: botStores.keys }, releaseHeld: delivery.releaseHeld,
        staleAfterHours: config.staleAfterHours, discoverFeeds: createFeedDiscovery({ parseFeed }),
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
