/** DeliveryStats for /stats, /healthz and /metrics: queue depths, send rate, 24 h counts, last errors. */
import type { Clock } from '../core/clock.js';
import type { Ledger } from './ledger.js';
import type { DeliveryStats, QueueDepths } from './ports.js';
import type { DeliveryQueues } from './queues.js';

/** Waiting counts prioritized jobs too (every send job has a lane priority). */
async function depths(queue: DeliveryQueues['send'] | DeliveryQueues['fanout']): Promise<QueueDepths> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed', 'waiting-children');
  return {
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
    delayed: c.delayed ?? 0,
    active: c.active ?? 0,
    failed: c.failed ?? 0,
  };
}

export function createDeliveryStats(deps: { queues: DeliveryQueues; ledger: Ledger; clock: Clock }): DeliveryStats {
  return {
    async queueDepths() {
      const [fanout, send] = await Promise.all([depths(deps.queues.fanout), depths(deps.queues.send)]);
      return { fanout, send };
    },
    currentSendRate: async () => (await deps.ledger.sentInLast(60, deps.clock().getTime())) / 60,
    last24h: () => deps.ledger.last24h(deps.clock().getTime()),
    lastErrors: (limit) => deps.ledger.lastErrors(limit),
  };
}
