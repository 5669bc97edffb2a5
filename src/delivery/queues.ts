/**
 * The delivery queues (BullMQ): one fan-out queue (one job per article or broadcast) and
 * one send queue (one small job per chat), whose worker limiter is the global rate limit.
 * Job data is kept tiny (ids only) so that 100,000 queued sends stay cheap in Redis;
 * the per-chat HTML is rendered at send time.
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { ArticleId, BroadcastId, TopicId } from '../core/ids.js';

export const FANOUT_QUEUE = 'fanout';
export const SEND_QUEUE = 'send';

/** BullMQ priorities: a lower number is served first. Breaking news beats alerts, alerts beat digests. */
export const LANE = { broadcast: 1, alert: 2, digest: 3 } as const;

/**
 * A fan-out job's data; `ti`/`cur` are the resumable position (topic index, store cursor),
 * `q` sends queued so far, `done` set once the walk finished (a re-run then only finalizes).
 */
export type FanoutJob =
  | { readonly k: 'a'; readonly id: ArticleId; readonly topics: readonly TopicId[]; ti: number; cur: string; q: number; done?: boolean }
  | { readonly k: 'b'; readonly id: BroadcastId; ti: number; cur: string; q: number; done?: boolean };

/**
 * A send job's data. `k`: a = article alert, b = broadcast copy, d = held/digest bucket due at `t` (epoch ms).
 * `c` is the chat id. Nothing else: the article and the chat are read at send time.
 */
export type SendJob =
  | { readonly k: 'a'; readonly id: ArticleId; readonly c: number }
  | { readonly k: 'b'; readonly id: BroadcastId; readonly c: number }
  | { readonly k: 'd'; readonly t: number; readonly c: number };

/** Deterministic job ids (BullMQ ignores an add whose id exists; ids may not contain ':'). */
export const jobIds = {
  fanoutArticle: (id: ArticleId): string => `fa_${id}`,
  fanoutBroadcast: (id: BroadcastId): string => `fb_${id}`,
  send: (job: SendJob): string => (job.k === 'd' ? `d_${job.c}_${job.t}` : `${job.k}_${job.id}_${job.c}`),
};

/** Fan-out jobs are kept 48 h after completion so that re-queuing the same article is a no-op (dedup window). */
export const FANOUT_JOB_OPTIONS: JobsOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 48 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Sends retry 5xx/network errors with backoff; finished send jobs are dropped (the sent ledger remembers). */
export const SEND_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export interface DeliveryQueues {
  readonly fanout: Queue<FanoutJob, unknown, string>;
  readonly send: Queue<SendJob, unknown, string>;
  close(): Promise<void>;
}

/** Builds both queues on `connection` under the Redis `prefix` (BullMQ's own prefix option, no ioredis keyPrefix). */
export function createQueues(connection: ConnectionOptions, prefix: string): DeliveryQueues {
  const fanout = new Queue<FanoutJob, unknown, string>(FANOUT_QUEUE, { connection, prefix, defaultJobOptions: FANOUT_JOB_OPTIONS });
  const send = new Queue<SendJob, unknown, string>(SEND_QUEUE, { connection, prefix, defaultJobOptions: SEND_JOB_OPTIONS });
  // Queue connection errors surface on the callers' promises; the listener stops an unhandled 'error' event.
  fanout.on('error', () => undefined);
  send.on('error', () => undefined);
  return {
    fanout,
    send,
    close: async () => {
      await Promise.all([fanout.close(), send.close()]);
    },
  };
}
