/**
 * One generic "checked write": a set of HASH fields must still hold the values we read, then a
 * list of writes is applied atomically (optimistic concurrency without WATCH, which is unsafe on
 * a shared connection).
 */
import type { RedisClient } from './redis-connection.js';
import { createScript, type ScriptArg } from './lua-script.js';

/** `[keyIndex, field, value]`: the field must hold value (undefined: must be absent). */
export type Check = readonly [key: number, field: string, value: string | undefined];
/**
 * One write on KEYS[key]. `ZDEC` decrements a sorted-set score and removes the member at ≤ 0.
 * Commands are limited to those below.
 */
export type Op = readonly [cmd: 'HSET' | 'HDEL' | 'HINCRBY' | 'SADD' | 'SREM' | 'ZINCRBY' | 'ZDEC', key: number, ...args: ScriptArg[]];

const CHECKED_WRITE = `
local spec = cjson.decode(ARGV[1])
for _, c in ipairs(spec.c) do
  local v = redis.call('HGET', KEYS[c[1]], c[2])
  if c[3] == 0 then
    if v then return 0 end
  elseif v ~= c[4] then
    return 0
  end
end
local allowed = { HSET = 1, HDEL = 1, HINCRBY = 1, SADD = 1, SREM = 1, ZINCRBY = 1 }
for _, op in ipairs(spec.o) do
  local key = KEYS[op[2]]
  if op[1] == 'ZDEC' then
    local left = tonumber(redis.call('ZINCRBY', key, -1, op[3]))
    if left <= 0 then redis.call('ZREM', key, op[3]) end
  elseif allowed[op[1]] then
    local args = {}
    for i = 3, #op do args[#args + 1] = op[i] end
    redis.call(op[1], key, unpack(args))
  else
    return redis.error_reply('checked write: command not allowed ' .. tostring(op[1]))
  end
end
return 1
`;

export type CheckedWrite = (keys: readonly string[], checks: readonly Check[], ops: readonly Op[]) => Promise<boolean>;

/** Applies `ops` only if every check still holds; false means "someone wrote first, re-read and retry". */
export function createCheckedWrite(redis: RedisClient): CheckedWrite {
  const run = createScript(redis, CHECKED_WRITE);
  return async (keys, checks, ops) => {
    const spec = {
      c: checks.map(([key, field, value]) => (value === undefined ? [key + 1, field, 0] : [key + 1, field, 1, value])),
      o: ops.map(([cmd, key, ...args]) => [cmd, key + 1, ...args.map(String)]),
    };
    return Number(await run(keys, [JSON.stringify(spec)])) === 1;
  };
}

/** Runs `attempt` until it reports success; a conflict more than `times` in a row is an outage-like bug. */
export async function retryConflicts<T>(what: string, attempt: () => Promise<{ done: true; value: T } | { done: false }>, times = 20): Promise<T> {
  for (let i = 0; i < times; i++) {
    const r = await attempt();
    if (r.done) return r.value;
  }
  throw new Error(`${what}: too many concurrent writes, gave up after ${times} attempts`);
}
