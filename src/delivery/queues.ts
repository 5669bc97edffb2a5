/**
 * The delivery queues (BullMQ): one fan-out queue (one job per article or broadcast) and
 * one send queue.
 *
 * Design: a send job carries a chunk of up to CHUNK chats (id `<subject>_k<chunk#>`), not one
 * chat: BullMQ's add and finish scripts cost ~50 µs of Redis time each per job, which made
 * 100,000 per-chat jobs too slow to enqueue and to work through at 1,000/s. Per-chat sent
 * markers make a retried or taken-over chunk skip the chats already sent. Single-chat jobs
 * remain for a chat's own retry after a transient error and for held/digest buckets.
 * Job data is kept tiny (ids only); the per-chat HTML is rendered at send time. The global
 * rate limit is not BullMQ's limiter but the shared pacer of rate-limit.ts.
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { ArticleId, BroadcastId, TopicId } from '../core/ids.js';

export const FANOUT_QUEUE = 'fanout';
export const SEND_QUEUE = 'send';

/**
 * Lanes. BullMQ serves its wait list before its prioritized set, so: breaking-news broadcasts
 * are pushed to the head of the wait list (lifo), alerts to its tail, digests go to the
 * prioritized set (served when no broadcast or alert waits). Plain wait-list adds are also the
 * cheapest kind of add, which matters for the 100,000-recipient fan-out.
 */
export type Lane = 'broadcast' | 'alert' | 'digest';
export const laneOptions = (lane: Lane): { lifo?: true; priority?: number } =>
  lane === 'broadcast' ? { lifo: true } : lane === 'digest' ? { priority: 1 } : {};

/**
 * A fan-out job's data; `ti`/`cur` are the resumable position (topic index, store cursor),
 * `q` sends queued so far, `pg` pages queued so far (numbers the chunks), `so` once the topics are
 * ordered largest first, `done` set once the walk finished (a re-run then only finalizes).
 */
export type FanoutJob =
  | { readonly k: 'a'; readonly id: ArticleId; readonly topics: readonly TopicId[]; ti: number; cur: string; q: number; pg?: number; so?: true; done?: boolean }
  | { readonly k: 'b'; readonly id: BroadcastId; ti: number; cur: string; q: number; pg?: number; done?: boolean };

/**
 * One chat's send (job name a, b or d): an article alert, a broadcast copy, or a held/digest
 * bucket due at `t` (epoch ms); `c` is the chat id; `n` counts transient failures so far.
 * Nothing else: the article and the chat are read at send time.
 */
export type ChatSend =
  | { readonly a: ArticleId; readonly c: number; readonly n?: number }
  | { readonly b: BroadcastId; readonly c: number; readonly n?: number }
  | { readonly t: number; readonly c: number; readonly n?: number };

/** A chunk of an article's or a broadcast's chats (`cs`); `n` counts retries of the whole chunk after errors. */
export type ChunkSend =
  | { readonly a: ArticleId; readonly cs: readonly number[]; readonly n?: number }
  | { readonly b: BroadcastId; readonly cs: readonly number[]; readonly n?: number };

export type SendJob = ChatSend | ChunkSend;

export const isChunk = (job: SendJob): job is ChunkSend => 'cs' in job;

/** The most chats one send job carries (50 ms of sends at 1,000/s). */
export const CHUNK = 50;

/**
 * Chats per send job at a send rate: about 0.2 s of sends, between 5 and CHUNK. A breaking
 * broadcast waits for the alert chunks already being sent (a few per process), so a chunk must
 * stay short at low rates: at 25/s, 50 chats would hold a broadcast back by seconds.
 */
export const chunkSizeFor = (ratePerSec: number): number => Math.min(CHUNK, Math.max(5, Math.ceil(ratePerSec / 5)));
/** Chunk numbers of a fan-out page are page · CHUNKS_PER_PAGE + i (a page never holds that many chunks). */
export const CHUNKS_PER_PAGE = 1000;

/**
 * Deterministic job ids (BullMQ ignores an add whose id exists; ids may not contain ':').
 * An article's part is its digest's first 16 characters, to keep the id (stored twice) short.
 */
export const jobIds = {
  fanoutArticle: (id: ArticleId): string => `fa_${id}`,
  fanoutBroadcast: (id: BroadcastId): string => `fb_${id}`,
  send: (job: ChatSend): string =>
    'a' in job ? `a_${job.a.slice(0, 16)}_${job.c}` : 'b' in job ? `b_${job.b}_${job.c}` : `d_${job.c}_${job.t}`,
  /** The `chunk`-th chunk of an article's or a broadcast's fan-out (numbered by the fan-out, resumably). */
  chunk: (subject: { readonly a: ArticleId } | { readonly b: BroadcastId }, chunk: number): string =>
    'a' in subject ? `a_${subject.a.slice(0, 16)}_k${chunk}` : `b_${subject.b}_k${chunk}`,
};

/** Fan-out retries: 0.5 s, 1 s, 2 s … capped at 30 s (BullMQ's exponential backoff has no cap: 20 tries of it spanned 3 days). */
export const FANOUT_ATTEMPTS = 20;
export const FANOUT_BACKOFF_CAP_MS = 30_000;
export const fanoutBackoffMs = (attemptsMade: number): number => Math.min(FANOUT_BACKOFF_CAP_MS, 500 * 2 ** Math.max(0, attemptsMade - 1));
/** The name of that backoff (a Worker's `settings.backoffStrategy` computes it). */
export const FANOUT_BACKOFF = 'capped';

/**
 * Fan-out jobs are kept 7 days (the article's own lifetime) after completion, so that re-queuing the
 * same article (ingest of an article id already stored) stays a no-op for as long as the article is
 * known: the sent markers are far shorter-lived than that (ledger.ts) and could not stop a second fan-out.
 */
export const FANOUT_JOB_OPTIONS: JobsOptions = {
  attempts: FANOUT_ATTEMPTS,
  backoff: { type: FANOUT_BACKOFF },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Send jobs carry no per-job options beyond their id and lane (options are stored in every job):
 * retries are scheduled by the send processor itself (a chat's own delayed job, or moveToDelayed), and
 * finished jobs are dropped by the worker's removeOnComplete (the sent ledger remembers).
 */
export const SEND_MAX_TRIES = 8;
/** A send's n-th retry waits min(SEND_RETRY_CAP_MS, 1 s · 2^(n−1)), ± SEND_RETRY_JITTER of it. */
export const SEND_RETRY_CAP_MS = 300_000;
export const SEND_RETRY_JITTER = 0.2;
/** 1 s, 2 s, 4 s … capped at 5 min, with ±20 % jitter so that retries do not come back together. */
export const sendRetryDelayMs = (tries: number, random: () => number = Math.random): number =>
  Math.min(SEND_RETRY_CAP_MS, 1000 * 2 ** (tries - 1)) * (1 - SEND_RETRY_JITTER + random() * 2 * SEND_RETRY_JITTER);
export const SEND_WORKER_CLEANUP = { removeOnComplete: { count: 0 }, removeOnFail: { age: 7 * 24 * 3600, count: 10_000 } } as const;

/**
 * How long a worker's claim on a job lasts (BullMQ lockDuration), by default: with the options
 * below, a SIGKILLed process's jobs are taken over 4.5–8 s after it died (measured in the crash
 * test), where BullMQ's defaults (30 s lock, 30 s stall check) took 53–86 s.
 */
export const DEFAULT_JOB_LOCK_MS = 6000;

/**
 * BullMQ Worker lock options for a lock of `lockMs` (config.jobLockMs).
 *
 * Renewal: BullMQ's lock timer ticks every lockRenewTime/2 and extends the locks older than that,
 * so a live job's lock is renewed about every lockRenewTime (lockMs/4, not BullMQ's lockMs/2):
 * the process may stall for lockMs − lockMs/4 (4.5 s by default) without losing a lock. Renewal
 * runs on a timer, so a job that merely waits (the pacer, a 429's retry_after, a slow API call)
 * keeps its lock however long it waits; only a blocked event loop or a Redis outage that long
 * loses it (a worker that loses a lock stops starting new sends for that job: create-delivery.ts).
 *
 * Takeover: a dead process's lock runs out lockMs − lockMs/4 … lockMs after its last renewal, and
 * the next stall check (every stalledInterval, any live worker of the queue) moves the job back
 * to the head of the wait list: at most lockMs + stalledInterval ≈ 1.33 · lockMs after the crash.
 * stalledInterval must stay below lockMs: a check's marks are cleared by a renewal, so with
 * stalledInterval ≥ lockMs a job can need one more interval (BullMQ's 30 s/30 s took up to 86 s).
 *
 * maxStalledCount: a job whose process died is taken up again (not failed) even after several crashes.
 */
export const workerLockOptions = (lockMs: number) => ({
  lockDuration: lockMs,
  lockRenewTime: Math.round(lockMs / 4),
  stalledInterval: Math.round(lockMs / 3),
  maxStalledCount: 5,
}) as const;

export interface DeliveryQueues {
  readonly fanout: Queue<FanoutJob, unknown, string>;
  readonly send: Queue<SendJob, unknown, string>;
  close(): Promise<void>;
}

/** Builds both queues on `connection` under the Redis `prefix` (BullMQ's own prefix option, no ioredis keyPrefix). */
/**
 * The longest a job's chats can be tried again after one of its tries recorded a send, from the
 * retry and lock settings (ledger.ts keeps its sent markers this long plus a margin):
 * - a send job's retries (SEND_MAX_TRIES tries, every backoff at its longest, jitter included);
 * - takeovers after crashes: maxStalledCount + 1 of them, each ≤ lockMs + stalledInterval;
 * - the fan-out's retries, which re-queue the pages it was adding (chunks already sent come back).
 */
export function retryWindowMs(lockMs: number): number {
  let sends = 0;
  for (let n = 1; n < SEND_MAX_TRIES; n++) sends += sendRetryDelayMs(n, () => 1);
  const lock = workerLockOptions(lockMs);
  const takeovers = (lock.maxStalledCount + 1) * (lock.lockDuration + lock.stalledInterval);
  let fanout = 0;
  for (let n = 1; n < FANOUT_ATTEMPTS; n++) fanout += fanoutBackoffMs(n);
  return Math.ceil(sends + takeovers + fanout);
}

/** Builds both queues on `connection` under BullMQ prefix `prefix` (keys.bull: hash-tagged; no ioredis keyPrefix). */
export function createQueues(connection: ConnectionOptions, prefix: string): DeliveryQueues {
  const fanout = new Queue<FanoutJob, unknown, string>(FANOUT_QUEUE, { connection, prefix, defaultJobOptions: FANOUT_JOB_OPTIONS });
  // Nobody listens to the send queue's event stream: keep it short (it costs bytes per queued send).
  const send = new Queue<SendJob, unknown, string>(SEND_QUEUE, { connection, prefix, streams: { events: { maxLen: 1000 } } });
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
