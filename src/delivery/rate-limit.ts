/**
 * The global send rate limit, shared by every worker process through one Redis hash.
 *
 * Design: a smooth slot scheduler (GCRA-like) in a Lua script, not BullMQ's window limiter.
 * Each process asks for a few slots at a time; the script hands out consecutive slots spaced
 * `intervalMs` apart from the shared "next free slot" time (read with Redis's TIME, so process
 * clocks do not matter) and never further than HORIZON_MS ahead. Telegram (and the fake) count
 * sends in any sliding second; a send may reach it up to JITTER_MS later than its slot
 * relative to another, so the spacing is (1000 + JITTER_MS) / rate: any 1,000 ms then holds at
 * most `rate` sends even with that jitter, at ≈ 97 % of the rate. A process that reaches a slot
 * more than LATE_MS late (a busy or descheduled event loop) does not use it but asks for a new one:
 * catching up would bunch sends into a later second (measured: tens of 429s at 1,000/s on 2
 * shared cores without this rule, none with it).
 *
 * 429: `pause(ms)` moves the shared next slot past `retry_after` for every process; this process
 * also stops its already-scheduled sends at once (they ask for a new slot), and the others learn
 * of the pause with their next batch (≤ HORIZON_MS later).
 */
import type { Redis } from 'ioredis';
import { createLuaScript } from './lua.js';

/** How much later one send may reach Telegram than another, relative to their slots. */
export const JITTER_MS = 30;
/** Slots are never handed out further ahead than this (bounds what a 429 or a crash can strand). */
export const HORIZON_MS = 150;
/** A slot reached later than this is not used (see fire); the rest of JITTER_MS covers the call's own jitter. */
const LATE_MS = JITTER_MS / 2;
/** A process asks for its next batch this long before its last slot (Redis round trip, timer lateness). */
const LEAD_MS = 40;

/** Spacing between two sends for `ratePerSec`, jitter included. */
export function slotIntervalMs(ratePerSec: number): number {
  if (!(ratePerSec >= 1)) throw new Error(`send rate must be ≥ 1 msg/s, got ${ratePerSec}`);
  return (1000 + JITTER_MS) / Math.floor(ratePerSec);
}

/**
 * Concurrent sends per process (including those waiting for their slot): enough to fill the
 * rate when a call takes up to `latencyMs`. Not more: at 1,000/s on 2 shared cores, 250 sends
 * at once provoked 429s (more sockets, later calls) where 100 did not. Only sends whose call is
 * under way can be repeated after a crash.
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

type Waiter = { readonly resolve: () => void; readonly reject: (e: unknown) => void };

/** Builds the pacer for `ratePerSec` on `redis`, its state in the hash `key`. */
export function createSendPacer(redis: Redis, key: string, ratePerSec: number): SendPacer {
  const interval = slotIntervalMs(ratePerSec);
  const take = createLuaScript(redis, TAKE);
  const pauseScript = createLuaScript(redis, PAUSE);
  const batchMax = Math.max(1, Math.ceil(HORIZON_MS / interval));
  const waiting: Waiter[] = [];
  let pausedUntil = 0;
  let asking = false;

  const again = (w: Waiter): void => {
    waiting.unshift(w);
    pump();
  };

  const fire = (w: Waiter, due: number): void => {
    const now = Date.now();
    // A pause learnt after this slot was given: ask again once it is over rather than send into it.
    if (pausedUntil > now) setTimeout(again, pausedUntil - now, w);
    // A slot this process reached late (a busy event loop): sending now could crowd a later
    // second with sends of other slots, so it asks for a new slot instead.
    else if (now - due > LATE_MS) again(w);
    else w.resolve();
  };

  const ask = (): void => {
    asking = false;
    pump();
  };

  const pump = (): void => {
    if (asking || waiting.length === 0) return;
    asking = true;
    // Slot times are counted from when the request left, not from when the reply was read: a
    // reply read late (a busy event loop) then shows its slots as late instead of shifting them.
    const asked = Date.now();
    (take([key], [Math.min(waiting.length, batchMax), interval, HORIZON_MS]) as Promise<[number, string, string]>).then(
      ([granted, firstMs, pauseMs]) => {
        const at = Date.now();
        const pause = Number(pauseMs);
        if (pause > 0) pausedUntil = Math.max(pausedUntil, asked + pause);
        const first = Math.max(0, Number(firstMs));
        waiting.splice(0, granted).forEach((w, i) => {
          const due = asked + first + i * interval;
          if (due - at < 0.5) fire(w, due);
          else setTimeout(fire, due - at, w, due);
        });
        // Next batch: slots are taken up to the horizon (ask when the next comes within it), or
        // the senders waiting now got theirs: let more gather until these slots run low (one
        // round trip per batch, not per send).
        const next = granted === 0 ? Math.max(1, first) : Math.max(0, asked + first + granted * interval - LEAD_MS - at);
        if (next === 0) ask();
        else setTimeout(ask, next);
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
      await pauseScript([key], [ms]);
    },
  };
}
