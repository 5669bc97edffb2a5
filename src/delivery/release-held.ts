/**
 * When a chat's alerts are held, and releasing them when its settings stop holding them:
 * quiet hours turned off or shortened, a pause ended by /resume (or a digest turned back
 * to instant). Alerts held for a chat wait in one
 * bucket due at the instant the fan-out computed, with one delayed send job for it
 * (fanout-worker planArticle). The same computation on the chat's settings before the change
 * finds that bucket; with the new settings it is due now (the job is promoted: the grouped
 * message goes at once) or earlier (the bucket moves to the new due time with its own job,
 * so that a later change finds it the same way).
 */
import type { Clock } from '../core/clock.js';
import { deliveryDue } from '../core/schedule.js';
import type { Chat } from '../store/ports.js';
import type { Ledger } from './ledger.js';
import { jobIds, type DeliveryQueues, type SendJob } from './queues.js';

export type HeldRelease = (before: Chat, after: Chat) => Promise<'released' | 'sooner' | 'none'>;

/**
 * Until when an alert fanned out `now` waits for this chat (undefined: it goes now). A
 * paused chat's alerts wait for the end of the pause (then for quiet hours or the digest
 * period, if one applies at that moment), and arrive grouped like quiet hours' do.
 */
export function heldUntil(chat: Chat, now: Date): Date | undefined {
  const digest = chat.delivery.kind === 'instant' ? undefined : chat.delivery;
  const options = { ...(digest ? { digest } : {}), ...(chat.quietHours ? { quiet: chat.quietHours } : {}) };
  if (chat.pausedUntil !== undefined && chat.pausedUntil > now.getTime()) {
    const end = new Date(chat.pausedUntil);
    return deliveryDue(end, chat.timeZone, options) ?? end;
  }
  return deliveryDue(now, chat.timeZone, options);
}
const dueFor = heldUntil;

export interface HeldReleaseDeps {
  readonly queues: Pick<DeliveryQueues, 'send'>;
  readonly ledger: Pick<Ledger, 'bucketRead' | 'bucketAdd'>;
  readonly clock: Clock;
}

export function createHeldRelease(deps: HeldReleaseDeps): HeldRelease {
  return async (before, after) => {
    const now = deps.clock();
    const held = dueFor(before, now);
    if (!held) return 'none';
    const due = dueFor(after, now);
    if (due && due.getTime() >= held.getTime()) return 'none';
    const job = await deps.queues.send.getJob(jobIds.send({ t: held.getTime(), c: before.id }));
    if (!job || !(await job.isDelayed())) return 'none';
    if (!due || due.getTime() <= now.getTime()) {
      await job.promote();
      return 'released';
    }
    // Copy first, then drop the old job: a fan-out racing with this change at worst re-adds
    // the old job (its bucket still exists), so nothing held is lost.
    const ids = await deps.ledger.bucketRead(before.id, held.getTime());
    for (const id of ids) await deps.ledger.bucketAdd(before.id, due.getTime(), id);
    const data: SendJob = { t: due.getTime(), c: before.id };
    const lane = job.opts.priority === undefined ? {} : { priority: job.opts.priority };
    await deps.queues.send.add('d', data, { jobId: jobIds.send(data), ...lane, delay: due.getTime() - now.getTime() });
    await job.remove();
    return 'sooner';
  };
}
