import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { Faults } from '../../../src/fake-telegram/faults.js';
import { ArrivalCounter } from '../../../src/fake-telegram/rate-window.js';
import { FakeState } from '../../../src/fake-telegram/state.js';
import { useFakeTelegram } from './setup.js';

const ALERT = '🔴 بوتين يوافق على سحب القوات الروسية من مناطق أرمينية';

const t = useFakeTelegram();

describe('fake Telegram: what the API sees of the send rate', () => {
  it('finds the busiest sliding second of arrivals, per bot', () => {
    const counter = new ArrivalCounter(1000);
    // Three sends inside (0, 1000], then one exactly a second after the first: the first has left the window.
    for (const at of [0, 400, 999, 1000, 1999.5, 2600]) counter.add(1, at);
    counter.add(2, 500);
    expect(counter.of(1)).toEqual({ arrivals: 6, maxPerWindow: 3 });
    expect(counter.of(2)).toEqual({ arrivals: 1, maxPerWindow: 1 });
    expect(counter.of(3)).toEqual({ arrivals: 0, maxPerWindow: 0 });
  });

  it('keeps up with a long run at 1,000 sends a second', () => {
    const counter = new ArrivalCounter(1000);
    // 60,000 sends one every millisecond, and 5 extra sends bunched at the end.
    for (let at = 0; at < 60_000; at++) counter.add(1, at);
    for (let k = 0; k < 5; k++) counter.add(1, 60_000);
    expect(counter.of(1)).toEqual({ arrivals: 60_005, maxPerWindow: 1_004 });
  });

  it('counts every send that reached it (refused ones too), and the 429s they provoked', async () => {
    const chats = Array.from({ length: 12 }, () => t.fake.privateChat(t.fake.user()).id);
    t.fake.faults.rateLimit({ aboveRatePerSec: 10, retryAfter: 1, enforceRetryAfter: false });
    await Promise.all(chats.map((id) => t.api.sendMessage(id, ALERT).catch(() => undefined)));
    await t.api.getMe();
    expect(t.fake.sendRate()).toEqual({ arrivals: 12, maxPerWindow: 12 });
    expect(t.fake.faults.stats.rateLimited).toBe(2);
    // Another bot token has its own count, as Telegram limits each bot on its own.
    const other = new Api('7000000002:AAOtherBot', { apiRoot: t.fake.apiRoot });
    await other.sendMessage(chats[0] ?? 0, ALERT).catch(() => undefined);
    expect(t.fake.sendRate(7_000_000_002)).toEqual({ arrivals: 1, maxPerWindow: 1 });
    t.fake.reset();
    expect(t.fake.sendRate()).toEqual({ arrivals: 0, maxPerWindow: 0 });
  });

  it('varies each send’s latency uniformly around its base', () => {
    const draws = [0, 0.5, 0.999_999];
    const faults = new Faults(new FakeState(false));
    faults.latency(40, { jitterMs: 30, random: () => draws.shift() ?? 0.5 });
    expect([faults.latencyFor('sendMessage'), faults.latencyFor('sendMessage'), faults.latencyFor('sendMessage')].map(Math.round))
      .toEqual([10, 40, 70]);
    expect(faults.latencyFor('getUpdates')).toBe(0);
    // Jitter wider than the base never makes a negative wait.
    faults.latency(10, { jitterMs: 30, random: () => 0 });
    expect(faults.latencyFor('sendMessage')).toBe(0);
  });
});
