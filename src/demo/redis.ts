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

export { deletePrefix } from '../store/delete-prefix.js';
