/**
 * Polls one feed once: conditional GET, parse, mark items seen, ingest the new ones,
 * record health. The first successful poll of a feed only marks its items seen, so adding
 * a feed never floods followers with its back catalogue.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Rejection } from '../core/article.js';
import type { FeedItem, ParsedFeed } from '../core/input.js';
import type { Result } from '../core/result.js';
import type { IngestService, IngestStatus } from '../delivery/ports.js';
import type { Logger } from '../logger.js';
import type { Feed, FeedHealth, FeedStore } from '../store/ports.js';
import { fetchFeed } from './fetch-feed.js';

/** `parseFeed` from the pipeline: bytes in the feed's declared encoding → items, or why not. */
export type FeedParser = (bytes: Uint8Array, contentType: string | undefined) => Result<ParsedFeed, Rejection>;

export interface PollFeedDeps {
  readonly feeds: FeedStore;
  readonly ingest: Pick<IngestService, 'ingest'>;
  readonly parseFeed: FeedParser;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  /** Default 15 s. */
  readonly timeoutMs?: number;
  /** Default 5 MB. */
  readonly maxBytes?: number;
}

export type PollOutcome =
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'error'; readonly reason: string }
  | { readonly kind: 'polled'; readonly first: boolean; readonly items: number; readonly fresh: number; readonly ingested: Partial<Record<IngestStatus, number>> };

/** Errors back off: the interval doubles per consecutive error, up to 6 h (or the interval, if longer). */
export function backoffMs(intervalSec: number, consecutiveErrors: number): number {
  const base = intervalSec * 1000;
  return Math.min(base * 2 ** Math.min(consecutiveErrors, 10), Math.max(base, 6 * 3600_000));
}

/** A stable key for an item: its guid, else its link, else its title; hashed (no feed text in Redis keys). */
export function itemKey(item: FeedItem): string | undefined {
  const id = item.guid?.trim() || item.link?.trim() || item.title?.trim();
  return id ? createHash('sha256').update(id).digest('base64url').slice(0, 22) : undefined;
}

/** Polls `feed` once. Resolves with what happened; throws only if the store itself is unreachable. */
export async function pollFeed(feed: Feed, deps: PollFeedDeps): Promise<PollOutcome> {
  const health = await deps.feeds.health(feed.id);
  const fetched = await fetchFeed(feed.url, {
    ...(health.etag ? { etag: health.etag } : {}),
    ...(health.lastModified ? { lastModified: health.lastModified } : {}),
    timeoutMs: deps.timeoutMs ?? 15_000,
    maxBytes: deps.maxBytes ?? 5 * 1024 * 1024,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const now = deps.clock().getTime();
  const succeeded = (extra: Partial<FeedHealth>): Partial<FeedHealth> => ({
    lastPollAt: now, lastSuccessAt: now, consecutiveErrors: 0, nextPollAt: now + feed.intervalSec * 1000, ...extra,
  });
  const failed = async (reason: string): Promise<PollOutcome> => {
    const errors = health.consecutiveErrors + 1;
    deps.logger.warn({ feed: feed.id, url: feed.url, reason, errors }, 'feed poll failed');
    await deps.feeds.recordPoll(feed.id, {
      lastPollAt: now, lastError: reason, lastErrorAt: now, consecutiveErrors: errors, nextPollAt: now + backoffMs(feed.intervalSec, errors),
    });
    return { kind: 'error', reason };
  };

  if (!fetched.ok) return failed(fetched.error);
  if (fetched.value.kind === 'not-modified') {
    await deps.feeds.recordPoll(feed.id, succeeded({}));
    return { kind: 'not-modified' };
  }
  const { bytes, contentType, etag, lastModified } = fetched.value;
  const parsed = deps.parseFeed(bytes, contentType);
  if (!parsed.ok) return failed(`unreadable feed: ${parsed.error.reason}`);

  const keyed = parsed.value.items.flatMap((item) => {
    const key = itemKey(item);
    return key ? [{ item, key }] : [];
  });
  const fresh = new Set(await deps.feeds.markSeen(feed.id, keyed.map((k) => k.key)));
  const first = health.lastSuccessAt === undefined;
  const ingested: Partial<Record<IngestStatus, number>> = {};
  if (!first) {
    // Feeds list newest first; alert in publication order.
    for (const { item } of keyed.filter((k) => fresh.has(k.key)).toReversed()) {
      const outcome = await deps.ingest.ingest({
        kind: 'feed-item', item, timeZone: feed.timeZone, outlet: feed.name, ...(item.link ? { url: item.link } : {}),
      });
      ingested[outcome.status] = (ingested[outcome.status] ?? 0) + 1;
    }
  }
  // A damaged document still counts as a success (its complete items were read); what was
  // lost shows as the feed's last error in /feeds.
  if (parsed.value.problem) deps.logger.warn({ feed: feed.id, url: feed.url, problem: parsed.value.problem }, 'feed partly unreadable');
  await deps.feeds.recordPoll(feed.id, succeeded({
    ...(parsed.value.problem ? { lastError: parsed.value.problem, lastErrorAt: now } : {}),
    itemsSeen: health.itemsSeen + fresh.size,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  }));
  deps.logger.info({ feed: feed.id, items: keyed.length, fresh: fresh.size, first, ingested }, 'feed polled');
  return { kind: 'polled', first, items: keyed.length, fresh: fresh.size, ingested };
}
