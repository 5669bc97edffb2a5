/** Removing every key under one prefix (SCAN + UNLINK): the server may be shared, so never FLUSHDB. */
import type { Redis } from 'ioredis';

/** Deletes every key under `<prefix>:`; resolves with how many were deleted. */
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
