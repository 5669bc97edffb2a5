import type { Update } from 'grammy/types';
import { fail, success, type ApiReply } from './replies.js';

/** An update before Telegram numbers it. */
export type UpdateBody = Omit<Update, 'update_id'>;

// Telegram leaves these out unless allowed_updates names them.
const OPT_IN = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface Waiter {
  readonly limit: number;
  readonly finish: (reply: ApiReply) => void;
}

/** One long-poll request's view of getUpdates. */
export interface PollRequest {
  readonly offset?: number | undefined;
  readonly limit?: number | undefined;
  readonly timeoutSeconds?: number | undefined;
  readonly allowedUpdates?: readonly string[] | undefined;
  /** Aborted when the client goes away: the held request is dropped, its updates stay pending. */
  readonly signal: AbortSignal;
}

/**
 * One bot's update queue with getUpdates semantics: updates stay until a later call
 * confirms them with `offset`; a call with nothing to return is held up to `timeout`
 * seconds and answered as soon as an update arrives; a newer call ends an older held
 * one with 409 Conflict, as Telegram does.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private nextId = 1;
  private waiter: Waiter | undefined;
  private allowed: ReadonlySet<string> | undefined;

  /** Numbers and enqueues an update, answering a held getUpdates at once. */
  push(body: UpdateBody): Update {
    const update = { update_id: this.nextId++, ...body } as Update;
    this.pending.push(update);
    const waiter = this.waiter;
    if (waiter && this.isAllowed(update)) {
      this.waiter = undefined;
      waiter.finish(success(this.take(waiter.limit)));
    }
    return update;
  }

  /** Updates not yet confirmed by an offset. */
  get size(): number {
    return this.pending.length;
  }

  /** Ids of the updates not yet confirmed: what the next getUpdates (from the last offset) returns. */
  unconfirmedIds(): number[] {
    return this.pending.map((u) => u.update_id);
  }

  poll(request: PollRequest): Promise<ApiReply> {
    this.confirm(request.offset ?? 0);
    if (request.allowedUpdates && request.allowedUpdates.length > 0) this.allowed = new Set(request.allowedUpdates);
    else if (request.allowedUpdates) this.allowed = undefined;
    const limit = Math.min(Math.max(request.limit ?? 100, 1), 100);
    this.waiter?.finish(fail.conflictPolling());
    this.waiter = undefined;
    const ready = this.take(limit);
    const timeout = Math.max(request.timeoutSeconds ?? 0, 0);
    if (ready.length > 0 || timeout === 0 || request.signal.aborted) return Promise.resolve(success(ready));
    return new Promise((resolve) => {
      const done = (reply: ApiReply): void => {
        clearTimeout(timer);
        request.signal.removeEventListener('abort', onAbort);
        if (this.waiter === waiter) this.waiter = undefined;
        resolve(reply);
      };
      const waiter: Waiter = { limit, finish: done };
      const timer = setTimeout(() => done(success([])), timeout * 1000);
      const onAbort = (): void => done(success([]));
      request.signal.addEventListener('abort', onAbort);
      this.waiter = waiter;
    });
  }

  /** Ends a held request (server shutdown). */
  release(): void {
    this.waiter?.finish(success([]));
    this.waiter = undefined;
  }

  clear(): void {
    this.release();
    this.pending = [];
  }

  private confirm(offset: number): void {
    if (offset > 0) {
      let drop = 0;
      while (drop < this.pending.length && (this.pending[drop]?.update_id ?? 0) < offset) drop++;
      if (drop > 0) this.pending = this.pending.slice(drop);
    } else if (offset < 0) {
      this.pending = this.pending.slice(offset);
    }
  }

  private take(limit: number): Update[] {
    const out: Update[] = [];
    for (const update of this.pending) {
      if (out.length >= limit) break;
      if (this.isAllowed(update)) out.push(update);
    }
    return out;
  }

  private isAllowed(update: Update): boolean {
    const kind = Object.keys(update).find((k) => k !== 'update_id') ?? '';
    return this.allowed ? this.allowed.has(kind) : !OPT_IN.has(kind);
  }
}
