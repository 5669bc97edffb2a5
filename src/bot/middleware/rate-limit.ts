/**
 * Per-user limit on incoming updates: a token bucket per user id, in Redis (one short Lua
 * call per update; the bucket expires once it would be full again, so idle users cost
 * nothing and a restart does not hand a flooder a fresh burst), or in memory without Redis
 * (benches, tests). Redis unreachable: the update goes through (the bot keeps answering).
 */
import type { MiddlewareFn } from 'grammy';
import type { RedisClient as Redis } from '../../store/redis-connection.js';
import type { Keys } from '../../store/keys.js';
import { createScript } from '../../store/lua-script.js';
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

/** Takes a token for a user: whether the update may go on, and whether they were already told to slow down. */
export type TakeToken = (userId: number) => Promise<{ readonly allowed: boolean; readonly warned: boolean }>;

// KEYS[1] bucket hash {n: tokens, at: ms, w: warned}; ARGV: now ms, capacity, refill/s, ttl ms.
// Returns {allowed, warned before}; an empty spell is warned about once (w set by the first refusal).
const TAKE = `
local b = redis.call('HMGET', KEYS[1], 'n', 'at', 'w')
local now, cap, rate = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local n = tonumber(b[1]) or cap
local at = tonumber(b[2]) or now
n = math.min(cap, n + math.max(0, now - at) / 1000 * rate)
local allowed, warned = 0, b[3] == '1' and 1 or 0
if n >= 1 then
  n = n - 1
  allowed = 1
  redis.call('HSET', KEYS[1], 'n', tostring(n), 'at', ARGV[1], 'w', '0')
else
  redis.call('HSET', KEYS[1], 'n', tostring(n), 'at', ARGV[1], 'w', '1')
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {allowed, warned}
`;

export function redisTokens(redis: Redis, keys: Pick<Keys, 'floodBucket'>, options: RateLimitOptions = defaultRateLimit): TakeToken {
  const take = createScript(redis, TAKE);
  const now = options.now ?? Date.now;
  const ttlMs = Math.ceil((options.capacity / options.refillPerSec) * 1000) + 1000;
  return async (userId) => {
    const [allowed, warned] = (await take([keys.floodBucket(userId)], [now(), options.capacity, options.refillPerSec, ttlMs])) as [number, number];
    return { allowed: allowed === 1, warned: warned === 1 };
  };
}

/** The same limit over a given bucket store (Redis); on a store error the update goes through. */
export function sharedRateLimit(take: TakeToken): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || ctx.myChatMember) return next();
    let bucket: { allowed: boolean; warned: boolean };
    try {
      bucket = await take(userId);
    } catch (e) {
      ctx.logger.warn({ err: e }, 'flood limit unavailable');
      return next();
    }
    if (bucket.allowed) return next();
    ctx.logger.debug({ userId }, 'rate limited');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t.slowDown });
    else if (!bucket.warned && ctx.chat?.type === 'private') await ctx.reply(ctx.t.slowDown);
  };
}

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
