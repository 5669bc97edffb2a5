/**
 * The admin's end-to-end rig: the fake Bot API, real Redis under the file's prefix, real
 * stores and delivery (tests/integration/delivery/harness.ts), the real bot with one admin
 * in ADMIN_IDS taking updates through the runner, and the broadcast progress reporter as
 * src/app runs it (admin dialogues and the progress board in Redis). `restart()` stops the bot,
 * reporter and delivery, and builds them again
 * on the same Redis, as a redeploy would.
 */
import { parseFeed } from '../../../src/core/parse/feed.js';
import { createFeedDiscovery } from '../../../src/sources/discover-feeds.js';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api, type Bot } from 'grammy';
import type { Chat, InlineKeyboardButton, Message, MessageEntity, User } from 'grammy/types';
import { catalogFromMatcher } from '../../../src/bot/catalog.js';
import type { BotContext } from '../../../src/bot/context.js';
import { createBot } from '../../../src/bot/create-bot.js';
import { progressView } from '../../../src/bot/features/admin/index.js';
import { createBroadcastProgress, type BroadcastProgress } from '../../../src/jobs/broadcast-progress.js';
import { createRedisProgressBoard } from '../../../src/store/redis-progress-board.js';
import { ALLOWED_UPDATES } from '../../../src/bot/run-updates.js';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createLogger } from '../../../src/logger.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../../support/redis.js';
import { DEFAULT_ZONE, wire, type Wiring } from '../../integration/delivery/harness.js';

export interface AdminRig {
  readonly fake: FakeTelegram;
  readonly prefix: string;
  readonly admin: User;
  readonly adminChat: Chat;
  wiring(): Wiring;
  /** Sends a message as `from` (default the admin) and waits until the bot has handled it. */
  say(text: string, options?: { chat?: Chat; from?: User; entities?: MessageEntity[]; extra?: Partial<Message> }): Promise<void>;
  /** The admin sends a file (with an optional caption), and waits until handled. */
  sendFile(fileName: string, bytes: Uint8Array, caption?: string): Promise<void>;
  /** Taps the button whose label contains `label` on a message, and waits until handled. */
  tap(messageId: number, label: string, options?: { chat?: Chat; from?: User }): Promise<void>;
  /** Messages (sendMessage/copyMessage) the bot sent to a chat, as they read now (after edits). */
  texts(chat?: Chat): { messageId: number; text: string; method: string }[];
  buttons(messageId: number, chat?: Chat): InlineKeyboardButton.CallbackButton[];
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface AdminRigOptions {
  /** Global send rate (msg/s). */
  readonly rate?: number;
  readonly concurrency?: number;
  /** How often the progress reporter edits and looks for broadcasts (ms). Default 300. */
  readonly progressIntervalMs?: number;
}

const clock = (): Date => new Date();

export async function startAdminRig(name: string, options: AdminRigOptions = {}): Promise<AdminRig> {
  const fake = await startFakeTelegram({ acceptAnyChat: true });
  const prefix = testPrefix(name);
  const admin = fake.user({ firstName: 'مشرف' });
  const adminChat = fake.privateChat(admin);
  const logger = createLogger('silent');
  const handled = new Set<number>();
  let wiring: Wiring;
  let bot: Bot<BotContext>;
  let runner: RunnerHandle;
  let progress: BroadcastProgress;

  async function boot(): Promise<void> {
    wiring = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: options.rate ?? 1000, concurrency: options.concurrency ?? 20, lockDurationMs: 2000 });
    bot = createBot(fake.token, {
      logger, clock, stores: wiring.stores, catalog: catalogFromMatcher(wiring.matcher, builtinTopics()),
      ingest: wiring.delivery.ingest, broadcasts: wiring.delivery.broadcasts, stats: wiring.delivery.stats,
      adminIds: [admin.id], defaultTimeZone: DEFAULT_ZONE, redis: { client: wiring.redis, keys: wiring.stores.keys }, progressBoard: createRedisProgressBoard(wiring.redis, wiring.stores.keys),
      discoverFeeds: createFeedDiscovery({ parseFeed }),
    }, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo, rateLimit: { capacity: 1000, refillPerSec: 1000 } });
    const handleUpdate = bot.handleUpdate.bind(bot);
    bot.handleUpdate = async (update, envelope) => {
      try {
        return await handleUpdate(update, envelope);
      } finally {
        handled.add(update.update_id);
      }
    };
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: 1 } } });
    progress = createBroadcastProgress({
      view: progressView, api: new Api(fake.token, { apiRoot: fake.apiRoot }), broadcasts: wiring.stores.broadcasts, chats: wiring.stores.chats,
      clock, logger, intervalMs: options.progressIntervalMs ?? 300, board: createRedisProgressBoard(wiring.redis, wiring.stores.keys),
    });
    progress.start();
  }

  async function shutdown(): Promise<void> {
    if (runner.isRunning()) await runner.stop();
    await progress.stop();
    await wiring.close();
  }

  await boot();
  const settled = (id: number) => fake.waitFor(() => handled.has(id), 10_000);
  const buttons = (messageId: number, chat: Chat = adminChat) =>
    (fake.message(chat.id, messageId)?.reply_markup?.inline_keyboard.flat() ?? [])
      .filter((b): b is InlineKeyboardButton.CallbackButton => 'callback_data' in b);

  return {
    fake, prefix, admin, adminChat,
    wiring: () => wiring,
    async say(text, o = {}) {
      const chat = o.chat ?? adminChat;
      const update = fake.sendUserMessage({
        chat: chat as never, text, ...(o.from ? { from: o.from } : {}), ...(o.entities ? { entities: o.entities } : {}), ...(o.extra ? { extra: o.extra } : {}),
      });
      await settled(update.update_id);
    },
    async sendFile(fileName, bytes, caption) {
      const update = fake.sendUserDocument({ chat: adminChat as never, name: fileName, bytes, ...(caption ? { caption } : {}) });
      await settled(update.update_id);
    },
    async tap(messageId, label, o = {}) {
      const chat = o.chat ?? adminChat;
      const button = buttons(messageId, chat).find((b) => b.text.includes(label));
      if (!button) throw new Error(`no button "${label}" on ${messageId}: ${buttons(messageId, chat).map((b) => b.text).join(' | ')}`);
      const update = fake.tapButton({ chat: chat as never, messageId, data: button.callback_data, ...(o.from ? { from: o.from } : {}) });
      await settled(update.update_id);
    },
    texts(chat = adminChat) {
      return fake.sent(chat.id)
        .filter((s) => s.method === 'sendMessage' || s.method === 'copyMessage')
        .map((s) => ({ messageId: s.messageId, method: s.method, text: fake.message(chat.id, s.messageId)?.text ?? s.text ?? '' }));
    },
    buttons,
    async restart() {
      await shutdown();
      await boot();
    },
    async close() {
      await shutdown();
      const redis = connectRedis();
      await deleteKeys(redis, prefix);
      await redis.quit();
      await fake.close();
    },
  };
}

/** Registers `count` private chats from `first` (they exist at the fake: acceptAnyChat). */
export async function registerChats(w: Wiring, first: number, count: number, follow?: string): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => first + i);
  for (let i = 0; i < ids.length; i += 500) {
    await Promise.all(ids.slice(i, i + 500).map(async (id) => {
      const chat = await w.stores.chats.register({ id: id as never, type: 'private', language: 'ar' });
      if (follow) await w.stores.subscriptions.follow(chat.id, follow as never);
    }));
  }
  return ids;
}
