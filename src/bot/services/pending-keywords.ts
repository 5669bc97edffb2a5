/**
 * The words behind a "➕ follow «…» as a keyword" button: they can be longer than the 64
 * bytes a button carries, so the button carries a digest and the words wait here. In Redis
 * (a week, then the button says it expired), so a restart does not break the offers on
 * screen; in memory, bounded, for benches and tests without Redis.
 */
import { createHash } from 'node:crypto';
import type { RedisClient as Redis } from '../../store/redis-connection.js';
import type { Keys } from '../../store/keys.js';

export interface PendingKeywords {
  /** Remembers the words; returns the digest to put in the button. */
  put(words: string): Promise<string>;
  /** The words of a digest, or undefined when unknown, expired or malformed. */
  get(digest: string): Promise<string | undefined>;
}

export const OFFER_TTL_SEC = 7 * 24 * 3600;
const DIGEST = /^[0-9a-f]{16}$/;
const digestOf = (words: string): string => createHash('sha256').update(words).digest('hex').slice(0, 16);

export function createRedisPendingKeywords(redis: Redis, keys: Pick<Keys, 'keywordOffer'>, ttlSec = OFFER_TTL_SEC): PendingKeywords {
  return {
    async put(words) {
      const digest = digestOf(words);
      await redis.set(keys.keywordOffer(digest), words, 'EX', ttlSec);
      return digest;
    },
    async get(digest) {
      if (!DIGEST.test(digest)) return undefined;
      return (await redis.get(keys.keywordOffer(digest))) ?? undefined;
    },
  };
}

export function createMemoryPendingKeywords(capacity = 10_000): PendingKeywords {
  const entries = new Map<string, string>();
  return {
    async put(words) {
      const digest = digestOf(words);
      entries.delete(digest);
      entries.set(digest, words);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return digest;
    },
    get: async (digest) => entries.get(digest),
  };
}
