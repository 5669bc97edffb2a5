/**
 * A Lua script run by EVALSHA (EVAL once when Redis does not know it yet), without ioredis's
 * defineCommand: commands defined on a client are copied into every MULTI/pipeline made on it,
 * and the app's client makes one per send.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type LuaScript = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

export function createLuaScript(redis: Redis, source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (e) {
      // Redis says NOSCRIPT (in its reply text; there is no code) after a restart or SCRIPT FLUSH.
      if (e instanceof Error && e.message.startsWith('NOSCRIPT')) return redis.eval(source, keys.length, ...keys, ...args);
      throw e;
    }
  };
}
