/**
 * The one way Tanbih runs Lua: EVALSHA, and EVAL (which also caches the script) when Redis
 * answers NOSCRIPT — after a restart, a SCRIPT FLUSH, or on the first call.
 *
 * Not ioredis's defineCommand: commands defined on a client are copied into every MULTI and
 * pipeline made on it, and the delivery code makes one per send on the shared client.
 */
import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';

export type ScriptArg = string | number;
export type Script = (keys: readonly string[], args: readonly ScriptArg[]) => Promise<unknown>;

/** A caller for `lua` on `redis`; the script's SHA1 is computed once, here. */
export function createScript(redis: RedisClient, lua: string): Script {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (e) {
      // Redis says NOSCRIPT in its reply text; a ReplyError carries no code.
      if (e instanceof Error && e.message.startsWith('NOSCRIPT')) return redis.eval(lua, keys.length, ...keys, ...args);
      throw e;
    }
  };
}
