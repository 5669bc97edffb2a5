/**
 * Which feeds are polled, as BullMQ job schedulers: one scheduler per active feed (id
 * `feed_<feedId>`, every `intervalSec`), none for a paused or removed feed. BullMQ hands each
 * job to one worker, so polls spread over every worker process and no lease is needed.
 *
 * The feed store is the truth; the schedulers follow it. `sync()` makes them match it (run at
 * worker start and by a scheduler of its own, so a change made by another process, the CLI
 * say, is picked up within a minute); `scheduledFeeds()` updates them at once for changes made
 * through a store it wraps (the bot's /feeds). An existing scheduler with the right interval
 * is left alone: upserting it again would move its next run (and poll at once).
 */
import { Queue, type ConnectionOptions } from 'bullmq';
import { asFeedId, type FeedId } from '../core/ids.js';
import type { Feed, FeedStore } from '../store/ports.js';

export const FEED_POLLS_QUEUE = 'feed-polls';
/** The job a feed's scheduler produces. */
export const POLL_JOB = 'poll';
/** The job of the scheduler that runs `sync()` on one worker now and then. */
export const SYNC_JOB = 'sync';
export const SYNC_SCHEDULER = 'feeds-sync';

export interface PollJob {
  readonly feedId: FeedId;
}

const FEED_SCHEDULER = 'feed_';
const schedulerIdOf = (id: FeedId): string => `${FEED_SCHEDULER}${id}`;

/** Finished poll jobs are not kept: the feed's health in the store is the record. */
const TEMPLATE_OPTIONS = { removeOnComplete: true, removeOnFail: { count: 100 } } as const;

export interface ScheduledFeed {
  readonly feedId: FeedId;
  readonly everyMs: number;
}

export interface FeedSchedules {
  /** Makes the schedulers match the store; resolves with what changed. */
  sync(): Promise<{ readonly added: number; readonly removed: number }>;
  /** Schedules (or reschedules) one feed as the store has it now. */
  follow(id: FeedId): Promise<void>;
  /** Every feed scheduler, in feed-id order. */
  scheduled(): Promise<ScheduledFeed[]>;
  /** Runs `sync()` on one worker every `everyMs` (idempotent across processes). */
  scheduleSync(everyMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface FeedSchedulesDeps {
  readonly feeds: Pick<FeedStore, 'list' | 'get'>;
  /** BullMQ connection options (infra's, the same as delivery's queues). */
  readonly connection: ConnectionOptions;
  /** BullMQ prefix (config.redisPrefix). */
  readonly prefix: string;
}

export function createFeedSchedules(deps: FeedSchedulesDeps): FeedSchedules {
  const queue = new Queue<PollJob | Record<string, never>>(FEED_POLLS_QUEUE, { connection: deps.connection, prefix: deps.prefix });

  async function scheduled(): Promise<ScheduledFeed[]> {
    const all = await queue.getJobSchedulers(0, -1, true);
    return all
      .filter((s) => s.key.startsWith(FEED_SCHEDULER) && s.every !== undefined)
      .map((s) => ({ feedId: asFeedId(s.key.slice(FEED_SCHEDULER.length)), everyMs: Number(s.every) }))
      .toSorted((a, b) => a.feedId.localeCompare(b.feedId));
  }

  const upsert = (feed: Feed) =>
    queue.upsertJobScheduler(schedulerIdOf(feed.id), { every: feed.intervalSec * 1000 }, {
      name: POLL_JOB, data: { feedId: feed.id }, opts: TEMPLATE_OPTIONS,
    });

  return {
    scheduled,
    async sync() {
      const [feeds, existing] = await Promise.all([deps.feeds.list(), scheduled()]);
      const wanted = new Map(feeds.filter((f) => !f.paused).map((f) => [f.id, f]));
      const have = new Map(existing.map((s) => [s.feedId, s.everyMs]));
      let added = 0;
      let removed = 0;
      for (const feed of wanted.values()) {
        if (have.get(feed.id) === feed.intervalSec * 1000) continue;
        await upsert(feed);
        added += 1;
      }
      for (const id of have.keys()) {
        if (wanted.has(id)) continue;
        await queue.removeJobScheduler(schedulerIdOf(id));
        removed += 1;
      }
      return { added, removed };
    },
    async follow(id) {
      const feed = await deps.feeds.get(id);
      if (!feed || feed.paused) {
        await queue.removeJobScheduler(schedulerIdOf(id));
        return;
      }
      const current = await queue.getJobScheduler(schedulerIdOf(id));
      if (Number(current?.every) !== feed.intervalSec * 1000) await upsert(feed);
    },
    async scheduleSync(everyMs) {
      const current = await queue.getJobScheduler(SYNC_SCHEDULER);
      if (Number(current?.every) === everyMs) return;
      await queue.upsertJobScheduler(SYNC_SCHEDULER, { every: everyMs }, { name: SYNC_JOB, data: {}, opts: TEMPLATE_OPTIONS });
    },
    close: () => queue.close(),
  };
}

/**
 * The feed store, with each change made through it followed by the schedulers at once. A
 * failure to reschedule is logged, never the caller's error: the next `sync()` repairs it.
 */
export function scheduledFeeds(feeds: FeedStore, schedules: Pick<FeedSchedules, 'follow'>, onError: (err: unknown, id: FeedId) => void): FeedStore {
  const follow = (id: FeedId): Promise<void> => schedules.follow(id).catch((err: unknown) => onError(err, id));
  return {
    ...feeds,
    async add(feed) {
      const added = await feeds.add(feed);
      await follow(added.id);
      return added;
    },
    async remove(id) {
      const removed = await feeds.remove(id);
      await follow(id);
      return removed;
    },
    async setPaused(id, paused) {
      const feed = await feeds.setPaused(id, paused);
      await follow(id);
      return feed;
    },
  };
}
