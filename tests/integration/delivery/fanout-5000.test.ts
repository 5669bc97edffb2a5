import { afterAll, beforeAll, expect, it } from 'vitest';
import { asChatId, asTopicId, type ArticleId } from '../../../src/core/ids.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-5000');
const CONCURRENCY = 20;
let fake: FakeTelegram;
let w: Wiring;

beforeAll(async () => {
  fake = await startFakeTelegram({ acceptAnyChat: true });
  w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 1000, concurrency: CONCURRENCY });
});

afterAll(async () => {
  await w?.close();
  await fake?.close();
  await deletePrefix(prefix);
});

it('alerts 5,000 followers of Armenia once each, retires the 3 % who blocked the bot, and obeys a 429 storm', async () => {
  const chats = await addFollowers(w.stores, 'country:AM', 30_000_001, 5000);
  const blocked = chats.filter((_, i) => i % 33 === 0);
  const active = chats.filter((_, i) => i % 33 !== 0);
  fake.faults.forbid(blocked, 'blocked');

  const outcome = await w.delivery.ingest.ingest(fixtureInput());
  expect(outcome).toMatchObject({ status: 'queued', recipients: 5000 });

  // Mid-way, Telegram answers one 429 with retry_after 1 s (and refuses everything during that second).
  await fake.waitFor(() => fake.sent().length >= 2000, 20_000);
  fake.faults.rateLimit({ retryAfter: 1, nextCalls: 1 });
  await fake.waitFor(() => fake.sentChats().size >= active.length, 40_000);
  await new Promise((r) => setTimeout(r, 500));

  const perChat = new Map<number, number>();
  for (const m of fake.sent()) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
  expect(active.every((c) => perChat.get(c) === 1)).toBe(true);
  expect(blocked.some((c) => perChat.has(c))).toBe(false);

  // The pause: from the first 429 on, no sender started a call for the retry_after second,
  // except the calls already in flight when the 429 came back (at most one per concurrent slot).
  const calls = fake.calls('sendMessage');
  const first429 = calls.find((c) => c.response?.ok === false && c.response.error_code === 429);
  expect(first429).toBeDefined();
  const t = first429?.at ?? 0;
  const duringPause = calls.filter((c) => c.at > t && c.at < t + 950);
  expect(duringPause.length).toBeLessThanOrEqual(CONCURRENCY);
  expect(calls.filter((c) => c.at > t + 250 && c.at < t + 950)).toHaveLength(0);
  console.log(`429 storm: ${fake.faults.stats.rateLimited} answered 429, ${fake.faults.stats.callsDuringRetryAfter} calls during retry_after (in flight)`);

  const states = await w.stores.chats.getMany(blocked.map(asChatId));
  expect(states.every((c) => c?.status.kind === 'inactive' && c.status.reason === 'blocked')).toBe(true);
  expect(await w.stores.subscriptions.isFollowing(asChatId(blocked[0] ?? 0), asTopicId('country:AM'))).toBe(true);

  // Counters settle just after the last send is recorded.
  const { createLedger } = await import('../../../src/delivery/ledger.js');
  const counters = await createLedger(w.redis, w.stores.keys).articleCounters(outcome.articleId as ArticleId);
  expect(counters).toEqual({ queued: 5000, sent: active.length, failed: 0, blocked: blocked.length });
}, 90_000);
