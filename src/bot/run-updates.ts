/**
 * Takes updates from Telegram: long polling through @grammyjs/runner (the default), or
 * a webhook when WEBHOOK_URL is set (Telegram's secret-token header checked by grammY).
 * Either way `stop()` stops taking updates and resolves once handlers in flight are done.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Bot, webhookCallback } from 'grammy';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';

export interface UpdatesSource {
  readonly mode: 'polling' | 'webhook';
  /** Webhook mode: where the server listens (port 0 in settings picks a free one). */
  readonly address?: AddressInfo;
  stop(): Promise<void>;
}

export interface WebhookSettings {
  readonly url: string;
  readonly secret: string;
  readonly host: string;
  readonly port: number;
}

/** Update kinds the bot handles (Telegram sends my_chat_member only when asked for). */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export async function startPolling(bot: Bot<BotContext>, logger: Logger): Promise<UpdatesSource> {
  await bot.init();
  // A webhook left from another deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const handle: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info({ username: bot.botInfo.username }, 'polling for updates');
  return { mode: 'polling', stop: () => (handle.isRunning() ? handle.stop() : Promise.resolve()) };
}

export async function startWebhook(bot: Bot<BotContext>, settings: WebhookSettings, logger: Logger): Promise<UpdatesSource> {
  await bot.init();
  const path = new URL(settings.url).pathname;
  const handle = webhookCallback(bot, 'http', { secretToken: settings.secret, timeoutMilliseconds: 9_000 });
  const inFlight = new Set<Promise<unknown>>();
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    const p = handle(req, res).catch((e: unknown) => {
      logger.error({ err: e }, 'webhook update failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  await bot.api.setWebhook(settings.url, { secret_token: settings.secret, allowed_updates: [...ALLOWED_UPDATES] });
  const address = server.address() as AddressInfo;
  logger.info({ port: address.port, path }, 'webhook listening');
  return {
    mode: 'webhook',
    address,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.allSettled(inFlight);
    },
  };
}
