/**
 * The fan-out processor: one job per article (or broadcast) walks the audience page by
 * page and enqueues its chats in send jobs of CHUNK chats each (addBulk), with deterministic
 * ids `<subject>_k<page·1000 + chunk of the page>`. The position and the page number are saved
 * in the job after every page (job.updateData), so a job picked up again after a crash resumes
 * where it stopped; a re-queued page is harmless because its chunk ids already exist (and the
 * sent markers stop repeats). A job whose lock was lost (its abort signal) stops at the next page
 * and leaves the walk to the worker that takes it over, which resumes from the saved position.
 *
 * Per chat: inactive chats are skipped; a pause or quiet hours hold the alert until they end
 * (a single-chat delayed job, see release-held.ts); digest-mode chats get it in their digest bucket.
 * Broadcasts go to every active chat of the audience, ignoring quiet hours, digests and pauses. */
import type { Job } from 'bullmq';
import type { Clock } from '../core/clock.js';
import type { ArticleId, BroadcastId, ChatId } from '../core/ids.js';
import type { BroadcastStore, Chat, ChatStore, SubscriptionStore } from '../store/ports.js';
import type { Logger } from '../logger.js';
import { everyonePage, followersPage, type WalkPosition } from './audience.js';
import type { Ledger } from './ledger.js';
import { heldUntil } from './release-held.js';
import { CHUNKS_PER_PAGE, jobIds, laneOptions, type DeliveryQueues, type FanoutJob, type SendJob } from './queues.js';

export interface FanoutDeps {
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  readonly broadcasts: BroadcastStore;
  readonly queues: Pick<DeliveryQueues, 'send'>;
  readonly ledger: Ledger;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Chats per send job (chunkSizeFor the configured send rate). */
  readonly chunkSize: number;
  /** Called once a broadcast's fan-out queued its last send (sets the total, may finish it). */
  readonly onBroadcastPlanned: (id: BroadcastId, total: number) => Promise<void>;
}

type Planned = { readonly name: string; readonly data: SendJob; readonly opts: { jobId: string; lifo?: true; priority?: number; delay?: number } };

/** The page's instant sends as chunk jobs. */
function chunked(subject: { readonly a: ArticleId } | { readonly b: BroadcastId }, chats: readonly number[], page: number, size: number): Planned[] {
  const out: Planned[] = [];
  const lane = laneOptions('a' in subject ? 'alert' : 'broadcast');
  for (let i = 0; i < chats.length; i += size) {
    const cs = chats.slice(i, i + size);
    const data: SendJob = 'a' in subject ? { a: subject.a, cs } : { b: subject.b, cs };
    out.push({ name: 'a' in subject ? 'a' : 'b', data, opts: { jobId: jobIds.chunk(subject, page * CHUNKS_PER_PAGE + i / size), ...lane } });
  }
  return out;
}

const isActive = (chat: Chat | undefined): chat is Chat => chat !== undefined && chat.status.kind === 'active';

/** Plans one chat's delivery of an article: now (undefined: it joins a chunk), or into a bucket due later (quiet hours / digest). */
async function planArticle(deps: FanoutDeps, article: ArticleId, chat: Chat, now: Date): Promise<Planned | undefined> {
  const digest = chat.delivery.kind === 'instant' ? undefined : chat.delivery;
  const due = heldUntil(chat, now);
  if (!due) return undefined;
  await deps.ledger.bucketAdd(chat.id, due.getTime(), article);
  const data: SendJob = { t: due.getTime(), c: chat.id };
  const lane = laneOptions(digest ? 'digest' : 'alert');
  return { name: 'd', data, opts: { jobId: jobIds.send(data), ...lane, delay: Math.max(0, due.getTime() - now.getTime()) } };
}

/**
 * An article's topics, largest audience first, saved in the job before its walk starts (a
 * resumed walk keeps that order): a chat is checked against the topics walked before its own,
 * so the biggest topic's chats need no such checks at all.
 */
async function largestTopicFirst(deps: FanoutDeps, job: Job<FanoutJob>): Promise<FanoutJob> {
  const data = job.data;
  if (data.k !== 'a' || data.so || data.topics.length < 2 || data.ti !== 0 || data.cur !== '0' || data.pg) return data;
  const counts = await Promise.all(data.topics.map((t) => deps.subscriptions.followerCount(t)));
  const topics = data.topics.map((t, i) => ({ t, n: counts[i] ?? 0 })).toSorted((a, b) => b.n - a.n).map((x) => x.t);
  const sorted: FanoutJob = { ...data, topics, so: true };
  await job.updateData(sorted);
  return sorted;
}

/** Pages whose sends are being added at once: overlaps walking the audience with Redis adding jobs. */
const WINDOW = 4;

export function createFanoutProcessor(deps: FanoutDeps): (job: Job<FanoutJob>, token?: string, signal?: AbortSignal) => Promise<{ queued: number }> {
  return async (job, _token, signal) => {
    const data = await largestTopicFirst(deps, job);
    const subject = data.k === 'a' ? { k: 'a' as const, id: data.id } : { k: 'b' as const, id: data.id };
    let at: WalkPosition | undefined = data.done ? undefined : { ti: data.ti, cur: data.cur };
    let queued = data.q;
    let pg = data.pg ?? 0;
    const broadcast = data.k === 'b' ? await deps.broadcasts.get(data.id) : undefined;
    if (data.k === 'b' && !broadcast) {
      deps.logger.warn({ broadcastId: data.id }, 'fan-out: broadcast not found');
      return { queued };
    }

    /** Plans one page and adds its sends; resolves to how many chats were queued. */
    const enqueue = async (ids: readonly ChatId[], page: number): Promise<number> => {
      const now = deps.clock();
      const chats = ids.length > 0 ? await deps.chats.getMany(ids) : [];
      let instant: number[];
      let held: Planned[] = [];
      if (data.k === 'a') {
        const active = chats.filter(isActive);
        const plans = await Promise.all(active.map((chat) => planArticle(deps, data.id, chat, now)));
        held = plans.filter((p): p is Planned => p !== undefined);
        instant = active.filter((_, i) => plans[i] === undefined).map((c) => c.id);
      } else {
        instant = chats.filter((chat): chat is Chat => chat?.status.kind === 'active').map((c) => c.id);
      }
      const planned = [...chunked(data.k === 'a' ? { a: data.id } : { b: data.id }, instant, page, deps.chunkSize), ...held];
      if (planned.length > 0) await deps.queues.send.addBulk(planned);
      await deps.ledger.queued(subject, instant.length);
      return instant.length + held.length;
    };

    // Pages are added WINDOW at a time; the saved position only moves past a page once it and
    // every page before it are fully queued, so a resumed job never skips a chat.
    const inFlight: { added: Promise<number>; next: WalkPosition | undefined }[] = [];
    const settleOldest = async (): Promise<void> => {
      const oldest = inFlight.shift();
      if (!oldest) return;
      queued += await oldest.added;
      const next = oldest.next;
      pg++;
      await job.updateData({ ...data, ti: next?.ti ?? data.ti, cur: next?.cur ?? '0', q: queued, pg, ...(next ? {} : { done: true }) });
    };
    try {
      while (at) {
        signal?.throwIfAborted();
        if (broadcast && (await deps.broadcasts.get(broadcast.id))?.state === 'cancelled') break;
        const page: { chats: ChatId[]; next: WalkPosition | undefined } =
          data.k === 'a'
            ? await followersPage(deps.subscriptions, data.topics, at)
            : broadcast?.audience.kind === 'topics'
              ? await followersPage(deps.subscriptions, broadcast.audience.topics, at)
              : await everyonePage(deps.chats, at);
        const added = enqueue(page.chats, pg + inFlight.length);
        added.catch(() => undefined);
        inFlight.push({ added, next: page.next });
        if (inFlight.length >= WINDOW) await settleOldest();
        at = page.next;
      }
      while (inFlight.length > 0) await settleOldest();
    } finally {
      // On an error, let the pages already started finish before the job is retried from its saved position.
      await Promise.allSettled(inFlight.map((f) => f.added));
    }
    if (data.k === 'a') await deps.ledger.alertFannedOut(deps.clock().getTime());
    else await deps.onBroadcastPlanned(data.id, queued);
    deps.logger.info({ subject: data.k === 'a' ? { articleId: data.id } : { broadcastId: data.id }, queued }, 'fan-out finished');
    return { queued };
  };
}
