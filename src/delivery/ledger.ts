/**
 * The delivery ledger in Redis: sent markers, per-article and per-broadcast counters,
 * send-rate and 24 h statistics, the last errors, and the held/digest buckets.
 *
 * Sent marker (at-least-once): the marker is a SET of chat ids per article/broadcast/bucket,
 * checked before sending and written only AFTER the chat's outcome is final (Telegram accepted
 * the message, or refused it for good: failed/blocked chats are marked too, so a retried chunk
 * neither resends nor counts them twice). A crash between Telegram's answer and the SADD is the
 * only window in which a chat can get the same message twice; writing it before the send would
 * instead lose messages on a crash.
 *
 * How long a marker lives (markerTtlSec): as long as a job holding its chats can still be tried
 * again, plus a margin — not days (at 1,000 msg/s, 8-day markers grew Redis by ~4 GB a day). The
 * TTL is refreshed by every send recorded for the subject, and is queues.ts retryWindowMs (every
 * send retry at its longest backoff, six takeovers after crashes, the fan-out's capped retries:
 * ~10 min with the default 6 s lock) plus MARKER_MARGIN_SEC (1 h) for a retried job waiting behind
 * others in the send queue. The guarantee kept: a chunk tried again within that TTL of its subject's
 * last recorded send skips every chat already recorded (no duplicate); only a retried chunk that
 * waits behind more than an hour of other sends (90,000 at 25/s, 3.6 M at 1,000/s) could repeat
 * the chats its earlier try reached. Re-ingesting a stored article does not rely on markers: its
 * fan-out job id is kept as long as the article (queues.ts FANOUT_JOB_OPTIONS).
 *
 * Slots (Redis Cluster): a subject's marker and counters share its hash tag (one script call);
 * the send-rate and hourly statistics share theirs (a second one, only for messages sent).
 */
import type { RedisClient } from '../store/redis-connection.js';
import type { ArticleId, BroadcastId, ChatId } from '../core/ids.js';
import type { Keys } from '../store/keys.js';
import { createScript } from '../store/lua-script.js';
import { DEFAULT_JOB_LOCK_MS, retryWindowMs } from './queues.js';

export type Outcome = 'sent' | 'failed' | 'blocked';
export type Subject = { readonly k: 'a'; readonly id: ArticleId } | { readonly k: 'b'; readonly id: BroadcastId } | { readonly k: 'd'; readonly t: number };

/** Beyond the retry window: a retried job waiting behind others in the send queue. */
export const MARKER_MARGIN_SEC = 3600;
/** How long a sent marker outlives its subject's last recorded send, for a job lock of `lockMs`. */
export const markerTtlSec = (lockMs: number = DEFAULT_JOB_LOCK_MS): number => Math.ceil(retryWindowMs(lockMs) / 1000) + MARKER_MARGIN_SEC;
/** Counters and held buckets are read by /stats and digests for days: they keep their 8 days (a few keys per article, not per send). */
const COUNTERS_TTL_SEC = 8 * 24 * 3600;
const HOUR_TTL_SEC = 26 * 3600;
const ERRORS_KEPT = 100;

export interface LedgerError {
  readonly at: number;
  readonly chatId?: ChatId;
  readonly articleId?: ArticleId;
  readonly message: string;
}

export interface Ledger {
  wasSent(subject: Subject, chat: number): Promise<boolean>;
  /** wasSent for several chats in one round trip (in the order given). */
  sentAmong(subject: Subject, chats: readonly number[]): Promise<boolean[]>;
  /** Records one finished send: marker, counters, rate and hourly stats (when sent), in one script call. */
  record(subject: Subject, chat: number, outcome: Outcome, now: number): Promise<void>;
  /** Adds `n` to the subject's queued counter (and, for a broadcast, sets total when `total` is given). */
  queued(subject: Subject, n: number): Promise<void>;
  /** The broadcast's audience size before fan-out (progress shows it until the exact total is known). */
  setBroadcastTotal(id: BroadcastId, total: number): Promise<void>;
  /** The fan-out finished: `total` sends were queued. */
  broadcastPlanned(id: BroadcastId, total: number): Promise<void>;
  /** Whether every planned send of a broadcast has an outcome. */
  broadcastSettled(id: BroadcastId): Promise<boolean>;
  articleCounters(id: ArticleId): Promise<Record<'queued' | Outcome, number>>;
  /** Counts an article whose fan-out finished (alerts in the last 24 h). */
  alertFannedOut(now: number): Promise<void>;
  error(entry: LedgerError): Promise<void>;
  lastErrors(limit: number): Promise<LedgerError[]>;
  sentInLast(seconds: number, now: number): Promise<number>;
  last24h(now: number): Promise<{ alerts: number; messages: number }>;
  /** Puts an article in a chat's bucket due at `due` (held by quiet hours, or a digest). */
  bucketAdd(chat: number, due: number, article: ArticleId): Promise<void>;
  bucketRead(chat: number, due: number): Promise<ArticleId[]>;
  bucketDrop(chat: number, due: number): Promise<void>;
}

const toNumber = (v: string | null | undefined): number => (v ? Number(v) : 0);

// KEYS: marker[, counters] (one slot: the subject's tag); ARGV: chat, outcome, marker ttl, counters ttl.
// One command per finished send (a MULTI of eight cost the worker a tenth of its CPU at 1,000/s).
const RECORD = `
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
if KEYS[2] then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
return 1
`;

// KEYS: rate second, hour stats (one slot: the {d} tag); ARGV: hour ttl. A message went out.
const COUNT_SENT = `
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], 120)
redis.call('HINCRBY', KEYS[2], 'messages', 1)
redis.call('EXPIRE', KEYS[2], ARGV[1])
return 1
`;

export interface LedgerOptions {
  /** config.jobLockMs: the sent markers' TTL follows from it (markerTtlSec). */
  readonly lockMs?: number;
}

export function createLedger(redis: RedisClient, keys: Keys, options: LedgerOptions = {}): Ledger {
  const recordScript = createScript(redis, RECORD);
  const countSent = createScript(redis, COUNT_SENT);
  const MARKER_TTL_SEC = markerTtlSec(options.lockMs);
  const markerKey = (s: Subject): string => (s.k === 'a' ? keys.sentArticle(s.id) : s.k === 'b' ? keys.sentBroadcast(s.id) : keys.sentBucket(s.t));
  const countersKey = (s: Subject): string | undefined =>
    s.k === 'a' ? keys.articleCounters(s.id) : s.k === 'b' ? keys.broadcastCounters(s.id) : undefined;

  return {
    wasSent: async (s, chat) => (await redis.sismember(markerKey(s), String(chat))) === 1,
    sentAmong: async (s, chats) => (chats.length === 0 ? [] : (await redis.smismember(markerKey(s), ...chats.map(String))).map((v) => v === 1)),
    async record(s, chat, outcome, now) {
      const counters = countersKey(s);
      await Promise.all([
        recordScript([markerKey(s), ...(counters ? [counters] : [])], [chat, outcome, MARKER_TTL_SEC, COUNTERS_TTL_SEC]),
        outcome === 'sent' ? countSent([keys.rateSecond(Math.floor(now / 1000)), keys.hourStats(Math.floor(now / 3_600_000))], [HOUR_TTL_SEC]) : undefined,
      ]);
    },
    async queued(s, n) {
      const counters = countersKey(s);
      if (counters && n > 0) await redis.multi().hincrby(counters, 'queued', n).expire(counters, COUNTERS_TTL_SEC).exec();
    },
    async setBroadcastTotal(id, total) {
      await redis.hset(keys.broadcastCounters(id), 'total', total);
    },
    async broadcastPlanned(id, total) {
      await redis.hset(keys.broadcastCounters(id), 'total', total, 'planned', 1);
    },
    async broadcastSettled(id) {
      const [planned, total, sent, failed, blocked] = await redis.hmget(keys.broadcastCounters(id), 'planned', 'total', 'sent', 'failed', 'blocked');
      return planned === '1' && toNumber(sent) + toNumber(failed) + toNumber(blocked) >= toNumber(total);
    },
    async articleCounters(id) {
      const [queued, sent, failed, blocked] = await redis.hmget(keys.articleCounters(id), 'queued', 'sent', 'failed', 'blocked');
      return { queued: toNumber(queued), sent: toNumber(sent), failed: toNumber(failed), blocked: toNumber(blocked) };
    },
    async alertFannedOut(now) {
      const hour = keys.hourStats(Math.floor(now / 3_600_000));
      await redis.multi().hincrby(hour, 'alerts', 1).expire(hour, HOUR_TTL_SEC).exec();
    },
    async error(entry) {
      await redis.multi().lpush(keys.deliveryErrors(), JSON.stringify(entry)).ltrim(keys.deliveryErrors(), 0, ERRORS_KEPT - 1).exec();
    },
    async lastErrors(limit) {
      const raw = await redis.lrange(keys.deliveryErrors(), 0, Math.max(0, limit - 1));
      return raw.map((r) => JSON.parse(r) as LedgerError);
    },
    async sentInLast(seconds, now) {
      const end = Math.floor(now / 1000);
      const secs = Array.from({ length: seconds }, (_, i) => keys.rateSecond(end - i));
      const values = await redis.mget(...secs);
      return values.reduce((sum, v) => sum + toNumber(v), 0);
    },
    async last24h(now) {
      const hour = Math.floor(now / 3_600_000);
      const m = redis.multi();
      for (let i = 0; i < 24; i++) m.hmget(keys.hourStats(hour - i), 'alerts', 'messages');
      const rows = (await m.exec()) ?? [];
      let alerts = 0;
      let messages = 0;
      for (const [, v] of rows) {
        const [a, msgs] = (v ?? []) as (string | null)[];
        alerts += toNumber(a);
        messages += toNumber(msgs);
      }
      return { alerts, messages };
    },
    async bucketAdd(chat, due, article) {
      const key = keys.bucket(chat, due);
      await redis.multi().sadd(key, article).expire(key, COUNTERS_TTL_SEC).exec();
    },
    bucketRead: async (chat, due) => (await redis.smembers(keys.bucket(chat, due))) as ArticleId[],
    async bucketDrop(chat, due) {
      await redis.unlink(keys.bucket(chat, due));
    },
  };
}
