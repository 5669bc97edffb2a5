/**
 * The ingest service: prepare (parse, match), dedup, store, queue the fan-out.
 *
 * An article is acknowledged ('queued') only after `articles.save` and `fanout.add`
 * both resolved, so an acknowledged article survives a crash right after. Redis
 * trouble makes `ingest` reject within `timeoutMs` with DeliveryUnavailableError
 * (the HTTP layer answers 503) instead of hanging.
 *
 * Decisions:
 * - No match: the article is still stored (it shows in /latest and later copies of it
 *   dedup against it) but nothing is fanned out; status 'no-match'.
 * - Duplicate (same canonical URL or same story within 48 h): recorded as an extra source
 *   of the first article; status 'duplicate'. When it is the very same article (same id,
 *   e.g. a client retrying after a 503), its fan-out job is queued again: a no-op if it
 *   exists, and the repair if the first attempt stored the article but never queued it.
 * - Concurrent ingests of the same article (same id) race past the duplicate check; the
 *   store's save tells exactly one of them it stored the article first, the others answer
 *   'duplicate' (by 'id').
 * - Stale (published more than `staleAfterHours` before ingest): stored and indexed for /latest, not
 *   filed into a story, never fanned out; status 'stale'. `force` (the admin's "send anyway")
 *   alerts it all the same.
 * - Stories (with `stories`): a matching article is filed under a story of the window
 *   (core/story). Joining one: stored (not listed by /latest on its own: the story is), recorded as
 *   the story's member, no fan-out; status 'joined' with `story`. An update of the story, or a new
 *   one: stored with its story ref (the alert shows 🔄 for an update) and fanned out. `force` alerts
 *   a joining article too.
 * - `recipients` counts the matched topics' followers, each chat once (see countFollowers:
 *   beyond 20,000 follower entries it is the sum, an upper bound, to keep ingest fast).
 */
import type { Clock } from '../core/clock.js';
import type { ArticleInput } from '../core/input.js';
import type { PreparedArticle } from '../core/prepared.js';
import type { Rejection } from '../core/article.js';
import type { Result } from '../core/result.js';
import { isStale } from '../core/stale.js';
import type { ArticleStore, StoryStore, SubscriptionStore } from '../store/ports.js';
import { noMetrics, type DeliveryMetrics, type IngestOutcome, type IngestService } from './ports.js';
import { countFollowers } from './audience.js';
import { jobIds, type DeliveryQueues } from './queues.js';

/** Redis (or the queue) did not answer in time: the article was NOT acknowledged; the caller may retry. */
export class DeliveryUnavailableError extends Error {
  constructor(what: string, cause?: unknown) {
    super(`Delivery unavailable: ${what} (Redis unreachable?); the article was not accepted, retry later`, { cause });
    this.name = 'DeliveryUnavailableError';
  }
}

/** Turns an input into a prepared article, or says why not (wraps core's prepareArticle). */
export type Prepare = (input: ArticleInput, now: Date) => Result<PreparedArticle, Rejection>;

export interface IngestDeps {
  readonly prepare: Prepare;
  readonly articles: ArticleStore;
  readonly subscriptions: SubscriptionStore;
  readonly queues: Pick<DeliveryQueues, 'fanout'>;
  readonly clock: Clock;
  readonly metrics?: DeliveryMetrics;
  /** Longest wait for Redis before rejecting with DeliveryUnavailableError. Default 3000 ms. */
  readonly timeoutMs?: number;
  /** Files articles into stories; without it every matching article alerts. */
  readonly stories?: StoryStore;
  /** Config STALE_AFTER_HOURS (default 36). */
  readonly staleAfterHours?: number;
}

export function createIngestService(deps: IngestDeps): IngestService {
  const metrics = deps.metrics ?? noMetrics;
  const timeoutMs = deps.timeoutMs ?? 3000;

  /**
   * Runs `work` with a deadline. `live()` turns false once the caller was told it failed, so
   * the work stops before its next write instead of storing an article after the 503.
   */
  const guarded = async <T>(what: string, work: (live: () => boolean) => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    let expired = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new DeliveryUnavailableError(`${what} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const running = work(() => !expired);
    running.catch(() => undefined);
    try {
      return await Promise.race([running, timeout]);
    } catch (e) {
      throw e instanceof DeliveryUnavailableError ? e : new DeliveryUnavailableError(`${what} failed`, e);
    } finally {
      clearTimeout(timer);
    }
  };

  const queueFanout = (prepared: PreparedArticle) =>
    deps.queues.fanout.add(
      'a',
      { k: 'a', id: prepared.article.id, topics: prepared.matches.map((m) => m.topicId), ti: 0, cur: '0', q: 0 },
      { jobId: jobIds.fanoutArticle(prepared.article.id) },
    );

  const assess = async (prepared: PreparedArticle, force: boolean): Promise<IngestOutcome> => {
    const topics = prepared.matches;
    const articleId = prepared.article.id;
    const duplicateOf = await deps.articles.findDuplicate(prepared);
    if (duplicateOf) return { status: 'duplicate', articleId: duplicateOf.articleId, topics, recipients: 0, duplicateOf };
    if (topics.length === 0) return { status: 'no-match', articleId, topics, recipients: 0 };
    const recipients = await countFollowers(deps.subscriptions, topics.map((m) => m.topicId));
    const stale = !force && isStale(prepared.article, deps.clock(), deps.staleAfterHours);
    return { status: stale ? 'stale' : 'queued', articleId, topics, recipients };
  };

  /** Files a matching, fresh article into its story: what to store and whether it alerts. */
  const fileStory = async (p: PreparedArticle, force: boolean): Promise<{ prepared: PreparedArticle; joined?: IngestOutcome }> => {
    if (!deps.stories) return { prepared: p };
    const { decision, storyId } = await deps.stories.file(p);
    const story = { id: storyId, ...(decision.kind === 'update' ? { update: true } : {}) };
    const filed: PreparedArticle = { ...p, story };
    if (decision.kind !== 'join' || force) return { prepared: filed };
    return { prepared: filed, joined: { status: 'joined', articleId: p.article.id, topics: p.matches, recipients: 0, story } };
  };

  const prepare = (input: ArticleInput): Result<PreparedArticle, Rejection> => deps.prepare(input, deps.clock());

  return {
    async ingest(input, options = {}) {
      const force = options.force === true;
      const prepared = prepare(input);
      if (!prepared.ok) {
        metrics.ingested('rejected');
        return { status: 'rejected', reason: prepared.error.reason, topics: [], recipients: 0 };
      }
      const fresh = prepared.value;
      const outcome = await guarded('storing the article', async (live): Promise<IngestOutcome> => {
        const assessed = await assess(fresh, force);
        let p = fresh;
        if (!live()) return assessed;
        if (assessed.status === 'duplicate') {
          const dup = assessed.duplicateOf;
          if (dup && dup.articleId === p.article.id) {
            if (p.matches.length > 0) await queueFanout(p);
          } else if (dup) {
            await deps.articles.addExtraSource(dup.articleId, { ...(p.article.outlet ? { outlet: p.article.outlet } : {}), ...(p.article.url ? { url: p.article.url } : {}) });
          }
          return assessed;
        }
        let joined: IngestOutcome | undefined;
        if (assessed.status === 'queued') {
          const filed = await fileStory(fresh, force);
          if (!live()) return assessed;
          p = filed.prepared;
          joined = filed.joined;
        }
        // A joining article is reached through its story; /latest lists the story once.
        const first = await deps.articles.save(p, joined ? { latest: false } : {});
        if (!first) {
          // A concurrent ingest of the same article stored it a moment earlier: it owns the
          // alert. Queueing again is a no-op then, and the repair if that ingest died before queueing.
          if (p.matches.length > 0 && live()) await queueFanout(p);
          return { status: 'duplicate', articleId: p.article.id, topics: p.matches, recipients: 0, duplicateOf: { by: 'id', articleId: p.article.id } };
        }
        if (joined) return joined;
        if (assessed.status === 'queued' && live()) await queueFanout(p);
        return p.story ? { ...assessed, story: p.story } : assessed;
      });
      metrics.ingested(outcome.status);
      return fresh.article.warnings ? { ...outcome, warnings: fresh.article.warnings } : outcome;
    },
    async preview(input) {
      const prepared = prepare(input);
      if (!prepared.ok) return { outcome: { status: 'rejected', reason: prepared.error.reason, topics: [], recipients: 0 } };
      const outcome = await guarded('checking the article', () => assess(prepared.value, false));
      return { outcome, prepared: prepared.value };
    },
  };
}
