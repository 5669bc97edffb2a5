/**
 * Moving an instance's data from the key layout before Redis Cluster support (one `chats` hash,
 * untagged subscription buckets, one follower set per topic, untagged article, broadcast, feed and
 * counter keys, queues under `<prefix>:`) to today's (keys.ts). Runs on the single Redis the old
 * layout lives on, with every process stopped; idempotent, so an interrupted run is run again.
 *
 * Refuses while the old queues hold work (drain them first: let the old version finish its sends).
 * Moved: chats (counters rebuilt per bucket), subscriptions (followers rebuilt per bucket from the
 * chats' own lists, counts kept), articles with their extra sources, broadcasts with their counters,
 * feeds' health and seen-sets, article delivery counters. Dropped: sent markers, rate and hourly
 * statistics and the old queues' finished jobs (nothing can retry them once the queues are drained).
 */
import { createScript } from './lua-script.js';
import { chatBucketOf, CHAT_BUCKETS, type Keys } from './keys.js';
import { statusField } from './chat-migration.js';
import { isCluster, mastersOf, type RedisClient } from './redis-connection.js';
import { decodeChat } from './serialize.js';
import { splitTopics } from './redis-subscription-store.js';
import type { TopicId } from '../core/ids.js';

export interface LegacyMove {
  readonly chats: number;
  readonly subscriptions: number;
  readonly renamed: number;
  readonly dropped: number;
}

// KEYS: new chats bucket, its counters. ARGV: chat id, JSON, status field. Counts a chat only the first time.
const MOVE_CHAT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  redis.call('HINCRBY', KEYS[2], 'total', 1)
  return 1
end
return 0
`;

// KEYS: new topics bucket, then the followers-in-bucket set of each ARGV topic. ARGV: chat, field, topic….
const MOVE_TOPICS = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
for i = 2, #KEYS do redis.call('SADD', KEYS[i], ARGV[1]) end
return 1
`;

async function scanKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  const out: string[] = [];
  for (const node of mastersOf(redis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      out.push(...found);
    } while (cursor !== '0');
  }
  return out;
}

/** Work still held by an old queue (waiting, active, delayed, prioritized jobs), by queue. */
export async function legacyQueueWork(redis: RedisClient, prefix: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const q of ['fanout', 'send']) {
    const base = `${prefix}:${q}`;
    const [wait, active, delayed, prioritized] = await Promise.all([
      redis.llen(`${base}:wait`), redis.llen(`${base}:active`), redis.zcard(`${base}:delayed`), redis.zcard(`${base}:prioritized`),
    ]);
    if (wait + active + delayed + prioritized > 0) out[q] = wait + active + delayed + prioritized;
  }
  return out;
}

/** Moves the old layout under `keys.prefix` to the current one. Throws (changing nothing) while the old queues hold work. */
export async function migrateLegacyLayout(redis: RedisClient, keys: Keys): Promise<LegacyMove> {
  if (isCluster(redis)) throw new Error('the old key layout lives on a single Redis: migrate there (REDIS_URL), then move to the cluster');
  const p = keys.prefix;
  const busy = await legacyQueueWork(redis, p);
  if (Object.keys(busy).length > 0) {
    throw new Error(`the old queues still hold work (${Object.entries(busy).map(([q, n]) => `${q}: ${n}`).join(', ')}): run the old version until they are empty`);
  }
  const moveChat = createScript(redis, MOVE_CHAT);
  const moveTopics = createScript(redis, MOVE_TOPICS);
  let chats = 0;
  let subscriptions = 0;

  // Chats: each into its bucket (counted once), then out of the old hash.
  let cursor = '0';
  do {
    const [next, flat] = await redis.hscan(`${p}:c`, cursor, 'COUNT', 500);
    cursor = next;
    for (let i = 0; i < flat.length; i += 2) {
      const id = Number(flat[i]);
      const json = flat[i + 1]!;
      chats += Number(await moveChat([keys.chats(id), keys.chatCounters(chatBucketOf(id))], [id, json, statusField(decodeChat(json).status)]));
    }
  } while (cursor !== '0');

  // Subscriptions: the chats' own lists are the truth; the followers are rebuilt from them per bucket.
  for (let b = 0; b < CHAT_BUCKETS; b++) {
    const old = await redis.hgetall(`${p}:s:${b}`);
    for (const [chat, field] of Object.entries(old)) {
      const topics: TopicId[] = splitTopics(field);
      await Promise.all(topics.map((t) => redis.sadd(keys.topicBuckets(t), b)));
      if (Number(await moveTopics([keys.chatTopics(Number(chat)), ...topics.map((t) => keys.followersIn(t, b))], [chat, field])) === 1) {
        subscriptions += topics.length;
      }
    }
  }

  // Keys that only changed their names (a single server: RENAME works whatever the slots).
  const renames: [from: string, to: string][] = [];
  const token = '([A-Za-z0-9_-]{1,128})';
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [new RegExp(`^${p}:a:${token}$`), (m) => `${p}:a:{${m[1]}}`],
    [new RegExp(`^${p}:a:${token}:x$`), (m) => `${p}:a:{${m[1]}}:x`],
    [new RegExp(`^${p}:b$`), () => keys.broadcasts()],
    [new RegExp(`^${p}:b:o$`), () => keys.broadcastOrder()],
    [new RegExp(`^${p}:b:${token}:n$`), (m) => `${p}:b:{b:${m[1]}}:n`],
    [new RegExp(`^${p}:fd:${token}:h$`), (m) => `${p}:fd:{fd:${m[1]}}:h`],
    [new RegExp(`^${p}:fd:${token}:seen$`), (m) => `${p}:fd:{fd:${m[1]}}:seen`],
    [new RegExp(`^${p}:d:n:${token}$`), (m) => `${p}:d:n:{${m[1]}}`],
  ];
  for (const key of [...await scanKeys(redis, `${p}:a:*`), ...await scanKeys(redis, `${p}:b*`), ...await scanKeys(redis, `${p}:fd:*`), ...await scanKeys(redis, `${p}:d:n:*`)]) {
    if (key.includes('{')) continue;
    for (const [re, to] of rules) {
      const m = re.exec(key);
      if (m) renames.push([key, to(m)]);
    }
  }
  for (const [from, to] of renames) await redis.rename(from, to);

  // What is derived or can no longer matter.
  const stale = [
    `${p}:c`, `${p}:c:n`,
    ...Array.from({ length: CHAT_BUCKETS }, (_, b) => `${p}:s:${b}`),
    ...(await scanKeys(redis, `${p}:f:*`)).filter((k) => !k.includes('{')),
    ...(await scanKeys(redis, `${p}:d:s:*`)).filter((k) => !k.includes('{')),
    ...(await scanKeys(redis, `${p}:d:r:*`)), ...(await scanKeys(redis, `${p}:d:h:*`)),
    ...(await scanKeys(redis, `${p}:fanout:*`)), ...(await scanKeys(redis, `${p}:send:*`)),
  ];
  let dropped = 0;
  for (let i = 0; i < stale.length; i += 500) dropped += await redis.unlink(...stale.slice(i, i + 500));
  return { chats, subscriptions, renamed: renames.length, dropped };
}
