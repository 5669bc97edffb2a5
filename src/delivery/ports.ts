/**
 * What the bot, the HTTP API and the feed polls may ask of ingest and delivery.
 * Implemented in src/delivery/ and wired in src/app/infra.ts.
 */
import type { ArticleWarning } from '../core/article.js';
import type { ArticleId, BroadcastId, ChatId } from '../core/ids.js';
import type { ArticleInput } from '../core/input.js';
import type { TopicMatch } from '../core/topic.js';
import type { PreparedArticle, StoryRef } from '../core/prepared.js';
import type { BroadcastAudience, DuplicateOf } from '../store/ports.js';

/** 'stale': stored, too old to alert; 'joined': stored as another outlet's account of a story that alerted already. */
export type IngestStatus = 'queued' | 'duplicate' | 'no-match' | 'rejected' | 'stale' | 'joined';

export interface IngestOutcome {
  readonly status: IngestStatus;
  /** For 'rejected': why, in words an API client can act on. */
  readonly reason?: string;
  readonly articleId?: ArticleId;
  readonly topics: readonly TopicMatch[];
  /** Chats the fan-out will consider (union of the matched topics' followers). */
  readonly recipients: number;
  readonly duplicateOf?: DuplicateOf;
  /** What the article was kept despite (an unreadable publication time …). */
  readonly warnings?: readonly ArticleWarning[];
  /** The story the article was filed under (its id is the first article's); `update`: it alerts as an update. */
  readonly story?: StoryRef;
}

export interface IngestOptions {
  /** Alert even a stale article or one joining a story (the admin's "send anyway"). */
  readonly force?: boolean;
}

export interface IngestService {
  /**
   * Parses, matches, stores and queues the fan-out. Resolves only once the article is
   * stored and its fan-out job is queued (an acknowledged article is never lost).
   * Rejects (throws) only on outages, e.g. Redis unreachable.
   */
  ingest(input: ArticleInput, options?: IngestOptions): Promise<IngestOutcome>;
  /** Runs the pipeline and counts the audience without storing or sending anything. */
  preview(input: ArticleInput): Promise<{ outcome: IngestOutcome; prepared?: PreparedArticle }>;
}

export interface BroadcastService {
  countAudience(audience: BroadcastAudience): Promise<number>;
  /** Queues the broadcast's fan-out in the breaking lane. Idempotent. */
  start(id: BroadcastId): Promise<void>;
  /** Stops what has not been sent yet. */
  cancel(id: BroadcastId): Promise<void>;
}

export interface QueueDepths {
  readonly waiting: number;
  readonly delayed: number;
  readonly active: number;
  readonly failed: number;
}

export interface DeliveryStats {
  queueDepths(): Promise<Record<'fanout' | 'send', QueueDepths>>;
  /** Messages sent in the last 60 s, divided by 60. */
  currentSendRate(): Promise<number>;
  /** Alerts (articles fanned out) and messages sent in the last 24 h. */
  last24h(): Promise<{ alerts: number; messages: number }>;
  lastErrors(limit: number): Promise<{ at: number; chatId?: ChatId; articleId?: ArticleId; message: string }[]>;
}

/** Hooks delivery calls so that metrics (Prometheus) can count without delivery knowing prom-client. */
export interface DeliveryMetrics {
  ingested(status: IngestStatus): void;
  sendFinished(outcome: 'sent' | 'failed' | 'blocked' | 'retried', latencyMs: number): void;
}

export const noMetrics: DeliveryMetrics = { ingested: () => undefined, sendFinished: () => undefined };
