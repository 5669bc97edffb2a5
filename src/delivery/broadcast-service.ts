/**
 * Broadcast delivery (the admin UI lives in src/bot): start queues the broadcast's fan-out
 * in the breaking lane; every active chat of the audience gets a copyMessage of the
 * admin's message; cancel stops what has not been sent; a restart resumes (the fan-out
 * job keeps its cursor, send jobs and the sent ledger survive in Redis).
 * State: draft → sending → done | cancelled. 'done' is set when every queued send has
 * an outcome (sent, failed or blocked).
 */
import type { Clock } from '../core/clock.js';
import type { BroadcastId } from '../core/ids.js';
import type { BroadcastStore, ChatStore, SubscriptionStore } from '../store/ports.js';
import { countAudience, everyonePage, followersPage, PAGE, type WalkPosition } from './audience.js';
import type { Ledger } from './ledger.js';
import type { BroadcastService } from './ports.js';
import { CHUNKS_PER_PAGE, jobIds, type DeliveryQueues } from './queues.js';

export interface BroadcastDeps {
  readonly broadcasts: BroadcastStore;
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  readonly queues: DeliveryQueues;
  readonly ledger: Ledger;
  readonly clock: Clock;
  /** Chats per send job, as the fan-out chunks them (chunkSizeFor the send rate). */
  readonly chunkSize: number;
  /** Told when a broadcast is over (done), so its progress message shows the final report at once. */
  readonly onFinished?: (id: BroadcastId) => Promise<unknown>;
}

export interface BroadcastLifecycle extends BroadcastService {
  /** The fan-out queued its last send. */
  planned(id: BroadcastId, total: number): Promise<void>;
  /** A send of this broadcast finished; marks it done when all are accounted for. */
  settleIfDone(id: BroadcastId): Promise<void>;
}

export function createBroadcastService(deps: BroadcastDeps): BroadcastLifecycle {
  const settleIfDone = async (id: BroadcastId): Promise<void> => {
    if (!(await deps.ledger.broadcastSettled(id))) return;
    const b = await deps.broadcasts.get(id);
    if (b?.state !== 'sending') return;
    await deps.broadcasts.update(id, { state: 'done', finishedAt: deps.clock().getTime() });
    await deps.onFinished?.(id);
  };

  /**
   * Removes the broadcast's send jobs still waiting (ids are deterministic: its chunks, numbered by
   * the fan-out's pages, and single-chat retries); a job being sent right now is left alone (its
   * sends check the state just before they go).
   */
  const purge = async (id: BroadcastId): Promise<void> => {
    const b = await deps.broadcasts.get(id);
    if (!b) return;
    const fanout = await deps.queues.fanout.getJob(jobIds.fanoutBroadcast(id));
    // Pages planned, plus the few the fan-out may be adding right now.
    const pages = (fanout?.data.pg ?? 0) + 8;
    const perPage = Math.ceil(PAGE / deps.chunkSize) + 1;
    for (let p = 0; p < pages; p++) {
      await Promise.all(Array.from({ length: perPage }, (_, i) => deps.queues.send.remove(jobIds.chunk({ b: id }, p * CHUNKS_PER_PAGE + i))));
    }
    let at: WalkPosition | undefined = { ti: 0, cur: '0' };
    while (at) {
      const page: Awaited<ReturnType<typeof everyonePage>> =
        b.audience.kind === 'topics' ? await followersPage(deps.subscriptions, b.audience.topics, at) : await everyonePage(deps.chats, at);
      await Promise.all(page.chats.map((c) => deps.queues.send.remove(jobIds.send({ b: id, c }))));
      at = page.next;
    }
  };

  return {
    countAudience: (audience) => countAudience(deps, audience),
    async start(id) {
      const b = await deps.broadcasts.get(id);
      if (!b) throw new Error(`broadcast ${id} does not exist`);
      if (b.state === 'done' || b.state === 'cancelled') return;
      if (b.state === 'draft') {
        await deps.ledger.setBroadcastTotal(id, await countAudience(deps, b.audience));
        await deps.broadcasts.update(id, { state: 'sending', startedAt: deps.clock().getTime() });
      }
      await deps.queues.fanout.add('b', { k: 'b', id, ti: 0, cur: '0', q: 0 }, { jobId: jobIds.fanoutBroadcast(id), priority: 1 });
    },
    async cancel(id) {
      const b = await deps.broadcasts.get(id);
      if (!b || b.state === 'done' || b.state === 'cancelled') return;
      await deps.broadcasts.update(id, { state: 'cancelled', finishedAt: deps.clock().getTime() });
      await purge(id);
    },
    async planned(id, total) {
      await deps.ledger.broadcastPlanned(id, total);
      await settleIfDone(id);
    },
    settleIfDone,
  };
}
