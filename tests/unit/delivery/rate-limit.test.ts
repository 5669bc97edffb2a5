import { describe, expect, it } from 'vitest';
import { JITTER_MS, limiterFor } from '../../../src/delivery/rate-limit.js';

describe('the send limiter', () => {
  for (const rate of [1, 7, 25, 30, 100, 333, 500, 999, 1000]) {
    it(`never admits more than ${rate} sends in any sliding second (with jitter) and keeps ≥ 95 % of ${rate}/s`, () => {
      const { max, duration } = limiterFor(rate);
      expect(Math.ceil((1000 + JITTER_MS) / duration) * max).toBeLessThanOrEqual(rate);
      expect((max * 1000) / duration / rate).toBeGreaterThanOrEqual(0.95);
    });
  }
});
