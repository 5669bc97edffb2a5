/**
 * One bot end to end for a test file: the fake Telegram Bot API over HTTP, real Redis
 * under the file's own prefix, the real stores, matcher and delivery (high send rate),
 * and the real bot taking updates as the app does (startPolling: @grammyjs/runner with an
 * offset that confirms only handled updates). Plus the few moves a user
 * makes (send text, find and tap a button) so tests read as stories.
 */
import type { Bot } from 'grammy';
import type { Chat, InlineKeyboardButton, Message, User } from 'grammy/types';
import { builtinTopics } from '../../src/core/catalog.js';
import { catalogFromMatcher } from '../../src/bot/catalog.js';
import type { BotContext } from '../../src/bot/context.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { RateLimitOptions } from '../../src/bot/middleware/rate-limit.js';
import { startPolling } from '../../src/bot/run-updates.js';
import { createLogger } from '../../src/logger.js';
import { type FakeTelegram, startFakeTelegram } from '../../src/fake-telegram/index.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from './redis.js';
import { DEFAULT_ZONE, wire, type Wiring } from '../integration/delivery/harness.js';

export interface BotHarness {
  readonly fake: FakeTelegram;
  readonly bot: Bot<BotContext>;
  readonly wiring: Wiring;
  readonly prefix: string;
  /** Sets the shared clock (bot and delivery) to a fixed epoch ms; 0 returns to real time. */
  setNow(ms: number): void;
  /** A user's message; resolves, once the bot has handled it, with the messages it sent to that chat meanwhile. */
  say(chat: Chat, text: string, from?: User, extra?: Partial<Message>): Promise<SentText[]>;
  /** Taps the button whose label contains `label`; resolves once the bot has handled the tap. */
  tap(chat: Chat, messageId: number, label: string, from?: User): Promise<void>;
  /** Any update pushed to the bot (my_chat_member, …), awaited until handled. */
  handled(updateId: number): Promise<unknown>;
  /** The current buttons of a message. */
  buttons(chat: Chat, messageId: number): InlineKeyboardButton.CallbackButton[];
  /** Messages the bot sent (not edits) to a chat so far. */
  sentTo(chat: Chat | number): SentText[];
  close(): Promise<void>;
}

export interface SentText {
  readonly messageId: number;
  readonly text: string;
  readonly html?: string;
  readonly message: Message | undefined;
}

export interface BotHarnessOptions {
  readonly rateLimit?: RateLimitOptions;
  /** Default: the wiring's (20 years: the canonical fixture is treated as fresh). */
  readonly staleAfterHours?: number;
}

export async function startBotHarness(name: string, options: BotHarnessOptions = {}): Promise<BotHarness> {
  const fake = await startFakeTelegram();
  const prefix = testPrefix(name);
  const wiring = await wire({
    redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 1000,
    ...(options.staleAfterHours ? { staleAfterHours: options.staleAfterHours } : {}),
  });
  const clock = (): Date => new Date(wiring.clock.now !== 0 ? wiring.clock.now : Date.now());
  const logger = createLogger(process.env.BOT_TEST_LOG ?? 'silent');
  const bot = createBot(fake.token, {
    logger, clock, stores: wiring.stores, catalog: catalogFromMatcher(wiring.matcher, builtinTopics()),
    ingest: wiring.delivery.ingest, broadcasts: wiring.delivery.broadcasts, stats: wiring.delivery.stats,
    adminIds: [], defaultTimeZone: DEFAULT_ZONE, learnKeyword: (t) => wiring.matcher.add(t),
    redis: { client: wiring.redis, keys: wiring.stores.keys }, releaseHeld: wiring.delivery.releaseHeld,
  }, {
    client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo,
    // Stories tap through many pages quickly; the limit itself is tested with a tight one.
    // On the harness clock, so a test that fixes the time sees no refill during a burst.
    rateLimit: { now: () => clock().getTime(), ...(options.rateLimit ?? { capacity: 200, refillPerSec: 10 }) },
  });
  // Know when each update has been fully handled (runner calls bot.handleUpdate per update).
  const handled = new Set<number>();
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookReplyEnvelope) => {
    try {
      return await handleUpdate(update, webhookReplyEnvelope);
    } finally {
      handled.add(update.update_id);
    }
  };
  const settled = (updateId: number) => fake.waitFor(() => handled.has(updateId));
  const updates = await startPolling(bot, logger, { timeoutSec: 5 });

  const sentTo = (chat: Chat | number): SentText[] =>
    fake.sent(typeof chat === 'number' ? chat : chat.id)
      .filter((s) => s.method === 'sendMessage' || s.method === 'copyMessage')
      .map((s) => ({
        messageId: s.messageId, text: s.text ?? '', message: s.message,
        ...(typeof s.params.text === 'string' ? { html: s.params.text } : {}),
      }));

  const buttons = (chat: Chat, messageId: number) =>
    (fake.message(chat.id, messageId)?.reply_markup?.inline_keyboard.flat() ?? [])
      .filter((b): b is InlineKeyboardButton.CallbackButton => 'callback_data' in b);

  return {
    fake, bot, wiring, prefix,
    setNow: (ms) => void (wiring.clock.now = ms),
    async say(chat, text, from, extra) {
      const before = sentTo(chat).length;
      const update = fake.sendUserMessage({ chat, text, ...(from ? { from } : {}), ...(extra ? { extra } : {}) });
      await settled(update.update_id);
      return sentTo(chat).slice(before);
    },
    async tap(chat, messageId, label, from) {
      const button = buttons(chat, messageId).find((b) => b.text.includes(label));
      if (!button) throw new Error(`no button "${label}" on message ${messageId}: ${buttons(chat, messageId).map((b) => b.text).join(' | ')}`);
      const update = fake.tapButton({ chat, messageId, data: button.callback_data, ...(from ? { from } : {}) });
      await settled(update.update_id);
    },
    handled: settled,
    buttons,
    sentTo,
    async close() {
      await updates.stop();
      await wiring.close();
      const redis = connectRedis();
      await deleteKeys(redis, prefix);
      await redis.quit();
      await fake.close();
    },
  };
}
