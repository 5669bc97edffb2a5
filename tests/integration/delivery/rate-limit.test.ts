/**
 * The real pacer against Redis, as two worker processes share it: two clients, one key. What is
 * checked is the slots it let sends go at (on Redis's clock), counted — never elapsed time.
 */
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createSendPacer, SLOT_WINDOW_MS, type SendPacer } from '../../../src/delivery/rate-limit.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('pacer');
const clients: Redis[] = [connectRedis(), connectRedis()];

afterAll(async () => {
  const [first, ...rest] = clients;
  for (const c of rest) c.disconnect();
  if (first) await releaseRedis(first, prefix);
});

/** `count` sends through `pacer`, at most `inFlight` waiting at once, as a send worker makes them. */
async function sendThrough(pacer: SendPacer, count: number, inFlight: number): Promise<number> {
  let started = 0;
  let released = 0;
  const lane = async (): Promise<void> => {
    while (started < count) {
      started++;
      await pacer.acquire();
      released++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return released;
}

/** The most slots within any span of `spanMs` (a half-open [s, s + spanMs), to the µs). */
function busiestSpan(slots: readonly number[], spanMs: number): number {
  const sorted = slots.toSorted((a, b) => a - b);
  let best = 0;
  let from = 0;
  sorted.forEach((s, i) => {
    while ((sorted[from] ?? s) <= s - spanMs + 0.001) from++;
    best = Math.max(best, i - from + 1);
  });
  return best;
}

describe('the shared send pacer', () => {
  it('lets two processes send a burst with never more than the rate in any span that one second of arrivals can come from', async () => {
    const rate = 1000;
    const key = `${prefix}:burst`;
    const slots: number[] = [];
    const pacers = clients.map((redis) => createSendPacer(redis, key, rate, { onRelease: (s) => slots.push(s) }));
    const released = await Promise.all(pacers.map((p) => sendThrough(p, 1_500, 100)));
    expect(released).toEqual([1_500, 1_500]);
    expect(slots).toHaveLength(3_000);
    expect(new Set(slots).size).toBe(3_000);
    expect(busiestSpan(slots, SLOT_WINDOW_MS)).toBeLessThanOrEqual(rate);
  });

  it('holds every process’s sends after a 429 until retry_after has passed', async () => {
    const key = `${prefix}:pause`;
    const [a, b] = clients;
    if (!a || !b) throw new Error('two clients');
    const slots: number[] = [];
    const first = createSendPacer(a, key, 50);
    const second = createSendPacer(b, key, 50, { onRelease: (s) => slots.push(s) });
    await first.acquire();
    const [seconds = 0, micros = 0] = (await a.time()).map(Number);
    await first.pause(300);
    await sendThrough(second, 3, 3);
    // On Redis's clock: the other process's sends all came after the pause, as Telegram asks.
    expect(Math.min(...slots)).toBeGreaterThanOrEqual(seconds * 1000 + micros / 1000 + 300);
  });
});
