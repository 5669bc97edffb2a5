/**
 * Stopping the bot loses no reply: with 300 users' /help in flight and Telegram answering
 * 429 to some replies, a stop lets handlers in flight finish (auto-retry waits included)
 * and confirms only the updates handled; whatever it could not finish stays unconfirmed,
 * and the next start answers it. Once in process (a stop that cannot wait for everything)
 * and once as an operator runs it (`--role bot`, SIGTERM, a second start).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFromMatcher } from '../../../src/bot/catalog.js';
import { createBot } from '../../../src/bot/create-bot.js';
import { startPolling, type UpdatesSource } from '../../../src/bot/run-updates.js';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createLogger } from '../../../src/logger.js';
import { type FakeTelegram, startFakeTelegram } from '../../../src/fake-telegram/index.js';
import { deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { DEFAULT_ZONE, wire, type Wiring } from '../../integration/delivery/harness.js';

const USERS = 300;
const NAMES = ['سارة', 'يوسف', 'مريم', 'عمر', 'ليلى', 'خالد', 'نور', 'حسن', 'هدى', 'كريم'];
/** The /help answer (its text after entity parsing names the commands). */
const isHelp = (text: string | undefined): boolean => text?.includes('/mytopics') === true;

interface Crowd {
  readonly chatIds: readonly number[];
  readonly updates: readonly Update[];
}

/** USERS people, each sending /help once; the updates wait in the fake's getUpdates queue. */
function crowdSendsHelp(fake: FakeTelegram): Crowd {
  const chatIds: number[] = [];
  const updates: Update[] = [];
  for (let i = 0; i < USERS; i++) {
    const chat = fake.privateChat(fake.user({ firstName: `${NAMES[i % NAMES.length] ?? 'سارة'} ${i + 1}` }));
    chatIds.push(chat.id);
    updates.push(fake.sendUserMessage({ chat, text: '/help' }));
  }
  return { chatIds, updates };
}

const helpReplies = (fake: FakeTelegram, chatId: number): number =>
  fake.sent(chatId).filter((m) => m.method === 'sendMessage' && isHelp(m.text)).length;

/** Who had their reply and whose update a restart would get, at one moment. */
function snapshot(fake: FakeTelegram, crowd: Crowd): { replied: Set<number>; unconfirmed: Set<number> } {
  const pending = new Set(fake.unconfirmedUpdateIds());
  const replied = new Set<number>();
  const unconfirmed = new Set<number>();
  crowd.chatIds.forEach((chatId, i) => {
    if (helpReplies(fake, chatId) > 0) replied.add(chatId);
    if (pending.has(crowd.updates[i]?.update_id ?? -1)) unconfirmed.add(chatId);
  });
  return { replied, unconfirmed };
}

/** The first 100 replies were tried (one getUpdates batch) and some of them got 429. */
const stormUnderWay = (fake: FakeTelegram): boolean => fake.calls('sendMessage').length >= 100 && fake.faults.stats.rateLimited > 0;

const everyoneAnswered = (fake: FakeTelegram, crowd: Crowd): boolean => crowd.chatIds.every((id) => helpReplies(fake, id) > 0);

describe('stopping the bot in process, when some replies cannot finish in time', () => {
  let fake: FakeTelegram;
  let wiring: Wiring;
  const prefix = testPrefix('bot-shutdown');

  beforeAll(async () => {
    fake = await startFakeTelegram();
    wiring = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, workers: false });
  });
  afterAll(async () => {
    await wiring.close();
    await deletePrefix(prefix);
    await fake.close();
  });

  /** The real bot, long polling through startPolling; counts the updates it started and finished. */
  async function startBot(drainMs?: number): Promise<{ updates: UpdatesSource; started: () => number; finished: () => number }> {
    const bot = createBot(fake.token, {
      logger: createLogger(process.env.BOT_TEST_LOG ?? 'silent'), clock: () => new Date(), stores: wiring.stores,
      catalog: catalogFromMatcher(wiring.matcher, builtinTopics()), ingest: wiring.delivery.ingest,
      broadcasts: wiring.delivery.broadcasts, stats: wiring.delivery.stats, adminIds: [], defaultTimeZone: DEFAULT_ZONE,
      learnKeyword: (t) => wiring.matcher.add(t),
    }, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
    let started = 0;
    let finished = 0;
    const handleUpdate = bot.handleUpdate.bind(bot);
    bot.handleUpdate = async (update, envelope) => {
      started++;
      try {
        return await handleUpdate(update, envelope);
      } finally {
        finished++;
      }
    };
    const updates = await startPolling(bot, createLogger('silent'), { timeoutSec: 1, ...(drainMs === undefined ? {} : { drainMs }) });
    return { updates, started: () => started, finished: () => finished };
  }

  it('confirms only what it finished: the rest is answered after the restart, no user left without a reply', async () => {
    const crowd = crowdSendsHelp(fake);
    // The first replies get 429 and sleep 3 s in auto-retry: longer than this stop may wait.
    fake.faults.rateLimit({ retryAfter: 3, nextCalls: 60, enforceRetryAfter: false });
    const first = await startBot(300);
    await fake.waitFor(() => stormUnderWay(fake), 20_000);
    await first.updates.stop();
    const atStop = snapshot(fake, crowd);

    // Every user has a reply, or Telegram still holds their update for the next start.
    const lost = crowd.chatIds.filter((id) => !atStop.replied.has(id) && !atStop.unconfirmed.has(id));
    expect(lost).toEqual([]);
    // The 429-delayed ones could not finish within the bound, so they stayed unconfirmed.
    expect(atStop.unconfirmed.size).toBeGreaterThan(0);
    expect(atStop.replied.size).toBeGreaterThan(0);

    const second = await startBot();
    await fake.waitFor(() => everyoneAnswered(fake, crowd), 25_000);
    // The first bot's handlers left behind finish too (their reply was retried after its stop).
    await fake.waitFor(() => first.finished() === first.started(), 20_000);
    await second.updates.stop();

    // Only an update left unconfirmed can be answered twice (handled again after the restart).
    const twice = crowd.chatIds.filter((id) => helpReplies(fake, id) > 1);
    expect(twice.filter((id) => !atStop.unconfirmed.has(id))).toEqual([]);
    expect(fake.unconfirmedUpdateIds()).toEqual([]);
    console.info(JSON.stringify({
      test: 'in-process stop, drain 300 ms', updates: USERS, repliedBeforeStop: atStop.replied.size,
      unconfirmedAtStop: atStop.unconfirmed.size, answeredTwice: twice.length, lost: lost.length,
    }));
  });
});

describe('SIGTERM to a --role bot process with 300 /help in flight and 429s', () => {
  let fake: FakeTelegram;
  const prefix = `t-bot-shutdown-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    fake = await startFakeTelegram();
  });
  afterAll(async () => {
    await deletePrefix(prefix);
    await fake.close();
  });

  function startProcess(): { kill: () => void; exit: Promise<number | null>; output: () => string } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start', '--role', 'bot'], {
      env: {
        PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', REDIS_URL, REDIS_PREFIX: prefix, HTTP_PORT: '0',
        DOTENV_CONFIG_PATH: '/nonexistent', TELEGRAM_API_ROOT: fake.apiRoot,
        BOT_TOKEN: `${fake.botInfo.id}:AAE_a_real_looking_token_for_the_fake_api`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { kill: () => child.kill('SIGTERM'), exit, output: () => output };
  }

  it('finishes the replies in flight, auto-retry waits included, and a restart answers the rest exactly once', async () => {
    const crowd = crowdSendsHelp(fake);
    // The first replies get 429 (retry_after 1 s): auto-retry waits, well inside the shutdown bound.
    fake.faults.rateLimit({ retryAfter: 1, nextCalls: 60, enforceRetryAfter: false });
    const first = startProcess();
    await fake.waitFor(() => stormUnderWay(fake), 25_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n--- child output ---\n${first.output()}`);
    });
    first.kill();
    expect(await first.exit).toBe(0);
    const atStop = snapshot(fake, crowd);

    // The 429'd replies were among those in flight: all of them were retried and delivered.
    const limited = new Set(fake.calls('sendMessage').filter((c) => c.response?.ok === false).map((c) => Number(c.params.chat_id)));
    expect(limited.size).toBeGreaterThan(0);
    expect([...limited].filter((id) => !atStop.replied.has(id))).toEqual([]);
    // Each user is exactly one of: answered (and confirmed), or unconfirmed (and not answered yet).
    for (const id of crowd.chatIds) expect(atStop.replied.has(id) !== atStop.unconfirmed.has(id), `chat ${id}`).toBe(true);

    const second = startProcess();
    await fake.waitFor(() => everyoneAnswered(fake, crowd), 25_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n--- child output ---\n${second.output()}`);
    });
    second.kill();
    expect(await second.exit).toBe(0);
    expect(crowd.chatIds.filter((id) => helpReplies(fake, id) !== 1)).toEqual([]);
    expect(fake.unconfirmedUpdateIds()).toEqual([]);
    console.info(JSON.stringify({
      test: 'SIGTERM --role bot', updates: USERS, repliedBeforeStop: atStop.replied.size, rateLimitedChats: limited.size,
      unconfirmedAtStop: atStop.unconfirmed.size, answeredAfterRestart: atStop.unconfirmed.size, lost: 0,
    }));
  });
});
