/**
 * The feed poller: every tick, the process holding the lease polls the feeds that are
 * due (per-feed interval, backoff after errors). Any number of processes may run it;
 * only the lease holder polls, and another takes over within the lease's TTL if it dies.
 */
import type { Feed } from '../store/ports.js';
import type { Lease } from '../store/redis-lease.js';
import { pollFeed, type PollFeedDeps, type PollOutcome } from './poll-feed.js';

export interface FeedPollerDeps extends PollFeedDeps {
  readonly lease: Lease;
  /** How often to look for due feeds. Default 5 s. */
  readonly tickMs?: number;
  /** Feeds fetched at the same time. Default 4. */
  readonly concurrency?: number;
}

export interface FeedPollerStatus {
  readonly ok: boolean;
  readonly detail: { readonly leader: boolean; readonly lastTickAt?: number; readonly lastTickError?: string };
}

export interface FeedPoller {
  start(): void;
  /** Stops ticking, waits for the polls in flight, gives the lease up. */
  stop(): Promise<void>;
  /** One round now (tests, and the first tick). Resolves with what each due feed did. */
  tick(): Promise<Map<Feed['id'], PollOutcome>>;
  /** For /healthz: ticking on time (leader or standby). */
  status(): FeedPollerStatus;
}

/** Creates the poller (not started). */
export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const tickMs = deps.tickMs ?? 5000;
  const concurrency = deps.concurrency ?? 4;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  let leader = false;
  let lastTickAt: number | undefined;
  let lastTickError: string | undefined;
  let startedAt = 0;

  async function tick(): Promise<Map<Feed['id'], PollOutcome>> {
    const outcomes = new Map<Feed['id'], PollOutcome>();
    leader = await deps.lease.acquire();
    if (!leader) return outcomes;
    const now = deps.clock().getTime();
    const feeds = await deps.feeds.list();
    const due: Feed[] = [];
    for (const feed of feeds.filter((f) => !f.paused)) {
      const { nextPollAt } = await deps.feeds.health(feed.id);
      if ((nextPollAt ?? 0) <= now) due.push(feed);
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let feed = due[next++]; feed; feed = due[next++]) {
        try {
          outcomes.set(feed.id, await pollFeed(feed, deps));
        } catch (e) {
          deps.logger.error({ err: e, feed: feed.id }, 'feed poll crashed');
          outcomes.set(feed.id, { kind: 'error', reason: e instanceof Error ? e.message : String(e) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    return outcomes;
  }

  const loop = (): void => {
    if (!running) return;
    const round = tick()
      .then(() => {
        lastTickError = undefined;
      })
      .catch((e: unknown) => {
        lastTickError = e instanceof Error ? e.message : String(e);
        deps.logger.error({ err: e }, 'feed poller tick failed');
      })
      .finally(() => {
        lastTickAt = deps.clock().getTime();
        if (running) timer = setTimeout(loop, tickMs);
      });
    inFlight = round;
  };

  return {
    tick,
    start() {
      if (running) return;
      running = true;
      startedAt = deps.clock().getTime();
      loop();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await inFlight;
      if (leader) await deps.lease.release().catch(() => undefined);
      leader = false;
    },
    status() {
      const now = deps.clock().getTime();
      // The first round may still be running just after start.
      const onTime = now - (lastTickAt ?? startedAt) < tickMs * 3 + (deps.timeoutMs ?? 15_000);
      return {
        ok: running && onTime && lastTickError === undefined,
        detail: { leader, ...(lastTickAt ? { lastTickAt } : {}), ...(lastTickError ? { lastTickError } : {}) },
      };
    },
  };
}
