import { ArrivalCounter, SlidingWindow, type ArrivalStats } from './rate-window.js';
import { fail, type ApiFailure, type ForbidReason } from './replies.js';
import type { FakeState } from './state.js';

/** Methods that deliver or change a message: the default target of every fault and of latency. */
export const SEND_METHODS: readonly string[] = [
  'sendMessage', 'copyMessage', 'forwardMessage', 'editMessageText', 'editMessageReplyMarkup', 'editMessageCaption',
  'sendPhoto', 'sendDocument',
];

/** Which methods a fault hits: a list, or 'all' (getUpdates and getMe included). Default: SEND_METHODS. */
export type MethodFilter = readonly string[] | 'all';

export interface RateLimitOptions {
  /** Seconds put in `parameters.retry_after`. Default 1. */
  readonly retryAfter?: number;
  /** The next N matching calls answer 429. */
  readonly nextCalls?: number;
  /** Above R accepted calls per second over a sliding window, answer 429, like Telegram's broadcast limit. */
  readonly aboveRatePerSec?: number;
  /** The sliding window for aboveRatePerSec, in ms (allows R × windowMs / 1000 calls per window). Default 1000. */
  readonly windowMs?: number;
  readonly methods?: MethodFilter;
  /** Refuse every matching call until a 429's retry_after has passed, as Telegram does. Default true. */
  readonly enforceRetryAfter?: boolean;
}

export interface LatencyOptions {
  readonly methods?: MethodFilter;
  /**
   * Each call waits `ms` ± up to `jitterMs` (uniform, never below 0) before it reaches the fake:
   * the variable network between the bot and Telegram, so sends arrive in another order and
   * bunched or spread compared with when they left. Default 0.
   */
  readonly jitterMs?: number;
  /** Source of the jitter, uniform in [0, 1). Default Math.random. */
  readonly random?: () => number;
}

export interface CountOptions {
  readonly nextCalls: number;
  readonly methods?: MethodFilter;
}

/** What the faults did so far; `callsDuringRetryAfter` counts calls made while a retry_after was running. */
export interface FaultStats {
  rateLimited: number;
  callsDuringRetryAfter: number;
  forbidden: number;
  migrated: number;
  serverErrors: number;
  dropped: number;
}

const matches = (filter: MethodFilter, method: string): boolean =>
  filter === 'all' ? true : filter.includes(method);

/**
 * Fault injection. Each fault hits matching calls only; `clear()` removes them all
 * (chats blocked through `fake.blockBy` stay blocked: that is the user's doing, not a fault).
 */
export class Faults {
  private rate: (RateLimitOptions & { left: number }) | undefined;
  private accepted: SlidingWindow | undefined;
  private floodUntil = 0;
  private errors: { left: number; methods: MethodFilter } | undefined;
  private drops: { left: number; methods: MethodFilter } | undefined;
  private delay: { ms: number; jitterMs: number; random: () => number; methods: MethodFilter } | undefined;
  private readonly arrivals = new ArrivalCounter(1000);
  private readonly forbids = new Map<number, ForbidReason>();
  readonly stats: FaultStats = { rateLimited: 0, callsDuringRetryAfter: 0, forbidden: 0, migrated: 0, serverErrors: 0, dropped: 0 };

  private readonly state: FakeState;

  constructor(state: FakeState) {
    this.state = state;
  }

  /** 429 with `retry_after` for the next N calls and/or above a rate. Replaces an earlier rateLimit. */
  rateLimit(options: RateLimitOptions): void {
    this.rate = { ...options, left: options.nextCalls ?? 0 };
    this.accepted = options.aboveRatePerSec === undefined ? undefined : new SlidingWindow(options.windowMs ?? 1000);
  }

  /** These chats answer 403 with Telegram's description for `reason` (default 'blocked'). */
  forbid(chatIds: number | readonly number[], reason: ForbidReason = 'blocked'): void {
    for (const id of typeof chatIds === 'number' ? [chatIds] : chatIds) this.forbids.set(id, reason);
  }

  /** Group `from` became supergroup `to`: sends to `from` answer 400 with migrate_to_chat_id; `to` works. */
  migrate(from: number, to: number): void {
    const old = this.state.chats.get(from)?.chat;
    const title = old && 'title' in old ? old.title : `Supergroup ${to}`;
    this.state.addChat({ id: to, type: 'supergroup', title: title ?? `Supergroup ${to}` });
    this.state.migrations.set(from, to);
  }

  /** The next N matching calls answer 500. */
  serverError(options: CountOptions): void {
    this.errors = { left: options.nextCalls, methods: options.methods ?? SEND_METHODS };
  }

  /** The next N matching calls get their socket destroyed without an answer. */
  dropConnections(options: CountOptions): void {
    this.drops = { left: options.nextCalls, methods: options.methods ?? SEND_METHODS };
  }

  /**
   * Adds `ms` before every matching call (default: send-like calls) reaches the fake, that is
   * before faults, rate windows and the method run; `jitterMs` varies it per call. 0 removes it.
   */
  latency(ms: number, options: MethodFilter | LatencyOptions = SEND_METHODS): void {
    const o: LatencyOptions = Array.isArray(options) || options === 'all' ? { methods: options as MethodFilter } : (options as LatencyOptions);
    const jitterMs = o.jitterMs ?? 0;
    this.delay = ms > 0 || jitterMs > 0 ? { ms, jitterMs, random: o.random ?? Math.random, methods: o.methods ?? SEND_METHODS } : undefined;
  }

  /** Sends (SEND_METHODS) that reached the fake for a bot, and the most within any sliding second. */
  sendRate(botId: number): ArrivalStats {
    return this.arrivals.of(botId);
  }

  clear(): void {
    this.rate = this.errors = this.drops = this.delay = undefined;
    this.accepted = undefined;
    this.arrivals.clear();
    this.floodUntil = 0;
    this.forbids.clear();
    for (const key of Object.keys(this.stats) as (keyof FaultStats)[]) this.stats[key] = 0;
    this.state.migrations.clear();
  }

  /** @internal Latency to add before `method` reaches the fake (drawn anew for each call). */
  latencyFor(method: string): number {
    const d = this.delay;
    if (!d || !matches(d.methods, method)) return 0;
    return Math.max(0, d.ms + (d.random() * 2 - 1) * d.jitterMs);
  }

  /** @internal A call reached the fake (after its latency), before any fault: sends count toward the arrival window. */
  arrived(method: string, botId: number, now: number): void {
    if (SEND_METHODS.includes(method)) this.arrivals.add(botId, now);
  }

  /** @internal Transport-level faults, decided before the method runs: drop, 500, 429. */
  before(method: string, now: number): 'drop' | ApiFailure | undefined {
    if (this.drops && this.drops.left > 0 && matches(this.drops.methods, method)) {
      this.drops.left--;
      this.stats.dropped++;
      return 'drop';
    }
    if (this.errors && this.errors.left > 0 && matches(this.errors.methods, method)) {
      this.errors.left--;
      this.stats.serverErrors++;
      return fail.serverError();
    }
    const rate = this.rate;
    if (!rate || !matches(rate.methods ?? SEND_METHODS, method)) return undefined;
    const retryAfter = rate.retryAfter ?? 1;
    if (now < this.floodUntil) {
      this.stats.callsDuringRetryAfter++;
      if (rate.left > 0) rate.left--;
      if (rate.enforceRetryAfter !== false) return this.limited(Math.ceil((this.floodUntil - now) / 1000), now, false);
    }
    if (rate.left > 0) {
      rate.left--;
      return this.limited(retryAfter, now, true);
    }
    const window = this.accepted;
    if (window && rate.aboveRatePerSec !== undefined) {
      const max = Math.max(1, Math.floor((rate.aboveRatePerSec * window.windowMs) / 1000));
      if (window.count(now) >= max) return this.limited(retryAfter, now, true);
    }
    return undefined;
  }

  /** @internal A matching call went through: it counts toward the rate window. */
  accept(method: string, now: number): void {
    if (this.accepted && matches(this.rate?.methods ?? SEND_METHODS, method)) this.accepted.add(now);
  }

  /** @internal 403 reason for a chat, from a fault or a block. */
  forbiddenFor(chatId: number): ForbidReason | undefined {
    return this.forbids.get(chatId) ?? this.state.blocked.get(chatId);
  }

  private limited(retryAfter: number, now: number, startsWait: boolean): ApiFailure {
    this.stats.rateLimited++;
    if (startsWait) this.floodUntil = Math.max(this.floodUntil, now + retryAfter * 1000);
    return fail.rateLimited(retryAfter);
  }
}
