/**
 * Articles on Redis: the PreparedArticle for 7 days, a URL index and LSH-band indexes
 * for 48 h (dedup), newest-first indexes per topic, extra sources, and for 7 days the
 * article's link and headline (how /why finds the article of the alert a reader replies to).
 */
import type { RedisClient } from './redis-connection.js';
import { sameStory } from '../core/fingerprint.js';
import { asArticleId, type ArticleId, type TopicId } from '../core/ids.js';
import type { Clock } from '../core/clock.js';
import type { PreparedArticle } from '../core/prepared.js';
import { headlineKey } from '../core/render/alert-reference.js';
import type { ArticleStore, DuplicateOf } from './ports.js';
import { isTokenId, isTopicId, type Keys } from './keys.js';
import { batch } from './batch.js';
import { execAll } from './exec-all.js';
import { decodePrepared, encodePrepared } from './serialize.js';

export interface ArticleRetention {
  /** How long an article (and what /why finds it by: its link, its headline) is kept: 7 days. */
  readonly articleTtlSec: number;
  /** How far back dedup looks: 48 h. */
  readonly dedupWindowSec: number;
  /** Newest-first index sizes. */
  readonly latestPerTopic: number;
  readonly latestAll: number;
  /** Most stored stories compared with `sameStory` for one article. */
  readonly maxStoryCandidates: number;
}

export const defaultArticleRetention: ArticleRetention = {
  articleTtlSec: 7 * 24 * 3600,
  dedupWindowSec: 48 * 3600,
  latestPerTopic: 200,
  latestAll: 1000,
  maxStoryCandidates: 50,
};

export interface RedisArticleStoreDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  readonly clock: Clock;
  readonly retention?: Partial<ArticleRetention>;
}

/** A stored article's other copies (outlets that ran the same story). */
export interface ExtraSource {
  readonly outlet?: string;
  readonly url?: string;
}

/** The article store, plus what the port leaves out. */
export interface RedisArticleStore extends ArticleStore {
  extraSources(id: ArticleId): Promise<ExtraSource[]>;
}

function idOf(p: PreparedArticle): ArticleId {
  if (!isTokenId(p.article.id)) throw new Error(`article store: malformed article id ${JSON.stringify(p.article.id)}`);
  return p.article.id;
}

/** Creates the Redis ArticleStore. */
export function createRedisArticleStore({ redis, keys, clock, retention }: RedisArticleStoreDeps): RedisArticleStore {
  const r = { ...defaultArticleRetention, ...retention };
  // One GET per article, at once (articles live in different slots: batch.ts).
  const getMany = async (ids: readonly string[]): Promise<(PreparedArticle | undefined)[]> =>
    ((await batch(redis, (c) => {
      for (const id of ids) c.get(keys.article(asArticleId(id)));
    })) as (string | null)[]).map((j) => (j === null ? undefined : decodePrepared(j)));

  /**
   * The indexes of a stored article: URL, story bands, newest-first lists. Each key on its own (they
   * live in different slots), every write idempotent: `save` runs them after the article itself, and
   * again when the article was already there, which repairs a save interrupted between the two.
   */
  const index = async (prepared: PreparedArticle, id: ArticleId, now: number, latest: boolean): Promise<void> => {
    const writes: Promise<unknown>[] = [];
    const url = prepared.fingerprint.canonicalUrl;
    // Dedup looks 48 h back (first article wins); /why reads an alert back by the article's own
    // link and headline as long as the article lives.
    if (url) writes.push(redis.set(keys.articleByUrl(url), id, 'EX', r.dedupWindowSec, 'NX'), redis.set(keys.articleByLink(url), id, 'EX', r.articleTtlSec));
    const headline = headlineKey(prepared.article.title);
    if (headline) writes.push(redis.set(keys.articleByHeadline(headline), id, 'EX', r.articleTtlSec));
    for (const band of new Set(prepared.fingerprint.bands)) {
      const key = keys.articleBand(band);
      writes.push(execAll(redis.multi().zadd(key, now, id).zremrangebyscore(key, '-inf', now - r.dedupWindowSec * 1000).expire(key, r.dedupWindowSec)));
    }
    if (latest) {
      const score = prepared.article.publishedAt.getTime();
      writes.push(execAll(redis.multi().zadd(keys.latestAll(), score, id).zremrangebyrank(keys.latestAll(), 0, -r.latestAll - 1)));
      for (const topic of new Set(prepared.matches.map((m) => m.topicId))) {
        if (!isTopicId(topic)) continue;
        const key = keys.latestOf(topic);
        writes.push(execAll(redis.multi().zadd(key, score, id).zremrangebyrank(key, 0, -r.latestPerTopic - 1).expire(key, r.articleTtlSec)));
      }
    }
    await Promise.all(writes);
  };

  const store: RedisArticleStore = {
    async save(prepared, options = {}) {
      const id = idOf(prepared);
      const now = clock().getTime();
      // The article first (NX: of concurrent ingests of one article exactly one learns it stored it
      // first), then its indexes: an index never points at an article not stored yet.
      const stored = (await redis.set(keys.article(id), encodePrepared(prepared), 'EX', r.articleTtlSec, 'NX')) === 'OK';
      await index(prepared, id, now, options.latest !== false);
      return stored;
    },

    async get(id) {
      if (!isTokenId(id)) return undefined;
      const json = await redis.get(keys.article(id));
      return json === null ? undefined : decodePrepared(json);
    },

    async findDuplicate(prepared): Promise<DuplicateOf | undefined> {
      const url = prepared.fingerprint.canonicalUrl;
      if (url) {
        const byUrl = await redis.get(keys.articleByUrl(url));
        if (byUrl !== null) return { by: 'url', articleId: asArticleId(byUrl) };
      }
      const bands = [...new Set(prepared.fingerprint.bands)];
      if (bands.length === 0) return undefined;
      const since = clock().getTime() - r.dedupWindowSec * 1000;
      const shared = new Map<string, number>();
      const postings = await batch(redis, (c) => {
        for (const band of bands) c.zrangebyscore(keys.articleBand(band), since, '+inf');
      });
      for (const ids of postings as string[][]) {
        for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      // Most shared bands first: the likeliest copies are confirmed before the cap cuts in.
      const candidates = [...shared].toSorted((a, b) => b[1] - a[1]).slice(0, r.maxStoryCandidates).map(([id]) => id);
      const stored = await getMany(candidates);
      for (const [i, other] of stored.entries()) {
        if (other && sameStory(prepared.fingerprint, other.fingerprint)) return { by: 'story', articleId: asArticleId(candidates[i]!) };
      }
      return undefined;
    },

    async addExtraSource(id, source) {
      const field = source.url ?? source.outlet;
      if (field === undefined || !isTokenId(id)) return;
      const key = keys.articleSources(id);
      await execAll(redis.multi().hset(key, field, JSON.stringify(source)).expire(key, r.articleTtlSec));
    },

    async extraSources(id) {
      if (!isTokenId(id)) return [];
      // HGETALL order follows the server's hash seed; answer in one fixed order.
      const fields = Object.entries(await redis.hgetall(keys.articleSources(id))).toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return fields.map(([, json]) => JSON.parse(json) as ExtraSource);
    },

    async latest(topic: TopicId | undefined, limit: number) {
      if (limit <= 0 || (topic !== undefined && !isTopicId(topic))) return [];
      const key = topic === undefined ? keys.latestAll() : keys.latestOf(topic);
      const out: PreparedArticle[] = [];
      // Members outlive nothing: an expired article is skipped (and dropped from the index).
      for (let start = 0; out.length < limit; start += limit) {
        const ids = await redis.zrevrange(key, start, start + limit - 1);
        if (ids.length === 0) break;
        const found = await getMany(ids);
        const gone = ids.filter((_, i) => found[i] === undefined);
        if (gone.length > 0) await redis.zrem(key, ...gone);
        for (const p of found) if (p && out.length < limit) out.push(p);
        if (gone.length > 0) start -= gone.length;
      }
      return out;
    },

    async findForAlert(ref) {
      // A link names one article; a headline may be shared (the newest article with it wins).
      // Every candidate read at once; the first whose article is still stored answers.
      const candidates = [...ref.urls.map((u) => keys.articleByLink(u)), ...(ref.headline ? [keys.articleByHeadline(ref.headline)] : [])];
      const ids = ((await batch(redis, (c) => {
        for (const key of candidates) c.get(key);
      })) as (string | null)[]).filter((id): id is string => id !== null && isTokenId(id));
      const stored = (await batch(redis, (c) => {
        for (const id of ids) c.exists(keys.article(asArticleId(id)));
      })) as number[];
      const found = ids.find((_, i) => stored[i] === 1);
      return found === undefined ? undefined : asArticleId(found);
    },
  };
  return store;
}
