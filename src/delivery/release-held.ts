/**
 * When a chat's alerts are held, and releasing them when its settings stop holding them:
 * quiet hours turned off or shortened, a pause ended by /resume (or a digest turned back
 * to instant). Alerts held for a chat wait in one
 * bucket due at the instant the fan-out computed, with one delayed send job for it
 * (fanout-worker planArticle). The same computation on the chat's settings before the change
 * finds that bucket; with the new settings it is due now (the job is promoted: the grouped
 * message goes at once) or earlier (its delay is shortened).
 */
import type { Clock } from '../core/clock.js';
import { deliveryDue } from '../core/schedule.js';
import type { Chat } from '../store/ports.js';
import { jobIds, type DeliveryQueues } from './queues.js';

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

export function createHeldRelease(deps: { readonly queues: Pick<DeliveryQueues, 'send'>; readonly clock: Clock }): HeldRelease {
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
    await job.changeDelay(due.getTime() - now.getTime());
    return 'sooner';
  };
}
