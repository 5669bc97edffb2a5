import { describe, expect, it } from 'vitest';
import { LATE_MS, LEAVE_MS, NETWORK_JITTER_MS, SLOT_WINDOW_MS, slotAction, slotIntervalMs } from '../../../src/delivery/rate-limit.js';
import { createRedisClock } from '../../../src/delivery/redis-clock.js';

/** The most of these arrival times inside any sliding second (t − 1000, t], to the µs. */
function busiestSecond(arrivals: readonly number[]): number {
  const sorted = arrivals.toSorted((a, b) => a - b);
  let best = 0;
  let from = 0;
  sorted.forEach((t, i) => {
    while ((sorted[from] ?? t) <= t - 1000 + 0.001) from++;
    best = Math.max(best, i - from + 1);
  });
  return best;
}

/** A small seeded generator, so the "random" flights are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('the send pacer’s slot spacing', () => {
  // A send of slot s leaves within [s, s + LATE_MS + LEAVE_MS] and travels its usual latency ± NETWORK_JITTER_MS.
  const slowest = NETWORK_JITTER_MS + LATE_MS + LEAVE_MS;
  const quickest = -NETWORK_JITTER_MS;

  for (const rate of [1, 7, 25, 30, 100, 333, 999, 1000]) {
    it(`puts at most ${rate} arrivals in any second at ${rate}/s, even when early sends are slow and later ones quick`, () => {
      const interval = slotIntervalMs(rate);
      const slots = Array.from({ length: 3 * rate + 1 }, (_, k) => k * interval);
      // The worst case: every send before some slot as slow as it may be, every one after as quick.
      for (const cut of [rate, Math.floor(1.5 * rate)]) {
        expect(busiestSecond(slots.map((s, k) => s + (k < cut ? slowest : quickest)))).toBeLessThanOrEqual(rate);
      }
      const random = seeded(rate);
      for (let run = 0; run < 5; run++) {
        expect(busiestSecond(slots.map((s) => s + quickest + random() * (slowest - quickest)))).toBeLessThanOrEqual(rate);
      }
    });
  }

  it('keeps 0.925 of the rate: the price of ±30 ms, as no spacing can keep more than 1000 / 1060 of it', () => {
    for (const rate of [1, 25, 1000]) expect(1000 / slotIntervalMs(rate) / rate).toBeCloseTo(1000 / SLOT_WINDOW_MS, 4);
    expect(1000 / SLOT_WINDOW_MS).toBeGreaterThan(0.925);
    expect(1000 / SLOT_WINDOW_MS).toBeLessThan(1000 / (1000 + 2 * NETWORK_JITTER_MS));
  });

  it('refuses a rate under 1 message a second', () => {
    expect(() => slotIntervalMs(0)).toThrow(/send rate/);
  });
});

describe('releasing a send at its slot', () => {
  const slot = { earliest: 1000, latest: 1002 };

  it('waits on when a timer fires before the slot has surely come', () => {
    expect(slotAction(999, slot)).toEqual({ kind: 'wait', ms: 3 });
    expect(slotAction(1001, slot)).toEqual({ kind: 'wait', ms: 1 });
  });

  it(`releases from the slot until ${LATE_MS} ms after it`, () => {
    expect(slotAction(1002, slot)).toEqual({ kind: 'release' });
    expect(slotAction(1000 + LATE_MS, slot)).toEqual({ kind: 'release' });
  });

  it('asks for a new slot when reached late, rather than crowd a later second', () => {
    expect(slotAction(1000 + LATE_MS + 0.5, slot)).toEqual({ kind: 'late' });
  });

  it('never releases a slot whose place on this clock is known less precisely than the lateness allowed', () => {
    const blurred = { earliest: 1000, latest: 1000 + LATE_MS + 1 };
    expect(slotAction(blurred.latest, blurred)).toEqual({ kind: 'late' });
  });
});

describe('Redis time on this process’s clock', () => {
  it('narrows to the quickest round trip, and a slow reply does not blur it', () => {
    const clock = createRedisClock();
    // Redis read 1100 somewhere between 100 and 130 here: it runs 970–1000 ms ahead.
    clock.sample(100, 130, 1100);
    expect(clock.toLocal(2000)).toEqual({ earliest: 1000, latest: 1030 });
    clock.sample(200, 201, 1200.5);
    expect(clock.toLocal(2000)).toEqual({ earliest: 1000, latest: 1000.5 });
    // A reply read 40 ms late (a busy event loop) says less, and changes nothing.
    clock.sample(300, 340, 1300.2);
    expect(clock.toLocal(2000)).toEqual({ earliest: 1000, latest: 1000.5 });
  });

  it('forgets old round trips, and starts again when a clock stepped', () => {
    const clock = createRedisClock(5_000);
    clock.sample(0, 1, 1000);
    clock.sample(6_000, 6_010, 7_000);
    expect(clock.toLocal(8_000)).toEqual({ earliest: 7_000, latest: 7_010 });
    // The local clock jumped 500 ms ahead: no offset fits both brackets, the newest one wins.
    clock.sample(6_600, 6_602, 7_100);
    expect(clock.toLocal(8_000)).toEqual({ earliest: 7_500, latest: 7_502 });
  });
});
