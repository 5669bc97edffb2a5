/**
 * The send queue's limiter for a rate in messages per second.
 *
 * BullMQ's limiter admits `max` jobs per window of `duration` ms. Telegram (and the fake)
 * count messages in any sliding second, so the windows must never add up to more than
 * `rate` in any 1,000 ms, even when a send leaves up to JITTER_MS after its job was admitted:
 * ceil((1000 + JITTER_MS) / duration) · max ≤ rate. Each window also costs the
 * workers a few ms before the next one opens (limiter key expiry, then a fetch), so very
 * short windows lose throughput: ≈ 200 ms windows (max = rate / 5) keep that loss near
 * 2 % while the bursts stay small. Those few ms per window are also the margin that keeps
 * timing jitter from adding a sixth window to a sliding second.
 */
export interface Limiter {
  readonly max: number;
  readonly duration: number;
}

/**
 * How late a send may reach Telegram after its job was admitted (Redis round trips, a busy
 * event loop) without two windows' sends landing in one sliding second.
 */
export const JITTER_MS = 40;

/** The shortest window for `max` jobs that keeps every sliding second (+ jitter) within `rate`. */
function windowFor(max: number, rate: number): number {
  let duration = Math.ceil((1000 * max) / rate);
  while (Math.ceil((1000 + JITTER_MS) / duration) * max > rate) duration++;
  return duration;
}

export function limiterFor(ratePerSec: number): Limiter {
  if (!(ratePerSec >= 1)) throw new Error(`send rate must be ≥ 1 msg/s, got ${ratePerSec}`);
  const rate = Math.floor(ratePerSec);
  const candidates: Limiter[] = [];
  for (let max = 1; max <= rate; max++) {
    const duration = windowFor(max, rate);
    if (duration <= 2000) candidates.push({ max, duration });
  }
  // Within 2 % of the best admitted rate, the window nearest 200 ms (short bursts, little overhead).
  const admitted = (l: Limiter): number => l.max / l.duration;
  const best = Math.max(...candidates.map(admitted));
  const near = candidates.filter((l) => admitted(l) >= best * 0.98);
  const distance = (l: Limiter): number => Math.abs(l.duration - 200);
  return near.reduce((a, b) => (distance(b) < distance(a) || (distance(b) === distance(a) && admitted(b) > admitted(a)) ? b : a));
}

/**
 * Concurrent sends per process: enough to fill the rate when a call takes up to `latencyMs`.
 * Not more: a window's jobs then leave spread over it rather than in one burst. For slower
 * links add worker processes (or pass sendConcurrency).
 */
export function concurrencyFor(ratePerSec: number, latencyMs = 60): number {
  return Math.min(200, Math.max(4, Math.ceil((ratePerSec * latencyMs) / 1000)));
}
