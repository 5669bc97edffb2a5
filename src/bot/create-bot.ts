/**
 * Builds the grammY bot: per-update context, per-chat ordering, per-user rate limit, an
 * error boundary, then one Composer per feature. It does not start anything: src/app/bot-role.ts
 * runs it with the runner (long polling) or behind a webhook; tests drive it directly.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { Redis } from 'ioredis';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { BotContext } from './context.js';
import type { BotDeps } from './deps.js';
import { apologize } from './error-boundary.js';
import { createAdminFeatures, DIALOGUE_TTL_SEC } from './features/admin/index.js';
import { createUserFeatures } from './features/index.js';
import { adminIdHint } from './middleware/admin-hint.js';
import { createFileReader } from './telegram-files.js';
import { createStaleButtonsFeature } from './features/stale-buttons.js';
import { contextSetup } from './middleware/context-setup.js';
import { defaultRateLimit, rateLimit, redisTokens, sharedRateLimit, type RateLimitOptions } from './middleware/rate-limit.js';

export interface BotOptions {
  /** Bot API root: Telegram, a self-hosted telegram-bot-api, or the tests' fake. */
  readonly client?: { readonly apiRoot?: string };
  /** Skips getMe at start (tests, benches, fast restarts). */
  readonly botInfo?: UserFromGetMe;
  readonly rateLimit?: RateLimitOptions;
}

/** Updates of one chat are handled in order; different chats run concurrently. */
export const chatKey = (ctx: Context): string | undefined => ctx.chat?.id.toString() ?? ctx.from?.id.toString();

/** Interactive replies retry a 429 or a network error briefly (also inside dialogues, whose Api is their own). */
export const interactiveRetry = () => autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: false });

/** Admin dialogues in Redis, under the app's prefix, expiring with the draft. */
function dialoguesIn(redis: NonNullable<BotDeps['redis']>) {
  return {
    // The adapter is typed for a single Redis; it only GETs/SETs/DELs one key at a time, which a Cluster client does alike.
    dialogueStorage: new RedisAdapter<VersionedState<ConversationData>>({ instance: redis.client as Redis, ttl: DIALOGUE_TTL_SEC }),
    dialogueKey: (userId: number) => redis.keys.adminDialogues(userId),
  };
}

/** Creates the bot with every feature mounted. `token` is validated by config. */
export function createBot(token: string, deps: BotDeps, options: BotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(options.client?.apiRoot ? { client: { apiRoot: options.client.apiRoot } } : {}),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Interactive replies only: a user waiting for an answer may wait a few seconds, no
  // more. Alerts and broadcasts go through delivery's own sender and rate limit.
  bot.api.config.use(interactiveRetry());

  // Harmless outside the runner; with it, one chat's updates never overtake each other.
  bot.use(sequentialize(chatKey));
  bot.use(contextSetup({ logger: deps.logger, chats: deps.stores.chats }));
  bot.use(adminIdHint({ adminIds: deps.adminIds, logger: deps.logger }));

  const safe = bot.errorBoundary(apologize);
  const limit = options.rateLimit ?? defaultRateLimit;
  safe.use(deps.redis ? sharedRateLimit(redisTokens(deps.redis.client, deps.redis.keys, limit)) : rateLimit(limit));

  // ── ADMIN FEATURES (issue 6) ───────────────────────────────────────────────────
  // Mounted before the user features so that admin commands and admin callback data
  // are claimed first (and refused politely for anyone not in ADMIN_IDS).
  safe.use(createAdminFeatures({
    adminIds: deps.adminIds, clock: deps.clock, catalog: deps.catalog, defaultTimeZone: deps.defaultTimeZone,
    chats: deps.stores.chats, subscriptions: deps.stores.subscriptions, broadcastStore: deps.stores.broadcasts,
    feeds: deps.stores.feeds, ingest: deps.ingest, broadcasts: deps.broadcasts, stats: deps.stats,
    ...(deps.feedDefaultIntervalSec ? { feedDefaultIntervalSec: deps.feedDefaultIntervalSec } : {}),
    ...(deps.discoverFeeds ? { discoverFeeds: deps.discoverFeeds } : {}),
    readFile: createFileReader(bot.api, token, options.client?.apiRoot),
    ...(deps.staleAfterHours ? { staleAfterHours: deps.staleAfterHours } : {}),
    ...(deps.progressBoard ? { board: deps.progressBoard } : {}),
    ...(deps.progress ? { progress: deps.progress } : {}),
    logger: deps.logger, apiRetry: interactiveRetry(),
    ...(deps.redis ? dialoguesIn(deps.redis) : {}),
  }));
  // ── END ADMIN FEATURES ──────────────────────────────────────────────────────────

  safe.use(createUserFeatures(deps));
  // Must stay last: it answers every button the features above left unanswered.
  safe.use(createStaleButtonsFeature());

  bot.catch((error) => deps.logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'unhandled'));
  return bot;
}
