/** The playground's Redis: is it there, and removing every key of the playground's prefix at the end. */
import { Redis } from 'ioredis';

export const REDIS_HELP = 'start one with `docker compose up -d redis` (or `redis-server`), then run `npm run demo` again';

/** A client that answered PING, or undefined (Redis is not there). Fails fast: one try, two seconds. */
export async function connectRedis(url: string): Promise<Redis | undefined> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return undefined;
  }
}

/** Deletes every key under `<prefix>:` (SCAN + UNLINK; the server is shared, never FLUSHDB). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
