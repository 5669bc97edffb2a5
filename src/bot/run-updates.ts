/**
 * Takes updates from Telegram: long polling through @grammyjs/runner (the default), or
 * a webhook when WEBHOOK_URL is set (Telegram's secret-token header checked by grammY),
 * served on the process's HTTP server.
 * Either way `stop()` stops taking updates and resolves once handlers in flight are done;
 * in polling mode an update is confirmed to Telegram only once handled (polling-runner.ts).
 */
import { type Bot, webhookCallback } from 'grammy';
import type { WebhookRoute } from '../http/server.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';
import { CONFIRM_MS, startPollingRunner } from './polling-runner.js';

export interface UpdatesSource {
  readonly mode: 'polling' | 'webhook';
  stop(): Promise<void>;
}

export interface WebhookSettings {
  readonly url: string;
  readonly secret: string;
}

/** Update kinds the bot handles (Telegram sends my_chat_member only when asked for). */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/**
 * How long a stop lets handlers in flight finish. Within the 15 s shutdown bound of
 * src/cli/start.ts: an interactive reply's auto-retry sleeps at most 2 × 5 s
 * (create-bot.ts), confirming takes at most CONFIRM_MS, the rest of the app stops in what is left.
 */
export const DRAIN_MS = 11_000;

export interface PollingSettings {
  /** Overrides DRAIN_MS (tests: a stop that cannot wait for everything). */
  readonly drainMs?: number;
  /** Long-poll timeout of getUpdates in seconds (default 30). */
  readonly timeoutSec?: number;
}

export async function startPolling(bot: Bot<BotContext>, logger: Logger, settings: PollingSettings = {}): Promise<UpdatesSource> {
  await bot.init();
  // A webhook left from another deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const runner = startPollingRunner(bot, { allowedUpdates: ALLOWED_UPDATES, timeoutSec: settings.timeoutSec ?? 30 }, logger);
  logger.info({ username: bot.botInfo.username }, 'polling for updates');
  const drainMs = settings.drainMs ?? DRAIN_MS;
  return {
    mode: 'polling',
    stop: async () => {
      const { offset, unfinished } = await runner.stop(drainMs);
      if (unfinished > 0) logger.warn({ unfinished, offset, drainMs, confirmMs: CONFIRM_MS }, 'stopped with updates unfinished; left unconfirmed for the next start');
      else logger.info({ offset }, 'stopped polling; every update fetched was handled and confirmed');
    },
  };
}

/**
 * Webhook mode on the process's one HTTP server (src/http/server.ts): `route` is mounted
 * there before it listens; `start()` registers the URL with Telegram. Stopping refuses new
 * updates with 503 (Telegram delivers them again later) and waits for those in flight.
 */
export interface Webhook {
  readonly route: WebhookRoute;
  start(): Promise<UpdatesSource>;
}

export function createWebhook(bot: Bot<BotContext>, settings: WebhookSettings, logger: Logger): Webhook {
  const path = new URL(settings.url).pathname;
  const handle = webhookCallback(bot, 'http', { secretToken: settings.secret, timeoutMilliseconds: 9_000 });
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  const route: WebhookRoute = {
    path,
    async handle(req, res) {
      if (stopped) {
        res.writeHead(503, { 'retry-after': '5' }).end();
        return;
      }
      const p = handle(req, res).catch((e: unknown) => {
        logger.error({ err: e }, 'webhook update failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
      inFlight.add(p);
      try {
        await p;
      } finally {
        inFlight.delete(p);
      }
    },
  };
  return {
    route,
    async start() {
      await bot.init();
      await bot.api.setWebhook(settings.url, { secret_token: settings.secret, allowed_updates: [...ALLOWED_UPDATES] });
      logger.info({ path }, 'webhook registered; updates arrive on the HTTP server');
      return {
        mode: 'webhook',
        stop: async () => {
          stopped = true;
          await Promise.allSettled(inFlight);
        },
      };
    },
  };
}
