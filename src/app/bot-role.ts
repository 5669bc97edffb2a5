/**
 * Roles `bot` and `all`: the grammY bot on the shared infrastructure, taking updates by
 * long polling or, with WEBHOOK_URL, on the process's HTTP server. Built in two steps so the
 * webhook route can be mounted before the server listens and updates flow only after.
 */
import { catalogFromMatcher } from '../bot/catalog.js';
import { registerCommands } from '../bot/commands.js';
import { createBot } from '../bot/create-bot.js';
import type { ProgressWatcher } from '../bot/features/admin/progress-view.js';
import { createWebhook, startPolling, type UpdatesSource } from '../bot/run-updates.js';
import { parseFeed } from '../core/parse/feed.js';
import type { CheckResult } from '../http/health.js';
import type { WebhookRoute } from '../http/server.js';
import { createFeedDiscovery } from '../sources/discover-feeds.js';
import type { Infra } from './infra.js';
import type { Lifecycle } from './lifecycle.js';

export interface BotRole {
  /** Mount on the HTTP server (webhook mode only). */
  readonly webhook?: WebhookRoute;
  /** Starts taking updates (recorded in the lifecycle: stopped first). */
  startUpdates(life: Lifecycle): Promise<void>;
  /** For /healthz. */
  polling(): CheckResult;
}

/** Builds the bot and checks its token (getMe). `progress`: this process's reporter, in role `all`. */
export async function createBotRole(infra: Infra, progress?: ProgressWatcher): Promise<BotRole> {
  const { config, logger, stores, matcher, delivery } = infra;
  const bot = createBot(config.botToken, {
    logger: logger.child({ part: 'bot' }), clock: infra.clock, stores, catalog: catalogFromMatcher(matcher, infra.topics),
    ingest: delivery.ingest, broadcasts: delivery.broadcasts, stats: delivery.stats,
    adminIds: config.adminIds, defaultTimeZone: config.defaultTimeZone, learnKeyword: (t) => matcher.add(t),
    feedDefaultIntervalSec: config.feedDefaultIntervalSec, progressBoard: infra.progressBoard,
    ...(progress ? { progress } : {}),
    redis: { client: infra.redis.stores, keys: infra.keys }, releaseHeld: delivery.releaseHeld,
    staleAfterHours: config.staleAfterHours, discoverFeeds: createFeedDiscovery({ parseFeed }),
  }, { client: { apiRoot: config.telegramApiRoot } });
  await bot.init();
  await registerCommands(bot.api, config.adminIds).catch((err: unknown) => logger.warn({ err }, 'setMyCommands failed'));

  const webhook = config.webhook ? createWebhook(bot, config.webhook, logger) : undefined;
  let updates: UpdatesSource | undefined;
  return {
    ...(webhook ? { webhook: webhook.route } : {}),
    async startUpdates(life) {
      updates = webhook ? await webhook.start() : await startPolling(bot, logger);
      const started = updates;
      life.started('updates', () => started.stop());
    },
    polling: () => ({ ok: updates !== undefined, detail: updates?.mode ?? 'starting' }),
  };
}
