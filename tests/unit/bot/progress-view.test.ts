import { describe, expect, it } from 'vitest';
import { toProgress } from '../../../src/bot/features/admin/progress-view.js';

const counters = { total: 1000, queued: 1000, sent: 240, failed: 5, blocked: 5 };

describe('what the progress message shows', () => {
  it('has a rate and a time left from the first reading, measured since the start', () => {
    const startedAt = 1_000_000;
    const p = toProgress(counters, startedAt + 10_000, { at: startedAt, done: 0 });
    expect(p).toMatchObject({ total: 1000, remaining: 750, rate: 25, secondsLeft: 30 });
  });

  it('measures later readings since the previous one', () => {
    const p = toProgress(counters, 20_000, { at: 10_000, done: 150 });
    expect(p.rate).toBe(10);
    expect(p.secondsLeft).toBe(75);
  });

  it('says nothing about time left before anything was sent', () => {
    const p = toProgress({ ...counters, sent: 0, failed: 0, blocked: 0 }, 5_000, { at: 0, done: 0 });
    expect(p.rate).toBe(0);
    expect(p.secondsLeft).toBeUndefined();
  });
});
