/**
 * The global send rate limit, shared by every worker process through one Redis hash.
 *
 * Design: a smooth slot scheduler (GCRA-like) in a Lua script, not BullMQ's window limiter.
 * Each process asks for a few slots at a time; the script hands out consecutive slots spaced
 * `intervalMs` apart from the shared "next free slot" time (read with Redis's TIME, so process
 * clocks do not matter) and never further than HORIZON_MS ahead. Telegram (and the fake) count
 * sends in any sliding second; a send may reach it up to JITTER_MS later than its slot
 * relative to another, so the spacing is (1000 + JITTER_MS) / rate: any 1,000 ms then holds at
 * most `rate` sends even with that jitter, at ≈ 97 % of the rate.
 *
 * 429: `pause(ms)` moves the shared next slot past `retry_after` for every process; this process
 * also stops its already-scheduled sends at once (they ask for a new slot), and the others learn
 * of the pause with their next batch (≤ HORIZON_MS later).
 */
import type { Redis } from 'ioredis';

/** How much later one send may reach Telegram than another, relative to their slots. */
export const JITTER_MS = 30;
/** Slots are never handed out further ahead than this (bounds what a 429 or a crash can strand). */
export const HORIZON_MS = 100;

/** Spacing between two sends for `ratePerSec`, jitter included. */
export function slotIntervalMs(ratePerSec: number): number {
  if (!(ratePerSec >= 1)) throw new Error(`send rate must be ≥ 1 msg/s, got ${ratePerSec}`);
  return (1000 + JITTER_MS) / Math.floor(ratePerSec);
}

/**
 * Concurrent sends per process: enough to fill the rate when a call takes up to `latencyMs`;
 * also the most a crash can leave in flight (possible duplicates).
 */
export function concurrencyFor(ratePerSec: number, latencyMs = 100): number {
  return Math.min(200, Math.max(4, Math.ceil((ratePerSec * latencyMs) / 1000)));
}

// KEYS[1] limiter hash {t: next free slot, p: paused until} (ms, Redis time); ARGV: n, interval, horizon.
// Returns {granted, ms until the first slot (or until worth asking again), ms of pause left}.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local nxt = tonumber(redis.call('HGET', KEYS[1], 't') or '0')
local paused = tonumber(redis.call('HGET', KEYS[1], 'p') or '0')
local interval = tonumber(ARGV[2])
local horizon = tonumber(ARGV[3])
local start = math.max(nxt, now, paused)
if start - now > horizon then
  return {0, tostring(start - now - horizon), tostring(paused - now)}
end
local n = math.min(tonumber(ARGV[1]), math.floor((now + horizon - start) / interval) + 1)
redis.call('HSET', KEYS[1], 't', tostring(start + n * interval))
redis.call('PEXPIRE', KEYS[1], 600000)
return {n, tostring(start - now), tostring(paused - now)}
`;

// KEYS[1] limiter hash; ARGV[1] pause ms. Every process's next slot is after the pause.
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local untilMs = now + tonumber(ARGV[1])
local paused = tonumber(redis.call('HGET', KEYS[1], 'p') or '0')
if untilMs > paused then redis.call('HSET', KEYS[1], 'p', tostring(untilMs)) end
redis.call('PEXPIRE', KEYS[1], 600000)
return 1
`;

export interface SendPacer {
  /** Resolves when this process may make one send (a slot of the global rate, no pause). */
  acquire(): Promise<void>;
  /** A 429: every process waits `ms` before its next send. */
  pause(ms: number): Promise<void>;
}

type Take = (key: string, n: number, interval: number, horizon: number) => Promise<[number, string, string]>;
type Pause = (key: string, ms: number) => Promise<number>;

/** Builds the pacer for `ratePerSec` on `redis` (which gets two script commands defined). */
export function createSendPacer(redis: Redis, key: string, ratePerSec: number): SendPacer {
  const interval = slotIntervalMs(ratePerSec);
  if (!('tanbihTakeSlots' in redis)) {
    redis.defineCommand('tanbihTakeSlots', { numberOfKeys: 1, lua: TAKE });
    redis.defineCommand('tanbihPause', { numberOfKeys: 1, lua: PAUSE });
  }
  const r = redis as unknown as { tanbihTakeSlots: Take; tanbihPause: Pause };
  const batchMax = Math.max(1, Math.ceil(HORIZON_MS / interval));
  const waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let pausedUntil = 0;
  let asking = false;

  const fire = (w: (typeof waiting)[number]): void => {
    // A pause learnt after this slot was given: ask again rather than send into it.
    const left = pausedUntil - Date.now();
    if (left > 0) {
      setTimeout(() => {
        waiting.push(w);
        pump();
      }, left);
    } else w.resolve();
  };

  const pump = (): void => {
    if (asking || waiting.length === 0) return;
    asking = true;
    r.tanbihTakeSlots(key, Math.min(waiting.length, batchMax), interval, HORIZON_MS).then(
      ([granted, firstMs, pauseMs]) => {
        const pause = Number(pauseMs);
        if (pause > 0) pausedUntil = Math.max(pausedUntil, Date.now() + pause);
        const first = Math.max(0, Number(firstMs));
        waiting.splice(0, granted).forEach((w, i) => {
          const delay = first + i * interval;
          if (delay < 0.5) fire(w);
          else setTimeout(fire, delay, w);
        });
        if (granted > 0) {
          asking = false;
          pump();
        } else {
          // Slots are taken up to the horizon: ask again when the next one comes within it.
          setTimeout(() => {
            asking = false;
            pump();
          }, Math.max(1, first));
        }
      },
      (e: unknown) => {
        asking = false;
        for (const w of waiting.splice(0)) w.reject(e);
      },
    );
  };

  return {
    acquire: () => new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      pump();
    }),
    async pause(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
      await r.tanbihPause(key, ms);
    },
  };
}
