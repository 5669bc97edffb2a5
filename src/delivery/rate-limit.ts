/**
 * The send queue's limiter for a rate in messages per second.
 *
 * BullMQ's limiter admits `max` jobs per window of `duration` ms, in bursts at the start of
 * each window. Telegram (and the fake) count messages in any sliding second, where bursts
 * of two neighbouring windows could add up beyond the limit. Windows of about 40 ms with
 * `max` ≈ rate/25 keep bursts small; `duration` is the smallest whole number of ms for which
 * every sliding second holds at most `rate` sends (ceil(1000/duration)·max ≤ rate) with a 1 %
 * margin for timing jitter. Achieved: ≈ 97.5 % of the rate.
 */
export interface Limiter {
  readonly max: number;
  readonly duration: number;
}

export function limiterFor(ratePerSec: number): Limiter {
  if (!(ratePerSec >= 1)) throw new Error(`send rate must be ≥ 1 msg/s, got ${ratePerSec}`);
  const max = Math.max(1, Math.floor(ratePerSec / 25));
  let duration = Math.ceil((1000 * max) / (ratePerSec * 0.99));
  while (Math.ceil(1000 / duration) * max > ratePerSec) duration++;
  return { max, duration };
}

/** Enough concurrent sends to fill the limit when each call takes `latencyMs` (plus Redis bookkeeping). */
export function concurrencyFor(ratePerSec: number, latencyMs = 100): number {
  return Math.min(200, Math.max(4, Math.ceil((ratePerSec * latencyMs) / 1000) * 2));
}
