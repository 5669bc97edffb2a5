/** Removing every key under one prefix (SCAN + UNLINK): the server may be shared, so never FLUSHDB. */
import { mastersOf, type RedisClient } from './redis-connection.js';

/** Deletes every key under `<prefix>:` (on every master of a cluster); resolves with how many were deleted. */
export async function deletePrefix(redis: RedisClient, prefix: string): Promise<number> {
  let deleted = 0;
  for (const node of mastersOf(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      // One UNLINK per key: on a cluster, the keys of one node still span slots.
      if (keys.length > 0) deleted += (await Promise.all(keys.map((k) => node.unlink(k)))).reduce((a, b) => a + b, 0);
    } while (cursor !== '0');
  }
  return deleted;
}
