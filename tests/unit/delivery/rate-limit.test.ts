import { describe, expect, it } from 'vitest';
import { limiterFor } from '../../../src/delivery/rate-limit.js';

describe('the send limiter', () => {
  for (const rate of [1, 25, 30, 100, 500, 1000]) {
    it(`never admits more than ${rate} sends in any sliding second and keeps ≥ 95 % of ${rate}/s`, () => {
      const { max, duration } = limiterFor(rate);
      expect(Math.ceil(1000 / duration) * max).toBeLessThanOrEqual(rate);
      expect((max * 1000) / duration / rate).toBeGreaterThanOrEqual(0.95);
    });
  }
});
