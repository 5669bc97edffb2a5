/**
 * The background work of roles `worker` and `all` (delivery's own workers are started by
 * delivery itself, in infra.ts): feed polls and the topic-count repair on BullMQ job schedulers, and the broadcast
 * progress reporter (one process at a time, by lease). Imports from src/bot only the view
 * of the progress message.
 */
import { progressView } from '../bot/features/admin/progress-view.js';
import { parseFeed } from '../core/parse/feed.js';
import type { CheckResult } from '../http/health.js';
import { createBroadcastProgress, type BroadcastProgress } from '../jobs/broadcast-progress.js';
import { createFeedPolls } from '../jobs/feed-polls.js';
import { createTopicRecount } from '../jobs/topic-recount.js';
import { recountTopic } from '../store/redis-subscription-store.js';
import { createRedisLease } from '../store/redis-lease.js';
import type { Infra } from './infra.js';
import type { Lifecycle } from './lifecycle.js';

export interface WorkerRole {
  /** The progress reporter, handed to the bot when the same process runs both (role `all`). */
  readonly progress: BroadcastProgress;
  /** For /healthz. */
  feeds(): CheckResult;
}

export async function startWorkerRole(infra: Infra, life: Lifecycle): Promise<WorkerRole> {
  const logger = infra.logger.child({ part: 'jobs' });
  const polls = createFeedPolls({
    feeds: infra.stores.feeds, ingest: infra.delivery.ingest, parseFeed, clock: infra.clock, logger,
    schedules: infra.feedSchedules, ...infra.bullmq,
  });
  await polls.start();
  life.started('feed polls', () => polls.stop());

  const recount = createTopicRecount({
    topics: async () => [...infra.topics.map((t) => t.id), ...(await infra.stores.keywords.all()).map((t) => t.id)],
    recount: (topic) => recountTopic(infra.redis.stores, infra.keys, topic),
    logger, ...infra.bullmq,
  });
  await recount.start();
  life.started('topic recount', () => recount.stop());

  const progress = createBroadcastProgress({
    view: progressView, api: infra.api, broadcasts: infra.stores.broadcasts, chats: infra.stores.chats,
    clock: infra.clock, logger, board: infra.progressBoard,
    lease: createRedisLease(infra.redis.queues, infra.keys.broadcastProgressLease(), 15_000),
  });
  progress.start();
  life.started('broadcast progress', () => progress.stop());
  return { progress, feeds: () => polls.status() };
}
