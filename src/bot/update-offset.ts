/**
 * Which updates long polling may confirm. Telegram's getUpdates `offset` confirms every
 * update below it, for good, so it may only pass an update once that update's handler is
 * done: the offset is the id of the oldest update still being handled, or one past the
 * newest update fetched when none is. A getUpdates from that offset returns the unfinished
 * updates again; `admit` keeps only those never fetched before.
 */
import type { Update } from 'grammy/types';

export interface UpdateOffset {
  /** Of a getUpdates answer, the updates not fetched before; they count as being handled. */
  admit(updates: readonly Update[]): Update[];
  /** The update's handler is done (or given up on). Idempotent. */
  settle(updateId: number): void;
  /** The offset to send: confirms exactly the updates handled so far, in order. */
  offset(): number;
  /** Updates admitted and not settled. */
  active(): number;
  /** Resolves once no update is being handled. */
  idle(): Promise<void>;
  /** Resolves when the offset next moves on (the oldest update being handled ends). */
  advanced(): Promise<void>;
}

interface Spell {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
}

function newSpell(): Spell {
  const handlers: { resolve?: () => void } = {};
  const promise = new Promise<void>((r) => (handlers.resolve = r));
  return { promise, resolve: () => handlers.resolve?.() };
}

export function createUpdateOffset(): UpdateOffset {
  // Admitted in increasing id order, so the Set's first entry is always the oldest.
  const handling = new Set<number>();
  let newest = 0;
  // One promise per awaited event, however many wait on it.
  let idle: Spell | undefined;
  let advance: Spell | undefined;
  return {
    admit(updates) {
      const fresh = updates.filter((u) => u.update_id > newest);
      for (const u of fresh) {
        handling.add(u.update_id);
        newest = u.update_id;
      }
      return fresh;
    },
    settle(updateId) {
      const oldest = handling.values().next().value === updateId;
      if (!handling.delete(updateId)) return;
      if (oldest) {
        advance?.resolve();
        advance = undefined;
      }
      if (handling.size > 0) return;
      idle?.resolve();
      idle = undefined;
    },
    offset() {
      const oldest = handling.values().next();
      return oldest.done ? (newest > 0 ? newest + 1 : 0) : oldest.value;
    },
    active: () => handling.size,
    idle() {
      if (handling.size === 0) return Promise.resolve();
      idle ??= newSpell();
      return idle.promise;
    },
    advanced() {
      if (handling.size === 0) return Promise.resolve();
      advance ??= newSpell();
      return advance.promise;
    },
  };
}
