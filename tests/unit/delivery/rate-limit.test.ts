import { describe, expect, it } from 'vitest';
import { JITTER_MS, slotIntervalMs } from '../../../src/delivery/rate-limit.js';

describe('the send pacer’s slot spacing', () => {
  for (const rate of [1, 7, 25, 30, 100, 333, 500, 999, 1000]) {
    it(`never puts more than ${rate} sends in any sliding second (with jitter) and keeps ≥ 95 % of ${rate}/s`, () => {
      const interval = slotIntervalMs(rate);
      // Sends that may land in one second were given slots within 1000 + JITTER_MS ms of each other.
      expect(Math.ceil((1000 + JITTER_MS) / interval - 1e-9)).toBeLessThanOrEqual(rate);
      expect(1000 / interval / rate).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('refuses a rate under 1 message a second', () => {
    expect(() => slotIntervalMs(0)).toThrow(/send rate/);
  });
});
