import type { AddressInfo } from 'node:net';
import type { Chat, Message, Update, UserFromGetMe } from 'grammy/types';
import type { BotEntry, FakeDeps, MethodHandler } from './context.js';
import { Faults } from './faults.js';
import type { ArrivalStats } from './rate-window.js';
import * as botMethods from './methods-bot.js';
import * as messageMethods from './methods-messages.js';
import { pollUntil, Recorder, type CallRecord, type SentMessage } from './recorder.js';
import { createFakeServer } from './server.js';
import { Directory } from './people.js';
import { Simulator, type MemberChange } from './simulate.js';
import { chatForId, FakeState, type MemberStatus } from './state.js';
import { UpdateQueue, type UpdateBody } from './updates.js';

export type { CallRecord, SentMessage } from './recorder.js';
export { driveUser, type DriverOptions, type UserDriver } from './driver.js';
export type { ButtonTap, ChatRef, MemberChange, UserMessage } from './simulate.js';
export type { GroupOptions, UserOptions } from './people.js';
export type { FaultStats, MethodFilter, RateLimitOptions, CountOptions, LatencyOptions } from './faults.js';
export type { ArrivalStats } from './rate-window.js';
export { SEND_METHODS } from './faults.js';
export type { ApiFailure, ApiReply, ForbidReason } from './replies.js';
export type { MemberStatus } from './state.js';
export { CALLBACK_DATA_LIMIT, CAPTION_LIMIT, TEXT_LIMIT } from './validate.js';

export interface FakeTelegramOptions {
  /** The main bot's identity (getMe). Default: id 7000000001, @tanbih_test_bot, first_name 'تنبيه'. */
  readonly bot?: Partial<UserFromGetMe>;
  /** Treat every chat id as existing (private if > 0, group/supergroup if < 0). Default false: unknown → 400 chat not found. */
  readonly acceptAnyChat?: boolean;
}

/** A running fake Bot API server; see README.md in this folder. */
export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

const TOKEN = /^(\d{1,15}):[A-Za-z0-9_-]{1,100}$/;

const newBot = (info: UserFromGetMe): BotEntry => ({ info, updates: new UpdateQueue(), commands: new Map(), webhook: undefined });

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}) {
  const botInfo: UserFromGetMe = {
    id: 7_000_000_001, is_bot: true, first_name: 'تنبيه', username: 'tanbih_test_bot', can_join_groups: true,
    can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false,
    has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false,
    supports_join_request_queries: false, ...options.bot,
  };
  const token = `${botInfo.id}:AAFakeTanbihToken_${botInfo.id}`;
  const state = new FakeState(options.acceptAnyChat ?? false);
  const deps: FakeDeps = { state, faults: new Faults(state), recorder: new Recorder(), callbackQueries: new Map() };
  const bots = new Map<number, BotEntry>();
  const main = newBot(botInfo);
  bots.set(botInfo.id, main);
  const botFor = (candidate: string): BotEntry | undefined => {
    const id = Number(TOKEN.exec(candidate)?.[1] ?? NaN);
    if (!Number.isSafeInteger(id)) return undefined;
    let bot = bots.get(id);
    if (!bot) bots.set(id, (bot = newBot({ ...botInfo, id, first_name: `Bot ${id}`, username: `bot${id}_bot` })));
    return bot;
  };
  const methods = new Map<string, MethodHandler>(
    Object.entries({ ...botMethods, ...messageMethods }).map(([name, fn]) => [name.toLowerCase(), fn]),
  );
  const server = createFakeServer({ ...deps, methods, botFor });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const people = new Directory(state);
  const sim = new Simulator(state, people, main, deps.callbackQueries);
  const { faults, recorder } = deps;

  return {
    /** For `new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo })`. */
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    faults: faults as Pick<Faults, 'rateLimit' | 'forbid' | 'migrate' | 'serverError' | 'dropConnections' | 'latency' | 'clear' | 'stats'>,

    // Users and chats
    user: people.user.bind(people),
    privateChat: people.privateChat.bind(people),
    group: people.group.bind(people),
    supergroup: people.supergroup.bind(people),
    channel: people.channel.bind(people),
    /** Registers bare chat ids (type from the sign) so the bot may send to them. */
    registerChats(ids: Iterable<number>): void {
      for (const id of ids) state.addChat(chatForId(id));
    },
    chat: (id: number): Chat | undefined => state.chats.get(id)?.chat,
    /** The message as it is now in the chat (after edits), or undefined if deleted or never sent. */
    message: (chatId: number, messageId: number): Message | undefined => state.chats.get(chatId)?.messages.get(messageId),
    sendUserMessage: sim.sendUserMessage.bind(sim),
    sendUserDocument: sim.sendUserDocument.bind(sim),
    /** A stored file's bytes (what a bot sent with sendDocument), by file_id. */
    file: (fileId: string): Uint8Array | undefined => state.files.get(fileId)?.bytes,
    tapButton: sim.tapButton.bind(sim),
    /** The bot's membership changes in a chat (my_chat_member update). */
    addMyChatMember: (change: MemberChange): Update => sim.changeMyMember(change),
    /** The user of a private chat blocks the bot: later sends answer 403. `notify` also sends the my_chat_member update. */
    blockBy(chatId: number, opts: { notify?: boolean } = {}): Update | undefined {
      if (opts.notify) return sim.changeMyMember({ chat: chatId, newStatus: 'kicked' });
      state.blocked.set(chatId, state.chats.get(chatId)?.chat.type === 'private' ? 'blocked' : 'kicked');
      return undefined;
    },
    unblock(chatId: number): void {
      state.blocked.delete(chatId);
    },
    setChatMember(chatId: number, userId: number, status: MemberStatus): void {
      state.setMemberStatus(chatId, userId, status);
    },
    /** Enqueues any update for the main bot (for kinds the helpers above do not build). */
    pushUpdate: (body: UpdateBody): Update => main.updates.push(body),
    pendingUpdates: (): number => main.updates.size,
    /** Ids of the main bot's updates no getUpdates offset has confirmed yet. */
    unconfirmedUpdateIds: (): number[] => main.updates.unconfirmedIds(),
    /** Commands set with setMyCommands for a scope and language (default scope, no language). */
    commands: (scope?: object, languageCode?: string) =>
      main.commands.get(JSON.stringify([scope ?? { type: 'default' }, languageCode ?? ''])) ?? [],
    webhook: () => main.webhook,

    // Recording
    calls: (method?: string): readonly CallRecord[] => recorder.calls(method),
    sent: (chatId?: number): readonly SentMessage[] => recorder.sent(chatId),
    sentChats: (): ReadonlySet<number> => recorder.sentChats(),
    /** Resolves with `probe`'s first truthy value (polled every 10 ms); rejects after `timeoutMs` describing the record. */
    waitFor: <T>(probe: (calls: readonly CallRecord[]) => T | undefined | null | false, timeoutMs = 5_000): Promise<T> =>
      pollUntil(() => probe(recorder.calls()), timeoutMs, () => recorder.describe()),
    describe: (): string => recorder.describe(),
    /**
     * Sends that reached the fake for a bot (default: the main bot) and the most that arrived
     * within any sliding second, counted at arrival after injected latency, 429s included.
     */
    sendRate: (botId: number = botInfo.id): ArrivalStats => faults.sendRate(botId),
    /** Forgets calls, sent messages, pending updates, faults and blocks; keeps users, chats and their messages. */
    reset(): void {
      recorder.clear();
      faults.clear();
      state.blocked.clear();
      for (const bot of bots.values()) bot.updates.clear();
      deps.callbackQueries.clear();
    },
    /** Stops the server, ending held getUpdates calls and open sockets. */
    async close(): Promise<void> {
      for (const bot of bots.values()) bot.updates.release();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
