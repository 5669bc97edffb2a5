/**
 * Words a user searched for, kept until they tap "follow as keyword". The words cannot
 * ride in the button (64 bytes, and forgeable), so the button carries a short digest and
 * the words wait here. Bounded: the oldest entries go first; an expired button says so.
 */
import { createHash } from 'node:crypto';

export interface PendingKeywords {
  /** Remembers the words; returns the digest to put in the button. */
  put(words: string): string;
  get(digest: string): string | undefined;
}

export function createPendingKeywords(capacity = 10_000): PendingKeywords {
  const entries = new Map<string, string>();
  return {
    put(words) {
      const digest = createHash('sha256').update(words).digest('hex').slice(0, 16);
      entries.delete(digest);
      entries.set(digest, words);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return digest;
    },
    get: (digest) => entries.get(digest),
  };
}
