import { describe, expect, it } from 'vitest';
import { asArticleId, asTopicId, type ArticleId } from '../../../src/core/ids.js';
import type { PreparedArticle } from '../../../src/core/prepared.js';
import { err, ok } from '../../../src/core/result.js';
import type { TopicMatch } from '../../../src/core/topic.js';
import { createIngestService, DeliveryUnavailableError, type IngestDeps } from '../../../src/delivery/ingest-service.js';
import type { StoryDecision } from '../../../src/core/story/decide.js';
import type { DuplicateOf } from '../../../src/store/ports.js';

const armenia: TopicMatch = { topicId: asTopicId('country:AM'), kind: 'country', name: { ar: 'أرمينيا', en: 'Armenia' }, score: 5, evidence: [], path: [asTopicId('country:AM')] };

function prepared(id: string, matches: TopicMatch[] = [armenia]): PreparedArticle {
  return {
    article: { id: asArticleId(id), url: `https://example.com/${id}`, title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية', paragraphs: ['نص'], publishedAt: new Date(0), timeSource: 'metadata', citedSources: [], lang: 'ar' },
    summary: ['نص'],
    matches,
    fingerprint: { signature: [], bands: [] },
  };
}

/** In-memory doubles recording what the service did. */
function harness(over: { duplicate?: DuplicateOf; hang?: boolean; matches?: TopicMatch[]; rejected?: boolean; publishedAt?: Date; story?: StoryDecision } = {}) {
  const saved: ArticleId[] = [];
  const queued: string[] = [];
  const extra: ArticleId[] = [];
  const never = new Promise<never>(() => undefined);
  const deps: IngestDeps = {
    prepare: () => (over.rejected ? err({ code: 'empty', reason: 'the text is empty' })
      : ok({ ...prepared('a1', over.matches), article: { ...prepared('a1').article, publishedAt: over.publishedAt ?? new Date(0) } })),
    ...(over.story ? { stories: { file: async () => ({ decision: over.story!, storyId: over.story!.kind === 'new' ? 'a1' : 'first' }), members: async () => [] } } : {}),
    articles: {
      save: async (p: PreparedArticle) => {
        const first = !saved.includes(p.article.id);
        saved.push(p.article.id);
        return first;
      },
      findDuplicate: async () => (over.hang ? never : over.duplicate),
      addExtraSource: async (id: ArticleId) => void extra.push(id),
    } as unknown as IngestDeps['articles'],
    subscriptions: { followerCount: async () => 3 } as unknown as IngestDeps['subscriptions'],
    queues: { fanout: { add: async (_n: string, _d: unknown, o: { jobId: string }) => void queued.push(o.jobId) } } as unknown as IngestDeps['queues'],
    clock: () => new Date(0),
    timeoutMs: 200,
  };
  return { service: createIngestService(deps), saved, queued, extra };
}

describe('the ingest service', () => {
  it('stores, then queues the fan-out, then acknowledges', async () => {
    const h = harness();
    expect(await h.service.ingest({ kind: 'text', text: 'x' })).toMatchObject({ status: 'queued', articleId: 'a1', recipients: 3 });
    expect(h.saved).toEqual(['a1']);
    expect(h.queued).toEqual(['fa_a1']);
  });

  it('stores an article that matches nothing, without a fan-out', async () => {
    const h = harness({ matches: [] });
    expect((await h.service.ingest({ kind: 'text', text: 'x' })).status).toBe('no-match');
    expect(h.saved).toEqual(['a1']);
    expect(h.queued).toEqual([]);
  });

  it('records another outlet’s copy as an extra source of the first article', async () => {
    const h = harness({ duplicate: { by: 'story', articleId: asArticleId('first') } });
    expect(await h.service.ingest({ kind: 'text', text: 'x' })).toMatchObject({ status: 'duplicate', articleId: 'first' });
    expect(h.extra).toEqual(['first']);
    expect(h.saved).toEqual([]);
  });

  it('re-queues the fan-out of the very same article (a retry after a failed acknowledgement)', async () => {
    const h = harness({ duplicate: { by: 'url', articleId: asArticleId('a1') } });
    expect((await h.service.ingest({ kind: 'text', text: 'x' })).status).toBe('duplicate');
    expect(h.queued).toEqual(['fa_a1']);
  });

  it('rejects bad input with the reason and touches nothing', async () => {
    const h = harness({ rejected: true });
    expect(await h.service.ingest({ kind: 'text', text: '' })).toMatchObject({ status: 'rejected', reason: 'the text is empty' });
    expect(h.saved).toEqual([]);
  });

  it('answers DeliveryUnavailableError instead of hanging when Redis does not answer', async () => {
    const h = harness({ hang: true });
    const started = Date.now();
    await expect(h.service.ingest({ kind: 'text', text: 'x' })).rejects.toBeInstanceOf(DeliveryUnavailableError);
    expect(Date.now() - started).toBeLessThan(8_000); // its deadline is 200 ms; this only tells a hang from a busy machine
    expect(h.saved).toEqual([]);
  });

  it('stores a stale article without a fan-out, unless forced', async () => {
    const old = new Date(-40 * 3600 * 1000);
    const h = harness({ publishedAt: old });
    expect((await h.service.ingest({ kind: 'text', text: 'x' })).status).toBe('stale');
    expect(h.saved).toEqual(['a1']);
    expect(h.queued).toEqual([]);
    const forced = harness({ publishedAt: old });
    expect((await forced.service.ingest({ kind: 'text', text: 'x' }, { force: true })).status).toBe('queued');
    expect(forced.queued).toEqual(['fa_a1']);
  });

  it('stores an article joining a story without a fan-out, and alerts an update of it', async () => {
    const joined = harness({ story: { kind: 'join', storyId: 'first', score: 0.4, by: 'event' } });
    expect(await joined.service.ingest({ kind: 'text', text: 'x' })).toMatchObject({ status: 'joined', story: { id: 'first' } });
    expect(joined.saved).toEqual(['a1']);
    expect(joined.queued).toEqual([]);
    const update = harness({ story: { kind: 'update', storyId: 'first', score: 0.4, by: 'event', why: 'count' } });
    expect(await update.service.ingest({ kind: 'text', text: 'x' })).toMatchObject({ status: 'queued', story: { id: 'first', update: true } });
    expect(update.queued).toEqual(['fa_a1']);
  });
});
