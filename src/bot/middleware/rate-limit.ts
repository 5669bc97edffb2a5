/**
 * Per-user limit on incoming updates: a token bucket per user id, in memory.
 * One process handles updates (polling or webhook), so memory is the right place: no
 * Redis round trip per update. Buckets idle long enough to be full are forgotten, which
 * bounds memory by the number of users active in the last `capacity / refillPerSec` s.
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';

export interface RateLimitOptions {
  /** Burst size (updates). */
  readonly capacity: number;
  /** Sustained updates per second. */
  readonly refillPerSec: number;
  /** Milliseconds clock, injected for tests. */
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Whether the user was already told to slow down in this empty spell. */
  warned: boolean;
}

export const defaultRateLimit: RateLimitOptions = { capacity: 20, refillPerSec: 1 };

export function rateLimit(options: RateLimitOptions = defaultRateLimit): MiddlewareFn<BotContext> {
  const now = options.now ?? Date.now;
  const buckets = new Map<number, Bucket>();
  const fullAfterMs = (options.capacity / options.refillPerSec) * 1000;
  let lastSweep = now();

  const take = (userId: number): Bucket & { allowed: boolean } => {
    const t = now();
    if (t - lastSweep > fullAfterMs) {
      for (const [id, b] of buckets) if (t - b.at > fullAfterMs) buckets.delete(id);
      lastSweep = t;
    }
    const b = buckets.get(userId) ?? { tokens: options.capacity, at: t, warned: false };
    b.tokens = Math.min(options.capacity, b.tokens + ((t - b.at) / 1000) * options.refillPerSec);
    b.at = t;
    buckets.set(userId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.warned = false;
      return { ...b, allowed: true };
    }
    return { ...b, allowed: false };
  };

  return async (ctx, next) => {
    const userId = ctx.from?.id;
    // Channel posts and service updates have no user to limit.
    if (userId === undefined || ctx.myChatMember) return next();
    const bucket = take(userId);
    if (bucket.allowed) return next();
    ctx.logger.debug({ userId }, 'rate limited');
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t.slowDown });
    } else if (!bucket.warned && ctx.chat?.type === 'private') {
      const stored = buckets.get(userId);
      if (stored) stored.warned = true;
      await ctx.reply(ctx.t.slowDown);
    }
  };
}
