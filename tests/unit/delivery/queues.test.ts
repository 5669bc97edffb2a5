import { describe, expect, it } from 'vitest';
import { DEFAULT_JOB_LOCK_MS, workerLockOptions } from '../../../src/delivery/queues.js';

/** The latest a dead process's job is moved back to wait: its lock runs out, then the next stall check. */
const worstTakeoverMs = (o: ReturnType<typeof workerLockOptions>): number => o.lockDuration + o.stalledInterval;

describe('worker lock options', () => {
  it('take a crashed worker’s jobs over within 10 s by default', () => {
    expect(worstTakeoverMs(workerLockOptions(DEFAULT_JOB_LOCK_MS))).toBeLessThan(10_000);
  });

  it('let a live worker go 4 s without renewing before it loses a job (a blocked event loop, a Redis blip)', () => {
    const o = workerLockOptions(DEFAULT_JOB_LOCK_MS);
    expect(o.lockDuration - o.lockRenewTime).toBeGreaterThanOrEqual(4000);
  });

  for (const lockMs of [2000, 6000, 30_000, 300_000]) {
    it(`keep the stall check inside the lock, so one check after the lock runs out suffices (lock ${lockMs} ms)`, () => {
      const o = workerLockOptions(lockMs);
      expect(o.stalledInterval).toBeLessThan(o.lockDuration);
      expect(o.lockRenewTime).toBeLessThanOrEqual(o.lockDuration / 2);
      expect(worstTakeoverMs(o)).toBeLessThanOrEqual(1.34 * lockMs);
    });
  }
});
