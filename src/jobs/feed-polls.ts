/**
 * Polls feeds on workers: the BullMQ worker of the feed-polls queue (feed-schedules.ts).
 * A feed's scheduler fires every interval; the poll runs only if the feed is still there,
 * not paused, and due by its health (after errors pollFeed pushes `nextPollAt` out, so a
 * failing feed backs off by skipping ticks). The sync job keeps the schedulers matching the store.
 */
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { FeedId } from '../core/ids.js';
import { pollFeed, type PollFeedDeps, type PollOutcome } from '../sources/poll-feed.js';
import { FEED_POLLS_QUEUE, POLL_JOB, SYNC_JOB, type FeedSchedules, type PollJob } from './feed-schedules.js';

/** How often one worker re-reads the store to pick up feeds changed by another process. */
export const SYNC_EVERY_MS = 60_000;

export interface FeedPollsDeps extends PollFeedDeps {
  readonly schedules: FeedSchedules;
  readonly connection: ConnectionOptions;
  readonly prefix: string;
  /** Feeds fetched at the same time by this process. Default 4. */
  readonly concurrency?: number;
}

export interface FeedPollsStatus {
  readonly ok: boolean;
  readonly detail: { readonly running: boolean; readonly lastSyncAt?: number; readonly lastSyncError?: string };
}

export interface FeedPolls {
  /**
   * The job's work: polls the feed if it is due. Undefined when there was nothing to do
   * (removed, paused, or backing off). Tests call it directly, as BullMQ would at a tick.
   */
  pollIfDue(id: FeedId): Promise<PollOutcome | undefined>;
  /** Syncs the schedulers once, schedules the periodic sync, and starts taking poll jobs. */
  start(): Promise<void>;
  /** Stops taking jobs; polls in flight finish. */
  stop(): Promise<void>;
  /** For /healthz. */
  status(): FeedPollsStatus;
}

export function createFeedPolls(deps: FeedPollsDeps): FeedPolls {
  let worker: Worker<PollJob | Record<string, never>> | undefined;
  let lastSyncAt: number | undefined;
  let lastSyncError: string | undefined;

  async function pollIfDue(id: FeedId): Promise<PollOutcome | undefined> {
    const feed = await deps.feeds.get(id);
    if (!feed || feed.paused) {
      // Gone or paused since the scheduler was made: stop producing its jobs.
      await deps.schedules.follow(id);
      return undefined;
    }
    const { nextPollAt } = await deps.feeds.health(id);
    const now = deps.clock().getTime();
    // A tick fires about one interval after the last poll, give or take the queue's timing:
    // "due" allows half an interval of slack, so a tick a moment early is not skipped.
    if ((nextPollAt ?? 0) - now > (feed.intervalSec * 1000) / 2) return undefined;
    return pollFeed(feed, deps);
  }

  async function sync(): Promise<void> {
    try {
      const changed = await deps.schedules.sync();
      if (changed.added + changed.removed > 0) deps.logger.info(changed, 'feed schedules synced');
      lastSyncError = undefined;
    } catch (e) {
      lastSyncError = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      lastSyncAt = deps.clock().getTime();
    }
  }

  async function handle(job: Job<PollJob | Record<string, never>>): Promise<unknown> {
    if (job.name === SYNC_JOB) return sync();
    if (job.name !== POLL_JOB || !('feedId' in job.data)) return undefined;
    const { feedId } = job.data;
    try {
      return await pollIfDue(feedId);
    } catch (e) {
      // The store is unreachable: the next tick tries again (a failed poll job is not retried).
      deps.logger.error({ err: e, feed: feedId }, 'feed poll crashed');
      throw e;
    }
  }

  return {
    pollIfDue,
    async start() {
      await sync().catch((err: unknown) => deps.logger.warn({ err }, 'feed schedules: first sync failed; the sync job retries'));
      await deps.schedules.scheduleSync(SYNC_EVERY_MS);
      worker = new Worker(FEED_POLLS_QUEUE, handle, { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency ?? 4 });
      worker.on('error', (err) => deps.logger.error({ err }, 'feed polls worker error'));
    },
    async stop() {
      await worker?.close();
      worker = undefined;
    },
    status() {
      const running = worker?.isRunning() ?? false;
      return {
        ok: running && lastSyncError === undefined,
        detail: { running, ...(lastSyncAt ? { lastSyncAt } : {}), ...(lastSyncError ? { lastSyncError } : {}) },
      };
    },
  };
}
