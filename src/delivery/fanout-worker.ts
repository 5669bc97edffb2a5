/**
 * The fan-out processor: one job per article (or broadcast) walks the audience page by
 * page and enqueues one small send job per chat, in chunks (addBulk) with deterministic
 * ids. The position is saved in the job after every page (job.updateData), so a job
 * picked up again after a crash resumes where it stopped; a re-queued page is harmless
 * because its send job ids already exist (and the sent ledger stops repeats).
 *
 * Per chat: inactive and paused chats are skipped; quiet hours hold the alert until the
 * window ends (delayed job); digest-mode chats get it in their digest bucket.
 * Broadcasts go to every active chat of the audience, ignoring quiet hours, digests and pauses.
 */
import type { Job } from 'bullmq';
import type { Clock } from '../core/clock.js';
import type { ArticleId, BroadcastId, ChatId } from '../core/ids.js';
import { deliveryDue } from '../core/schedule.js';
import type { BroadcastStore, Chat, ChatStore, SubscriptionStore } from '../store/ports.js';
import type { Logger } from '../logger.js';
import { everyonePage, followersPage, type WalkPosition } from './audience.js';
import type { Ledger } from './ledger.js';
import { jobIds, LANE, type DeliveryQueues, type FanoutJob, type SendJob } from './queues.js';

export interface FanoutDeps {
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  readonly broadcasts: BroadcastStore;
  readonly queues: Pick<DeliveryQueues, 'send'>;
  readonly ledger: Ledger;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called once a broadcast's fan-out queued its last send (sets the total, may finish it). */
  readonly onBroadcastPlanned: (id: BroadcastId, total: number) => Promise<void>;
}

type Planned = { readonly name: string; readonly data: SendJob; readonly opts: { jobId: string; priority: number; delay?: number } };

const isActive = (chat: Chat | undefined, now: number): chat is Chat =>
  chat !== undefined && chat.status.kind === 'active' && !(chat.pausedUntil !== undefined && chat.pausedUntil > now);

/** Plans one chat's delivery of an article: now, or into a bucket due later (quiet hours / digest). */
async function planArticle(deps: FanoutDeps, article: ArticleId, chat: Chat, now: Date): Promise<Planned> {
  const digest = chat.delivery.kind === 'instant' ? undefined : chat.delivery;
  const due = deliveryDue(now, chat.timeZone, { ...(digest ? { digest } : {}), ...(chat.quietHours ? { quiet: chat.quietHours } : {}) });
  if (!due) {
    const data: SendJob = { k: 'a', id: article, c: chat.id };
    return { name: 'a', data, opts: { jobId: jobIds.send(data), priority: LANE.alert } };
  }
  await deps.ledger.bucketAdd(chat.id, due.getTime(), article);
  const data: SendJob = { k: 'd', t: due.getTime(), c: chat.id };
  return { name: 'd', data, opts: { jobId: jobIds.send(data), priority: digest ? LANE.digest : LANE.alert, delay: Math.max(0, due.getTime() - now.getTime()) } };
}

export function createFanoutProcessor(deps: FanoutDeps): (job: Job<FanoutJob>) => Promise<{ queued: number }> {
  return async (job) => {
    const data = job.data;
    let at: WalkPosition | undefined = data.done ? undefined : { ti: data.ti, cur: data.cur };
    let queued = data.q;
    const broadcast = data.k === 'b' ? await deps.broadcasts.get(data.id) : undefined;
    if (data.k === 'b' && !broadcast) {
      deps.logger.warn({ broadcastId: data.id }, 'fan-out: broadcast not found');
      return { queued };
    }
    while (at) {
      if (broadcast && (await deps.broadcasts.get(broadcast.id))?.state === 'cancelled') break;
      const page: { chats: ChatId[]; next: WalkPosition | undefined } =
        data.k === 'a'
          ? await followersPage(deps.subscriptions, data.topics, at)
          : broadcast?.audience.kind === 'topics'
            ? await followersPage(deps.subscriptions, broadcast.audience.topics, at)
            : await everyonePage(deps.chats, at);
      const now = deps.clock();
      const chats = page.chats.length > 0 ? await deps.chats.getMany(page.chats) : [];
      const planned: Planned[] = data.k === 'a'
        ? await Promise.all(chats.filter((c) => isActive(c, now.getTime())).map((chat) => planArticle(deps, data.id, chat, now)))
        : chats.filter((chat): chat is Chat => chat?.status.kind === 'active').map((chat) => {
            const send: SendJob = { k: 'b', id: data.id, c: chat.id };
            return { name: 'b', data: send, opts: { jobId: jobIds.send(send), priority: LANE.broadcast } };
          });
      if (planned.length > 0) await deps.queues.send.addBulk(planned);
      const instant = planned.filter((p) => p.data.k !== 'd').length;
      await deps.ledger.queued(data.k === 'a' ? { k: 'a', id: data.id } : { k: 'b', id: data.id }, instant);
      queued += planned.length;
      at = page.next;
      await job.updateData({ ...data, ti: at?.ti ?? data.ti, cur: at?.cur ?? '0', q: queued, ...(at ? {} : { done: true }) });
    }
    if (data.k === 'a') await deps.ledger.alertFannedOut(deps.clock().getTime());
    else await deps.onBroadcastPlanned(data.id, queued);
    deps.logger.info({ subject: data.k === 'a' ? { articleId: data.id } : { broadcastId: data.id }, queued }, 'fan-out finished');
    return { queued };
  };
}
