import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asArticleId, asTopicId, type ArticleId } from '../../../src/core/ids.js';
import { readFileSync } from 'node:fs';
import { storyFingerprint } from '../../../src/core/fingerprint.js';
import type { PreparedArticle, StoryFingerprint } from '../../../src/core/prepared.js';
import type { TopicMatch } from '../../../src/core/topic.js';
import { headlineKey } from '../../../src/core/render/alert-reference.js';
import { createKeys } from '../../../src/store/keys.js';
import { createRedisArticleStore } from '../../../src/store/redis-article-store.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-articles');
let redis: Redis;
let now = Date.parse('2024-05-09T13:19:00Z');
let n = 0;
const store = () => createRedisArticleStore({ redis, keys: createKeys(`${prefix}:${++n}`), clock: () => new Date(now) });

const match = (topicId: string, ar: string, en: string): TopicMatch => ({
  topicId: asTopicId(topicId), kind: 'country', name: { ar, en }, score: 3,
  evidence: [{ text: ar, topicId: asTopicId(topicId), zone: 'title', count: 1, weak: false }], path: [asTopicId(topicId)],
});
const armenia = match('country:AM', 'أرمينيا', 'Armenia');
const russia = match('country:RU', 'روسيا', 'Russia');

const signature = (seed: number) => Array.from({ length: 64 }, (_, i) => (seed * 7919 + i * 104729) % 4294967291);
const fingerprint = (seed: number, url?: string, bands = [`b${seed}a`, `b${seed}b`]): StoryFingerprint => ({
  ...(url ? { canonicalUrl: url } : {}), signature: signature(seed), bands: bands.map((b) => Buffer.from(b).toString('hex')),
});

function prepared(id: string, opts: { title?: string; url?: string; outlet?: string; at?: number; matches?: TopicMatch[]; fp?: StoryFingerprint } = {}): PreparedArticle {
  return {
    article: {
      id: asArticleId(id),
      ...(opts.url ? { url: opts.url } : {}),
      title: opts.title ?? 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية',
      paragraphs: ['نقلت وكالة "إنترفاكس" للأنباء عن المتحدث باسم الكرملين دميتري بيسكوف قوله اليوم الخميس إن الرئيس فلاديمير بوتين وافق على سحب القوات الروسية.'],
      publishedAt: new Date(opts.at ?? now),
      timeSource: 'dateline',
      ...(opts.outlet ? { outlet: opts.outlet } : {}),
      citedSources: ['إنترفاكس'],
      lang: 'ar',
    },
    summary: ['وافق الرئيس فلاديمير بوتين على سحب القوات الروسية وقوات حرس الحدود من مناطق مختلفة في أرمينيا.'],
    matches: opts.matches ?? [armenia, russia],
    fingerprint: opts.fp ?? fingerprint(1, opts.url),
  };
}

const ids = (list: PreparedArticle[]): ArticleId[] => list.map((p) => p.article.id);

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe('RedisArticleStore', () => {
  it('stores the prepared article for 7 days and reads it back with its date', async () => {
    const articles = store();
    const p = prepared('a1', { url: 'https://example.com/armenia' });
    await articles.save(p);
    expect(await articles.get(asArticleId('a1'))).toEqual(p);
    const ttl = await redis.ttl(createKeys(`${prefix}:${n}`).article(asArticleId('a1')));
    expect(ttl).toBeGreaterThan(7 * 24 * 3600 - 10);
    expect(await articles.get(asArticleId('missing'))).toBeUndefined();
  });

  it('finds a duplicate by canonical URL within 48 hours', async () => {
    const articles = store();
    await articles.save(prepared('a1', { url: 'https://example.com/armenia' }));
    const again = prepared('a2', { url: 'https://example.com/armenia', fp: fingerprint(9, 'https://example.com/armenia') });
    expect(await articles.findDuplicate(again)).toEqual({ by: 'url', articleId: 'a1' });
    const other = prepared('a3', { url: 'https://example.com/gaza', fp: fingerprint(3, 'https://example.com/gaza') });
    expect(await articles.findDuplicate(other)).toBeUndefined();
  });

  it('finds a second outlet\'s copy of the same story by its fingerprint, and records it as an extra source', async () => {
    const articles = store();
    await articles.save(prepared('a1', { url: 'https://first.example/armenia', outlet: 'روسيا اليوم', fp: fingerprint(1, 'https://first.example/armenia') }));
    const copy = prepared('a2', { url: 'https://second.example/news/1', outlet: 'سبوتنيك', fp: fingerprint(1, 'https://second.example/news/1') });
    expect(await articles.findDuplicate(copy)).toEqual({ by: 'story', articleId: 'a1' });
    await articles.addExtraSource(asArticleId('a1'), { outlet: 'سبوتنيك', url: 'https://second.example/news/1' });
    await articles.addExtraSource(asArticleId('a1'), { outlet: 'سبوتنيك', url: 'https://second.example/news/1' });
    expect(await articles.extraSources(asArticleId('a1'))).toEqual([{ outlet: 'سبوتنيك', url: 'https://second.example/news/1' }]);
  });

  it('does not call a different story sharing one band a duplicate', async () => {
    const articles = store();
    await articles.save(prepared('a1', { url: 'https://first.example/armenia', fp: fingerprint(1, 'https://first.example/armenia', ['shared', 'b1']) }));
    const different = prepared('a2', { url: 'https://second.example/gaza', fp: fingerprint(2, 'https://second.example/gaza', ['shared', 'b2']) });
    expect(await articles.findDuplicate(different)).toBeUndefined();
  });

  it('forgets stories older than 48 hours for dedup', async () => {
    const articles = store();
    await articles.save(prepared('a1', { fp: fingerprint(1) }));
    now += 49 * 3600 * 1000;
    try {
      expect(await articles.findDuplicate(prepared('a2', { fp: fingerprint(1) }))).toBeUndefined();
    } finally {
      now -= 49 * 3600 * 1000;
    }
  });

  it('lists the newest articles, of all topics or of one, skipping expired ones', async () => {
    const articles = store();
    const keys = createKeys(`${prefix}:${n}`);
    await articles.save(prepared('old', { at: now - 3_600_000, matches: [armenia] }));
    await articles.save(prepared('mid', { at: now - 1_800_000, matches: [russia], title: 'روسيا تعلن مناورات جديدة' }));
    await articles.save(prepared('new', { at: now, matches: [armenia, russia] }));
    expect(ids(await articles.latest(undefined, 10))).toEqual(['new', 'mid', 'old']);
    expect(ids(await articles.latest(asTopicId('country:AM'), 10))).toEqual(['new', 'old']);
    expect(ids(await articles.latest(asTopicId('country:RU'), 1))).toEqual(['new']);
    await redis.del(keys.article(asArticleId('new')));
    expect(ids(await articles.latest(asTopicId('country:AM'), 1))).toEqual(['old']);
    expect(await articles.latest(asTopicId('country:FR'), 5)).toEqual([]);
  });

  it('finds the article of an alert from the alert itself: its link, else its headline', async () => {
    const articles = store();
    const linked = prepared('withlink', { url: 'https://armenpress.am/ar/article/1', fp: fingerprint(11, 'https://armenpress.am/ar/article/1') });
    const bare = prepared('bare', { title: 'باشينيان: الاتفاق مع باكو «قريب جدًا»', fp: fingerprint(12) });
    await articles.save(linked);
    await articles.save(bare);
    // A reader's copy carries the link with tracking added by a forward, or only the bold headline.
    expect(await articles.findForAlert({ urls: ['https://armenpress.am/ar/article/1'] })).toBe('withlink');
    expect(await articles.findForAlert({ urls: [], headline: headlineKey('باشينيان: الاتفاق مع باكو «قريب جدًا»') })).toBe('bare');
    expect(await articles.findForAlert({ urls: ['https://example.org/elsewhere'] })).toBeUndefined();
    // Nothing kept per delivered message: an expired article is simply not found.
    await redis.del(createKeys(`${prefix}:${n}`).article(asArticleId('bare')));
    expect(await articles.findForAlert({ urls: [], headline: headlineKey(bare.article.title) })).toBeUndefined();
  });

  it('recognises another outlet\'s edited copy of the fixture story, and not a different story', async () => {
    const articles = store();
    const paragraphs = readFileSync(new URL('../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8')
      .split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 80);
    const base = prepared('rt1', { url: 'https://arabic.rt.example/world/1' });
    const original = { ...base, article: { ...base.article, url: 'https://arabic.rt.example/world/1', paragraphs } };
    await articles.save({ ...original, fingerprint: storyFingerprint(original.article) });
    const copyArticle = { ...original.article, id: asArticleId('sp1'), url: 'https://sputnik.example/a/9', outlet: 'سبوتنيك', paragraphs: paragraphs.slice(0, -2) };
    const copy = { ...original, article: copyArticle, fingerprint: storyFingerprint(copyArticle) };
    expect(await articles.findDuplicate(copy)).toEqual({ by: 'story', articleId: 'rt1' });
    const otherArticle = {
      ...original.article, id: asArticleId('gz1'), url: 'https://news.example/gaza/2', title: 'اجتماع في القاهرة لبحث وقف إطلاق النار في غزة',
      paragraphs: ['قال مسؤولون مصريون إن وفودا من عدة دول اجتمعت في القاهرة اليوم لبحث مقترح جديد لوقف إطلاق النار في قطاع غزة وتبادل الأسرى.',
        'وأضافوا أن المحادثات ستستمر غدا بمشاركة ممثلين عن الولايات المتحدة وقطر، وسط آمال بالتوصل إلى اتفاق خلال أيام.'],
    };
    expect(await articles.findDuplicate({ ...original, article: otherArticle, fingerprint: storyFingerprint(otherArticle) })).toBeUndefined();
  });
});
