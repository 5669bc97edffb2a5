/**
 * The send processor: one job = one chat's message (an alert, a broadcast copy, or a
 * held/digest bucket). Runs under the send queue's global limiter (all processes share it).
 *
 * Telegram outcomes (by error code, see telegram-errors.ts):
 * - 429 → queue.rateLimit(retry_after) then Worker.RateLimitError: every sender pauses, the job waits again;
 * - 403, or 400 for a chat that no longer exists → chat inactive with a reason (subscriptions kept);
 * - 400 migrate_to_chat_id → chats.migrate, then sent again to the new id;
 * - 5xx / network → retried with exponential backoff (moveToDelayed), up to SEND_MAX_TRIES tries;
 * - any other 400 → failed, logged with chat and article, not retried.
 * Every outcome is counted (ledger: per article/broadcast, rate, 24 h) and reported to DeliveryMetrics.
 */
import { DelayedError, RateLimitError, Worker, type Job } from 'bullmq';
import type { Clock } from '../core/clock.js';
import { asChatId, type ArticleId, type BroadcastId } from '../core/ids.js';
import type { ArticleStore, BroadcastStore, Chat, ChatStore, InactiveReason } from '../store/ports.js';
import type { Logger } from '../logger.js';
import { noMetrics, type DeliveryMetrics } from './ports.js';
import type { Ledger, Subject } from './ledger.js';
import type { Message, Sender } from './sender.js';
import { SEND_MAX_TRIES, type DeliveryQueues, type SendJob } from './queues.js';
import type { ComposeMessages } from './compose.js';

export interface SendDeps {
  readonly chats: ChatStore;
  readonly articles: ArticleStore;
  readonly broadcasts: BroadcastStore;
  readonly sender: Sender;
  readonly compose: ComposeMessages;
  readonly ledger: Ledger;
  readonly queues: Pick<DeliveryQueues, 'send'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: DeliveryMetrics;
  /** After every broadcast send is recorded (progress, and 'done' once all are accounted for). */
  readonly onBroadcastSent: (id: BroadcastId) => Promise<void>;
}

export type SendOutcome = 'sent' | 'failed' | 'blocked' | 'skipped';

/** 1 s, 2 s, 4 s … capped at 5 min, with ±20 % jitter so that retries do not come back together. */
const retryDelayMs = (tries: number): number => Math.min(300_000, 1000 * 2 ** (tries - 1)) * (0.8 + Math.random() * 0.4);

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

export function createSendProcessor(deps: SendDeps): (job: Job<SendJob>, token?: string) => Promise<SendOutcome> {
  const metrics = deps.metrics ?? noMetrics;

  const finish = async (d: SendJob, chat: number, outcome: 'sent' | 'failed' | 'blocked', started: number): Promise<SendOutcome> => {
    await deps.ledger.record(subjectOf(d), chat, outcome, deps.clock().getTime());
    metrics.sendFinished(outcome, Date.now() - started);
    if ('b' in d) await deps.onBroadcastSent(d.b);
    return outcome;
  };

  const deactivate = async (chat: Chat, reason: InactiveReason): Promise<void> => {
    await deps.chats.update(chat.id, { status: { kind: 'inactive', reason, since: deps.clock().getTime() } });
  };

  const fail = async (d: SendJob, chat: number, message: string): Promise<void> => {
    const articleId: ArticleId | undefined = 'a' in d ? d.a : undefined;
    deps.logger.warn({ chatId: chat, articleId, broadcastId: 'b' in d ? d.b : undefined, err: message }, 'send failed');
    await deps.ledger.error({ at: deps.clock().getTime(), chatId: asChatId(chat), ...(articleId ? { articleId } : {}), message });
  };

  /**
   * Sends every message to `chat`; follows one group → supergroup migration. A digest in several
   * parts that fails part-way is retried whole, so its first parts may arrive twice.
   */
  const deliver = async (job: Job<SendJob>, token: string | undefined, chat: Chat, messages: readonly Message[], started: number): Promise<SendOutcome> => {
    const d = job.data;
    let firstId: number | undefined;
    for (const message of messages) {
      const result = await deps.sender.send(chat.id, message);
      if (result.ok) {
        firstId ??= result.messageId;
        continue;
      }
      const f = result.failure;
      switch (f.kind) {
        case 'rate-limited':
          metrics.sendFinished('retried', Date.now() - started);
          await deps.queues.send.rateLimit(f.retryAfterMs);
          throw Worker.RateLimitError();
        case 'forbidden':
          await deactivate(chat, forbiddenReason(chat));
          return finish(d, chat.id, 'blocked', started);
        case 'migrated': {
          await deps.chats.migrate(chat.id, asChatId(f.to));
          const moved = await deps.chats.get(asChatId(f.to));
          if (!moved || moved.id === chat.id) return finish(d, chat.id, 'failed', started);
          return deliver(job, token, moved, messages, started);
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
          if (tries < SEND_MAX_TRIES && token) {
            metrics.sendFinished('retried', Date.now() - started);
            return retryLater(job, token);
          }
          await fail(d, chat.id, `gave up after ${tries} attempts: ${f.description}`);
          return finish(d, chat.id, 'failed', started);
        }
        case 'fatal':
          await fail(d, chat.id, f.description);
          return finish(d, chat.id, 'failed', started);
      }
    }
    const remembered = 'a' in d && firstId !== undefined ? deps.articles.rememberMessage(chat.id, firstId, d.a) : undefined;
    const [outcome] = await Promise.all([finish(d, chat.id, 'sent', started), remembered]);
    if ('t' in d) await deps.ledger.bucketDrop(chat.id, d.t);
    return outcome;
  };

  const attempt = async (job: Job<SendJob>, token: string | undefined): Promise<SendOutcome> => {
    const started = Date.now();
    const d = job.data;
    // One round trip for both: the time between the limiter admitting a job and its send stays short.
    const [already, chat] = await Promise.all([deps.ledger.wasSent(subjectOf(d), d.c), deps.chats.get(asChatId(d.c))]);
    if (already) return 'skipped';
    if (!chat || chat.status.kind !== 'active') return 'b' in d ? finish(d, d.c, 'blocked', started) : 'skipped';
    const messages = await deps.compose(d, chat);
    if (messages === undefined) return 'skipped';
    return deliver(job, token, chat, messages, started);
  };

  return async (job, token) => {
    try {
      return await attempt(job, token);
    } catch (e) {
      if (e instanceof DelayedError || e instanceof RateLimitError || !token || (job.data.n ?? 0) + 1 >= SEND_MAX_TRIES) throw e;
      // An outage or a bug mid-send (e.g. Redis timing out): send jobs carry no attempts option, so try again later.
      deps.logger.warn({ err: e, jobId: job.id }, 'send: will retry after an error');
      return retryLater(job, token);
    }
  };
}
