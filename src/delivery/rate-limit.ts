/**
 * The global send rate limit, shared by every worker process through one Redis hash.
 *
 * Telegram counts a bot's sends by when they arrive, in any sliding second. The guarantee, from
 * the slot a send gets to its arrival:
 * 1. Slots: a Lua script hands out one sequence of slots for every process (a smooth, GCRA-like
 *    scheduler on Redis's clock, not BullMQ's window limiter), each at least `slotIntervalMs` after
 *    the one before, never more than HORIZON_MS ahead. A process asks for a few at a time.
 * 2. Release: a process lets a send go only within [slot, slot + LATE_MS] on its own clock. Where a
 *    slot falls on that clock is known from the round trips to Redis (redis-clock.ts); a timer that
 *    fires early waits on, and a slot reached late (a busy or descheduled event loop) is not used:
 *    the send asks for a new slot, since catching up would crowd a later second. A starved worker
 *    (timers 20–100 ms late on 2 cores shared by many processes) thus skips most of its slots:
 *    the rate it reaches drops, the limit still holds. A batch's first slot is asked for a median
 *    round trip ahead, so that a reply read late still finds its slots ahead.
 * 3. Flight: the request then leaves within LEAVE_MS (grammY building it, the socket write: an
 *    allowance, not enforced) and reaches the Bot API after the network's latency ± NETWORK_JITTER_MS.
 * A send of slot s thus arrives within [s + L − J, s + L + J + LATE_MS + LEAVE_MS] for a base latency
 * L: the sends that arrive within one second had slots within SLOT_WINDOW_MS = 1000 + 2J + LATE_MS
 * + LEAVE_MS of each other, and slots spaced SLOT_WINDOW_MS / rate apart put at most `rate` there.
 * The cost is the rate: 1000 / SLOT_WINDOW_MS = 0.926 of it at J = 30 ms. No pacer can guarantee
 * more than 1000 / (1000 + 2J) = 0.943 against ±30 ms: cut time into spans of 1000 + 2J ms; one
 * holding more than `rate` sends lets them all land in one second if the first are slow and the
 * last quick. (The budget before, 1,030 ms per `rate` slots and slots fired early or on a blurred
 * clock, let 26 sends into one second at 25/s and 1,013–1,021 at 1,000/s, 11–35 429s a run.)
 *
 * 429: `pause(ms)` moves the shared next slot past `retry_after` for every process; this process
 * also stops its already-scheduled sends at once (they ask for a new slot), and the others learn
 * of the pause with their next batch (≤ HORIZON_MS later).
 */
import type { RedisClient } from '../store/redis-connection.js';
import { createScript } from '../store/lua-script.js';
import { createRedisClock, type LocalSpan } from './redis-clock.js';

/** How far a send's arrival at the Bot API may stray, either way, from its usual latency (network, Telegram's front). */
export const NETWORK_JITTER_MS = 30;
/** A send is released at most this long after its slot, or it asks for a new slot. */
export const LATE_MS = 15;
/** How much longer one released send may take than another to leave the process. */
export const LEAVE_MS = 5;
/** Sends arriving within one second had their slots within this span (see above). */
export const SLOT_WINDOW_MS = 1000 + 2 * NETWORK_JITTER_MS + LATE_MS + LEAVE_MS;
/** Slots are never handed out further ahead than this (bounds what a 429 or a crash can strand). */
export const HORIZON_MS = 150;
/** A process asks for its next batch this long before its last slot (Redis round trip, timer lateness). */
const LEAD_MS = 40;

/** Spacing between two slots for `ratePerSec` (rounded up to the µs): at most `ratePerSec` slots in any SLOT_WINDOW_MS. */
export function slotIntervalMs(ratePerSec: number): number {
  if (!(ratePerSec >= 1)) throw new Error(`send rate must be ≥ 1 msg/s, got ${ratePerSec}`);
  return Math.ceil((SLOT_WINDOW_MS * 1000) / Math.floor(ratePerSec)) / 1000;
}

/** What to do with a slot whose timer fired at `now`: send, wait on (the timer was early), or ask again (late). */
export type SlotAction = { readonly kind: 'release' } | { readonly kind: 'wait'; readonly ms: number } | { readonly kind: 'late' };

/**
 * Releases a send only when its slot has surely come (`now` ≥ the latest local instant it may
 * be) and is surely no more than LATE_MS past (`now` − the earliest ≤ LATE_MS).
 */
export function slotAction(now: number, slot: LocalSpan): SlotAction {
  if (now < slot.latest) return { kind: 'wait', ms: slot.latest - now };
  if (now - slot.earliest > LATE_MS) return { kind: 'late' };
  return { kind: 'release' };
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

// KEYS[1] limiter hash {t: next free slot, p: paused until} (ms, Redis time); ARGV: n, interval,
// horizon, lead (no slot sooner than this: the reply would be read after it). Returns {granted,
// Redis now, first slot (or when worth asking again), paused until}, in ms of Redis time.
// The next free slot is stored rounded up to the µs, so no two slots are ever closer than the interval.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local nxt = tonumber(redis.call('HGET', KEYS[1], 't') or '0')
local paused = tonumber(redis.call('HGET', KEYS[1], 'p') or '0')
local interval = tonumber(ARGV[2])
local horizon = tonumber(ARGV[3])
local function ms(x) return string.format('%.3f', x) end
local start = math.max(nxt, now + tonumber(ARGV[4]), paused)
if start - now > horizon then
  return {0, ms(now), ms(start - horizon), ms(paused)}
end
local n = math.min(tonumber(ARGV[1]), math.floor((now + horizon - start) / interval) + 1)
redis.call('HSET', KEYS[1], 't', ms(math.ceil((start + n * interval) * 1000) / 1000))
redis.call('PEXPIRE', KEYS[1], 600000)
return {n, ms(now), ms(start), ms(paused)}
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
type Slot = LocalSpan & { readonly redisMs: number };

export interface PacerOptions {
  /** Called as each send is released, with its slot in ms of Redis time (a seam for tests). */
  readonly onRelease?: (slotMs: number) => void;
}

/** Builds the pacer for `ratePerSec` on `redis`, its state in the hash `key`. */
export function createSendPacer(redis: RedisClient, key: string, ratePerSec: number, options: PacerOptions = {}): SendPacer {
  const interval = slotIntervalMs(ratePerSec);
  const take = createScript(redis, TAKE);
  const pauseScript = createScript(redis, PAUSE);
  const batchMax = Math.max(1, Math.ceil(HORIZON_MS / interval));
  const clock = createRedisClock();
  // The last round trips to Redis (ms, reply read − request sent): their median is how far ahead
  // the first slot of a batch is asked for, so that a slow reply (a busy event loop) still finds it
  // ahead rather than late and wasted.
  const trips: number[] = [];
  const lead = (): number => Math.min(HORIZON_MS / 3, trips.toSorted((a, b) => a - b)[trips.length >> 1] ?? 0);
  const waiting: Waiter[] = [];
  let pausedUntil = 0;
  let asking = false;

  const again = (w: Waiter): void => {
    waiting.unshift(w);
    pump();
  };

  const fire = (w: Waiter, slot: Slot): void => {
    const now = Date.now();
    // A pause learnt after this slot was given: ask again once it is over rather than send into it.
    if (pausedUntil > now) {
      setTimeout(again, pausedUntil - now, w);
      return;
    }
    const action = slotAction(now, slot);
    // Timers may fire a little early (they count from the event loop's cached time).
    if (action.kind === 'wait') setTimeout(fire, action.ms, w, slot);
    else if (action.kind === 'late') again(w);
    else {
      options.onRelease?.(slot.redisMs);
      w.resolve();
    }
  };

  const ask = (): void => {
    asking = false;
    pump();
  };

  const pump = (): void => {
    if (asking || waiting.length === 0) return;
    asking = true;
    const asked = Date.now();
    (take([key], [Math.min(waiting.length, batchMax), interval, HORIZON_MS, lead()]) as Promise<[number, string, string, string]>).then(
      ([granted, nowMs, startMs, pausedMs]) => {
        const at = Date.now();
        const [redisNow, start, paused] = [Number(nowMs), Number(startMs), Number(pausedMs)];
        clock.sample(asked, at, redisNow);
        if (trips.push(at - asked) > 8) trips.shift();
        if (paused > redisNow) pausedUntil = Math.max(pausedUntil, clock.toLocal(paused).latest);
        waiting.splice(0, granted).forEach((w, i) => {
          const redisMs = start + i * interval;
          const slot = { ...clock.toLocal(redisMs), redisMs };
          if (slot.latest <= at) fire(w, slot);
          else setTimeout(fire, slot.latest - at, w, slot);
        });
        // Next batch: slots are taken up to the horizon (ask when the next comes within it), or
        // the senders waiting now got theirs: let more gather until these slots run low (one
        // round trip per batch, not per send).
        const next = granted === 0
          ? Math.max(1, start - redisNow)
          : Math.max(0, clock.toLocal(start + granted * interval).earliest - LEAD_MS - at);
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
