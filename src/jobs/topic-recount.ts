/**
 * Repairs topic follower counts on a BullMQ job scheduler (one run every RECOUNT_EVERY_MS,
 * taken by one worker). A follow or unfollow moves a topic's count after its one-slot script
 * (store/redis-subscription-store.ts); a crash between the two leaves the count one off. The count
 * only feeds displays (top topics, recipients estimates), never who gets an alert, so a periodic
 * recount from the follower sets is the repair.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { TopicId } from '../core/ids.js';
import type { Logger } from '../logger.js';

export const TOPIC_RECOUNT_QUEUE = 'topic-recount';
export const RECOUNT_EVERY_MS = 6 * 3600 * 1000;
const SCHEDULER = 'recount';

export interface TopicRecountDeps {
  /** Every topic that may have followers (catalogue and free keywords). */
  readonly topics: () => Promise<readonly TopicId[]>;
  /** Sets one topic's count from its follower sets; resolves to the count. */
  readonly recount: (topic: TopicId) => Promise<number>;
  readonly connection: ConnectionOptions;
  readonly prefix: string;
  readonly logger: Logger;
}

export interface TopicRecount {
  /** Recounts every topic now (the job's work; tests call it directly). */
  recountAll(): Promise<{ readonly topics: number; readonly followers: number }>;
  /** Schedules the periodic run (idempotent across processes) and starts taking its jobs. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createTopicRecount(deps: TopicRecountDeps): TopicRecount {
  const queue = new Queue(TOPIC_RECOUNT_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  let worker: Worker | undefined;

  async function recountAll(): Promise<{ topics: number; followers: number }> {
    const topics = await deps.topics();
    let followers = 0;
    // One topic at a time: each is a batch of SCARDs over its buckets, and this is background work.
    for (const topic of topics) followers += await deps.recount(topic);
    return { topics: topics.length, followers };
  }

  return {
    recountAll,
    async start() {
      await queue.upsertJobScheduler(SCHEDULER, { every: RECOUNT_EVERY_MS }, {
        name: SCHEDULER, data: {}, opts: { removeOnComplete: true, removeOnFail: 10 },
      });
      worker = new Worker(TOPIC_RECOUNT_QUEUE, async () => {
        const done = await recountAll();
        deps.logger.info(done, 'topic counts recounted');
        return done;
      }, { connection: deps.connection, prefix: deps.prefix, concurrency: 1 });
      worker.on('error', (err) => deps.logger.error({ err }, 'topic recount worker error'));
    },
    async stop() {
      await worker?.close();
      worker = undefined;
      await queue.close();
    },
  };
}
