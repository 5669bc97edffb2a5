/**
 * The send processor: a job is a chunk of an article's or broadcast's chats, or one chat's
 * message (a retry, or a held/digest bucket). Every send waits for a slot of the global pacer
 * (rate-limit.ts, shared by all processes) and for one of this process's `concurrency` send
 * slots (which also bounds the sends a crash can leave in flight).
 *
 * A chunk reads its chats and their sent markers in two round trips, sends to them in
 * parallel, and records each outcome (marker, counters, stats) right after its send.
 *
 * Telegram outcomes (by error code, see telegram-errors.ts):
 * - 429 → pacer.pause(retry_after): every sender pauses; this chat waits for a new slot;
 * - 403, or 400 for a chat that no longer exists → chat inactive with a reason (subscriptions kept);
 * - 400 migrate_to_chat_id → chats.migrate, then sent again to the new id;
 * - 5xx / network → retried with exponential backoff, up to SEND_MAX_TRIES tries (a chunk's chat
 *   gets a single-chat delayed job; a single-chat job is moved to delayed);
 * - any other 400 → failed, logged with chat and article, not retried.
 * An unexpected error (Redis down) retries the whole job later; its markers skip the chats done.
 * A job whose lock was lost (its abort signal) starts no further chat: the worker that takes the
 * job over sends them, and the sends already under way here finish and record their markers.
 */
import { DelayedError, type Job } from 'bullmq';
import type { Clock } from '../core/clock.js';
import { asChatId, type ArticleId, type BroadcastId } from '../core/ids.js';
import type { ArticleStore, BroadcastStore, Chat, ChatStore, InactiveReason } from '../store/ports.js';
import type { Logger } from '../logger.js';
import { noMetrics, type DeliveryMetrics } from './ports.js';
import type { Ledger, Subject } from './ledger.js';
import type { Message, Sender, SendResult } from './sender.js';
import { isChunk, jobIds, laneOptions, SEND_MAX_TRIES, sendRetryDelayMs, type ChatSend, type DeliveryQueues, type SendJob } from './queues.js';
import type { ComposeMessages } from './compose.js';
import type { SendPacer } from './rate-limit.js';
import { createSemaphore } from './semaphore.js';

export interface SendDeps {
  readonly chats: ChatStore;
  readonly articles: ArticleStore;
  readonly broadcasts: BroadcastStore;
  readonly sender: Sender;
  readonly compose: ComposeMessages;
  readonly ledger: Ledger;
  readonly queues: Pick<DeliveryQueues, 'send'>;
  readonly pacer: SendPacer;
  /** Sends in flight at once in this process. */
  readonly concurrency: number;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: DeliveryMetrics;
  /** After a broadcast's sends are recorded (progress, and 'done' once all are accounted for). */
  readonly onBroadcastSent: (id: BroadcastId) => Promise<void>;
}

export type SendOutcome = 'sent' | 'failed' | 'blocked' | 'skipped' | 'retry';

const retryDelayMs = (tries: number): number => sendRetryDelayMs(tries);

const subjectOf = (d: SendJob): Subject => ('a' in d ? { k: 'a', id: d.a } : 'b' in d ? { k: 'b', id: d.b } : { k: 'd', t: d.t });

/**
 * Schedules the job again after a backoff (moveToDelayed + DelayedError), counting the try in
 * its data: send jobs carry no per-job attempts/backoff options, whose bytes every queued job would store.
 */
async function retryLater(job: Job<SendJob>, token: string): Promise<never> {
  const tries = (job.data.n ?? 0) + 1;
  await job.updateData({ ...job.data, n: tries });
  await job.moveToDelayed(Date.now() + retryDelayMs(tries), token);
  throw new DelayedError();
}

/** A 403 says the chat refuses the bot; which word fits depends on the chat's type, not on the error text. */
const forbiddenReason = (chat: Chat): InactiveReason => (chat.type === 'private' ? 'blocked' : 'kicked');

export function createSendProcessor(
  deps: SendDeps,
): (job: Job<SendJob>, token?: string, signal?: AbortSignal) => Promise<SendOutcome | { chats: number }> {
  const metrics = deps.metrics ?? noMetrics;
  const slots = createSemaphore(deps.concurrency);

  const finish = async (d: ChatSend, chat: number, outcome: 'sent' | 'failed' | 'blocked', started: number): Promise<SendOutcome> => {
    await deps.ledger.record(subjectOf(d), chat, outcome, deps.clock().getTime());
    metrics.sendFinished(outcome, Date.now() - started);
    return outcome;
  };

  const deactivate = async (chat: Chat, reason: InactiveReason): Promise<void> => {
    await deps.chats.update(chat.id, { status: { kind: 'inactive', reason, since: deps.clock().getTime() } });
  };

  const fail = async (d: ChatSend, chat: number, message: string): Promise<void> => {
    const articleId: ArticleId | undefined = 'a' in d ? d.a : undefined;
    deps.logger.warn({ chatId: chat, articleId, broadcastId: 'b' in d ? d.b : undefined, err: message }, 'send failed');
    await deps.ledger.error({ at: deps.clock().getTime(), chatId: asChatId(chat), ...(articleId ? { articleId } : {}), message });
  };

  /** One message through the pacer; a 429 pauses every sender and the message waits for a new slot. */
  const paced = async (chat: number, message: Message, started: number): Promise<SendResult> => {
    for (;;) {
      await deps.pacer.acquire();
      const result = await deps.sender.send(chat, message);
      if (result.ok || result.failure.kind !== 'rate-limited') return result;
      metrics.sendFinished('retried', Date.now() - started);
      await deps.pacer.pause(result.failure.retryAfterMs);
    }
  };

  /**
   * Sends every message to `chat`; follows one group → supergroup migration. A digest in several
   * parts that fails part-way is retried whole, so its first parts may arrive twice.
   * `retry(tries)` schedules this chat's send again after a transient failure.
   */
  const deliver = async (d: ChatSend, chat: Chat, messages: readonly Message[], started: number, retry: () => Promise<void>): Promise<SendOutcome> => {
    for (const message of messages) {
      const result = await paced(chat.id, message, started);
      if (result.ok) continue;
      const f = result.failure;
      switch (f.kind) {
        case 'rate-limited':
          throw new Error('unreachable: paced() retries 429s');
        case 'forbidden':
          await deactivate(chat, forbiddenReason(chat));
          return finish(d, chat.id, 'blocked', started);
        case 'migrated': {
          await deps.chats.migrate(chat.id, asChatId(f.to));
          const moved = await deps.chats.get(asChatId(f.to));
          if (!moved || moved.id === chat.id) return finish(d, chat.id, 'failed', started);
          return deliver(d, moved, messages, started, retry);
        }
        case 'bad-request':
          if (!(await deps.sender.chatExists(chat.id))) {
            await deactivate(chat, 'chat-not-found');
            return finish(d, chat.id, 'blocked', started);
          }
          await fail(d, chat.id, `refused by Telegram: ${f.description}`);
          return finish(d, chat.id, 'failed', started);
        case 'transient': {
          const tries = (d.n ?? 0) + 1;
          if (tries < SEND_MAX_TRIES) {
            metrics.sendFinished('retried', Date.now() - started);
            await retry();
            return 'retry';
          }
          await fail(d, chat.id, `gave up after ${tries} attempts: ${f.description}`);
          return finish(d, chat.id, 'failed', started);
        }
        case 'fatal':
          await fail(d, chat.id, f.description);
          return finish(d, chat.id, 'failed', started);
      }
    }
    const outcome = await finish(d, chat.id, 'sent', started);
    if ('t' in d) await deps.ledger.bucketDrop(chat.id, d.t);
    return outcome;
  };

  /** One chat whose marker and record were read already; holds a send slot throughout. */
  const one = (d: ChatSend, chat: Chat | undefined, retry: () => Promise<void>, signal: AbortSignal | undefined): Promise<SendOutcome> =>
    slots.run(async () => {
      signal?.throwIfAborted();
      const started = Date.now();
      if (!chat || chat.status.kind !== 'active') return 'b' in d ? finish(d, d.c, 'blocked', started) : 'skipped';
      // Composed after the chat's turn came: a broadcast cancelled meanwhile is not sent.
      const messages = await deps.compose(d, chat);
      if (messages === undefined) return 'skipped';
      return deliver(d, chat, messages, started, retry);
    });

  /** A chunk chat's transient failure: its own delayed single-chat job (the chunk goes on). */
  const retryChat = async (d: ChatSend): Promise<void> => {
    const next: ChatSend = { ...d, n: (d.n ?? 0) + 1 };
    const lane = laneOptions('b' in d ? 'broadcast' : 'alert');
    await deps.queues.send.add('b' in d ? 'b' : 'a', next, { jobId: jobIds.send(next), ...lane, delay: retryDelayMs(next.n ?? 1) });
  };

  const attempt = async (job: Job<SendJob>, token: string | undefined, signal: AbortSignal | undefined): Promise<SendOutcome | { chats: number }> => {
    const d = job.data;
    const subject = subjectOf(d);
    if (!isChunk(d)) {
      const [already, chat] = await Promise.all([deps.ledger.wasSent(subject, d.c), deps.chats.get(asChatId(d.c))]);
      if (already) return 'skipped';
      const outcome = await one(d, chat, async () => {
        if (!token) throw new Error('send: a transient failure, and no job token to retry with');
        await retryLater(job, token);
      }, signal);
      if ('b' in d) await deps.onBroadcastSent(d.b);
      return outcome;
    }
    const [done, chats] = await Promise.all([deps.ledger.sentAmong(subject, d.cs), deps.chats.getMany(d.cs.map(asChatId))]);
    const results = await Promise.allSettled(d.cs.map((c, i) => {
      if (done[i]) return Promise.resolve<SendOutcome>('skipped');
      const send: ChatSend = 'a' in d ? { a: d.a, c } : { b: d.b, c };
      return one(send, chats[i], () => retryChat(send), signal);
    }));
    if ('b' in d) await deps.onBroadcastSent(d.b);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return { chats: d.cs.length };
  };

  return async (job, token, signal) => {
    try {
      return await attempt(job, token, signal);
    } catch (e) {
      if (e instanceof DelayedError || signal?.aborted || !token || (job.data.n ?? 0) + 1 >= SEND_MAX_TRIES) throw e;
      // An outage or a bug mid-send (e.g. Redis timing out): send jobs carry no attempts option, so try again later.
      deps.logger.warn({ err: e, jobId: job.id }, 'send: will retry after an error');
      return retryLater(job, token);
    }
  };
}
