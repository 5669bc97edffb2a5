/**
 * Delivery's Redis keys, built on the store's key builder (src/store/keys.ts) so that
 * one place lists every key. (Moves into keys.ts's "Delivery" section.)
 */
import type { ArticleId, BroadcastId } from '../core/ids.js';
import { isTokenId, type Keys } from '../store/keys.js';

const int = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new Error(`delivery key: expected an integer, got ${String(n)}`);
  return String(n);
};

const token = (s: string, what: string): string => {
  if (!isTokenId(s)) throw new Error(`delivery key: malformed ${what} ${JSON.stringify(s)}`);
  return s;
};

const articleToken = (id: ArticleId): string => token(id, 'article id');
const broadcastToken = (id: BroadcastId): string => token(id, 'broadcast id');

export type DeliveryKeys = ReturnType<typeof deliveryKeys>;

export function deliveryKeys(keys: Keys) {
  const k = (rest: string): string => `${keys.prefix}:${rest}`;
  return {
    /** SET of chat ids an article's alert reached (sent marker), 8 days. */
    sentArticle: (id: ArticleId) => k(`d:s:a:${articleToken(id)}`),
    /** SET of chat ids a broadcast reached (sent marker), 8 days. */
    sentBroadcast: (id: BroadcastId) => k(`d:s:b:${broadcastToken(id)}`),
    /** SET of chat ids whose held/digest bucket due at this instant was sent. */
    sentBucket: (due: number) => k(`d:s:d:${int(due)}`),
    /** HASH queued/sent/failed/blocked for one article. */
    articleCounters: (id: ArticleId) => k(`d:n:${articleToken(id)}`),
    /** SET of article ids held for a chat until `due` (quiet hours or digest period). */
    bucket: (chat: number, due: number) => k(`d:k:${int(chat)}:${int(due)}`),
    /** STRING counter of messages sent during one epoch second (120 s). */
    rateSecond: (epochSec: number) => k(`d:r:${int(epochSec)}`),
    /** HASH alerts/messages for one epoch hour (26 h). */
    hourStats: (epochHour: number) => k(`d:h:${int(epochHour)}`),
    /** LIST of the last delivery errors (JSON), newest first. */
    errors: () => k('d:e'),
  } as const;
}
