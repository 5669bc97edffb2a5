/**
 * Releases a chat's held alerts when its settings stop holding them: quiet hours turned off
 * or shortened (or a digest turned back to instant). Alerts held for a chat wait in one
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

const dueFor = (chat: Chat, now: Date): Date | undefined => {
  const digest = chat.delivery.kind === 'instant' ? undefined : chat.delivery;
  return deliveryDue(now, chat.timeZone, { ...(digest ? { digest } : {}), ...(chat.quietHours ? { quiet: chat.quietHours } : {}) });
};

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
