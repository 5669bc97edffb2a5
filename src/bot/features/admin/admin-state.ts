/**
 * What an admin is in the middle of (a broadcast being composed, a feed being added, an
 * article pasted for /ingest), behind a small port. Entries expire on their own. Only one
 * process takes Telegram updates, so memory is enough; a store shared by several update
 * takers (webhooks behind a balancer) would implement the same port on Redis.
 */
import type { ChatId, TopicId, UserId } from '../../../core/ids.js';
import type { ArticleInput } from '../../../core/input.js';

export type AdminState =
  | { readonly step: 'broadcast-content' }
  | {
      readonly step: 'broadcast-compose';
      readonly source: { readonly chatId: ChatId; readonly messageId: number };
      /** Empty: everyone. */
      readonly topics: readonly TopicId[];
      readonly breaking: boolean;
      /** The control message (audience, breaking, confirm) being edited in place. */
      readonly panelMessageId?: number;
      /** Waiting for topic names typed by the admin. */
      readonly typingTopics?: boolean;
    }
  | { readonly step: 'feed-add' }
  | { readonly step: 'ingest-content' }
  | { readonly step: 'ingest-confirm'; readonly input: ArticleInput };

export interface AdminStateStore {
  get(admin: UserId): Promise<AdminState | undefined>;
  /** Replaces the admin's state; it expires after the store's TTL. */
  set(admin: UserId, state: AdminState): Promise<void>;
  clear(admin: UserId): Promise<void>;
}

/** Drafts live for an hour: long enough to compose, short enough not to linger. */
export const ADMIN_STATE_TTL_SEC = 3600;

/**
 * In memory, for the one process that takes Telegram updates (only one may: polling or
 * webhook), and for tests. A restart drops unfinished drafts, never a started broadcast.
 */
export function createMemoryAdminStateStore(now: () => number = Date.now, ttlSec = ADMIN_STATE_TTL_SEC): AdminStateStore {
  const states = new Map<UserId, { state: AdminState; until: number }>();
  return {
    async get(admin) {
      const entry = states.get(admin);
      if (entry && entry.until > now()) return entry.state;
      states.delete(admin);
      return undefined;
    },
    set: async (admin, state) => void states.set(admin, { state, until: now() + ttlSec * 1000 }),
    clear: async (admin) => void states.delete(admin),
  };
}
