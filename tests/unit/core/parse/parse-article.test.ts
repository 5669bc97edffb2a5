import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article, Rejection } from '../../../../src/core/article.js';
import type { ArticleInput } from '../../../../src/core/input.js';
import { parseFeed } from '../../../../src/core/parse/feed.js';
import { parseArticle } from '../../../../src/core/parse/index.js';
import type { Result } from '../../../../src/core/result.js';

const fixtures = new URL('../../../fixtures/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, fixtures), 'utf8');
const now = new Date('2025-02-01T10:00:00Z');
const ctx = { now, defaultTimeZone: 'Asia/Riyadh' };
const article = (result: Result<Article, Rejection>): Article => {
  if (!result.ok) throw new Error(`rejected: ${result.error.reason}`);
  return result.value;
};

describe('parseArticle', () => {
  it('turns the canonical text article into an Article', () => {
    const a = article(parseArticle({ kind: 'text', text: read('armenia-withdrawal.txt'), timeZone: 'Asia/Dubai' }, ctx));
    expect(a).toMatchObject({
      title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية', lang: 'ar', timeSource: 'dateline',
      citedSources: ['إنترفاكس', 'سبوتنيك أرمينيا'],
    });
    expect(a.publishedAt.toISOString()).toBe('2024-05-09T12:19:00.000Z');
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives the same id to the same story URL and to the same text', () => {
    const input: ArticleInput = { kind: 'text', text: read('armenia-withdrawal.txt') };
    expect(article(parseArticle(input, ctx)).id).toBe(article(parseArticle(input, { ...ctx, now: new Date() })).id);
    const a = article(parseArticle({ ...input, url: 'https://example.com/a#top' }, ctx));
    const b = article(parseArticle({ ...input, url: 'https://EXAMPLE.com/a' }, ctx));
    expect(a.id).toBe(b.id);
  });

  it('reads an HTML page: metadata time wins, canonical URL, site name', () => {
    const a = article(parseArticle({ kind: 'html', html: read('articles/sudan-page.html') }, ctx));
    expect(a).toMatchObject({ outlet: 'أخبار النيل', url: 'https://news.example.com/sudan/wad-madani', timeSource: 'metadata', citedSources: ['رويترز'] });
  });

  it('reads a feed item with the feed time', () => {
    const feed = parseFeed(readFileSync(new URL('articles/gaza-rss.xml', fixtures)));
    const item = feed.ok ? feed.value.items[0] : undefined;
    if (!item) throw new Error('feed fixture did not parse');
    const a = article(parseArticle({ kind: 'feed-item', item, outlet: 'شبكة الأخبار العربية' }, ctx));
    expect(a).toMatchObject({ title: 'مصر وقطر تدعوان إلى وقف فوري لإطلاق النار في غزة', timeSource: 'metadata', outlet: 'شبكة الأخبار العربية' });
    expect(a.paragraphs).toHaveLength(3);
  });

  it('reads a JSON article', () => {
    const a = article(parseArticle({ kind: 'json', json: read('articles/jordan-article.json') }, ctx));
    expect(a).toMatchObject({ title: 'الأردن يفتح معبر جابر أمام حركة الشاحنات', outlet: 'الغد', url: 'https://jo.example.com/jaber', citedSources: ['بترا'] });
  });

  it('keeps scripts and styles of feed content out of the body', () => {
    const item = { title: 'عاجل', contentHtml: '<script>var x = "تتبع";</script><style>p{color:red}</style>انفجار في ميناء العقبة صباح اليوم<br>وإصابة عاملين' };
    const a = article(parseArticle({ kind: 'feed-item', item }, ctx));
    expect(a.paragraphs).toEqual(['انفجار في ميناء العقبة صباح اليوم', 'وإصابة عاملين']);
  });

  it('takes the first sentence as the headline when there is none', () => {
    const a = article(parseArticle({ kind: 'json', json: { body: 'أعلنت وزارة الصحة تسجيل حالات جديدة. وقالت إن الوضع تحت السيطرة.' } }, ctx));
    expect(a.title).toBe('أعلنت وزارة الصحة تسجيل حالات جديدة.');
  });

  it('falls back to the ingest time, and says so, when the source has no time or a future one', () => {
    const none = article(parseArticle({ kind: 'json', json: { title: 'عاجل', body: 'وقع انفجار في ميناء العقبة صباح اليوم.' } }, ctx));
    expect(none).toMatchObject({ publishedAt: now, timeSource: 'ingest-time' });
    const future = article(parseArticle({ kind: 'json', json: { body: 'وقع انفجار في الميناء.', publishedAt: '2031-01-01T00:00:00Z' } }, ctx));
    expect(future).toMatchObject({ publishedAt: now, timeSource: 'ingest-time' });
    const epoch = article(parseArticle({ kind: 'json', json: { body: 'وقع انفجار في الميناء.', publishedAt: 0 } }, ctx));
    expect(epoch).toMatchObject({ publishedAt: now, timeSource: 'ingest-time' });
  });

  it('reads a printed published date in JSON and in a feed item, in the source zone', () => {
    const json = article(parseArticle({ kind: 'json', json: { body: 'وقع انفجار في الميناء.', published: '10:29 ص الخميس 28 أغسطس 2025' }, timeZone: 'Asia/Beirut' }, { ...ctx, now: new Date('2025-09-01T00:00:00Z') }));
    expect(json).toMatchObject({ publishedAt: new Date('2025-08-28T07:29:00Z'), timeSource: 'metadata', timePrecision: 'minute' });
    expect(json.warnings).toBeUndefined();
    const item = { title: 'عاجل', contentHtml: '<p>أعلنت الحكومة الأردنية خطة جديدة للطاقة.</p>', publishedText: '05 ديسمبر 2025' };
    const feed = article(parseArticle({ kind: 'feed-item', item, timeZone: 'Asia/Amman' }, { ...ctx, now: new Date('2025-12-06T09:00:00Z') }));
    expect(feed).toMatchObject({ timeSource: 'metadata', timePrecision: 'day', publishedAt: new Date('2025-12-05T09:00:00Z') });
  });

  it('reads a page\'s printed meta date day-first in the source zone, never as V8 would', () => {
    const html = `<html><head><meta property="article:published_time" content="11.08.2025 14:00"><title>خبر</title></head>
      <body><article><h1>الأردن يعيد فتح معبر جابر</h1><p>أعلنت الحكومة الأردنية إعادة فتح معبر جابر الحدودي مع سوريا أمام حركة الشاحنات.</p></article></body></html>`;
    const a = article(parseArticle({ kind: 'html', html, timeZone: 'Asia/Amman' }, { ...ctx, now: new Date('2025-09-01T00:00:00Z') }));
    expect(a).toMatchObject({ publishedAt: new Date('2025-08-11T11:00:00Z'), timeSource: 'metadata' });
  });

  it('keeps an article whose printed date is unreadable, on the ingest time, with a warning', () => {
    const a = article(parseArticle({ kind: 'json', json: { body: 'وقع انفجار في ميناء العقبة صباح اليوم.', published: 'قبل قليل' } }, ctx));
    expect(a).toMatchObject({ publishedAt: now, timeSource: 'ingest-time', warnings: [{ code: 'unreadable-date', field: 'published', value: 'قبل قليل' }] });
    const item = { title: 'عاجل', contentHtml: '<p>أعلنت الحكومة الأردنية خطة جديدة للطاقة.</p>', publishedText: 'غير محدد' };
    expect(article(parseArticle({ kind: 'feed-item', item }, ctx)).warnings).toMatchObject([{ code: 'unreadable-date', field: 'pubDate', value: 'غير محدد' }]);
  });

  it('reads a relative dateline line against the ingest clock', () => {
    const a = article(parseArticle({ kind: 'text', text: 'انقطاع الكهرباء في بيروت\nمنذ ساعتين\n\nشهدت العاصمة اللبنانية انقطاعاً واسعاً للتيار الكهربائي.' }, ctx));
    expect(a).toMatchObject({ publishedAt: new Date('2025-02-01T08:00:00Z'), timeSource: 'dateline', title: 'انقطاع الكهرباء في بيروت' });
  });

  it('prefers the metadata time over the dateline', () => {
    const a = article(parseArticle({ kind: 'json', json: { body: `${read('armenia-withdrawal.txt')}`, publishedAt: '2024-05-09T13:00:00Z' }, timeZone: 'Asia/Dubai' }, ctx));
    expect(a).toMatchObject({ publishedAt: new Date('2024-05-09T13:00:00Z'), timeSource: 'metadata' });
  });

  it('copes with a 20,000-word body', () => {
    const paragraph = 'وقال المتحدث إن المفاوضات بين الطرفين مستمرة منذ أسابيع وإن الوسطاء متفائلون بالتوصل إلى اتفاق قريب. ';
    const body = Array.from({ length: 1200 }, (_, i) => `${paragraph.repeat(1)}الفقرة رقم ${i}.`).join('\n\n');
    expect(body.split(/\s+/).length).toBeGreaterThan(20_000);
    const a = article(parseArticle({ kind: 'text', text: `عنوان طويل جداً\n\n${body}` }, ctx));
    expect(a.paragraphs).toHaveLength(1200);
  });

  it.each<[string, ArticleInput, Rejection['code']]>([
    ['empty text', { kind: 'text', text: '' }, 'empty'],
    ['binary data', { kind: 'text', text: 'PNG\0\0\0IHDR' }, 'binary'],
    ['too much text', { kind: 'text', text: 'كلمة '.repeat(600_000) }, 'too-large'],
    ['noise', { kind: 'text', text: '%%%% #### 1234 @@@@ ---- 9999 ^^^^ &&&& ****' }, 'not-text'],
    ['a headline without a body', { kind: 'json', json: { title: 'عاجل', body: '' } }, 'empty'],
    ['malformed JSON', { kind: 'json', json: '{"title": "عاجل", "body": ' }, 'malformed-json'],
    ['an HTML page without text', { kind: 'html', html: '<html><body><img src="a.jpg"></body></html>' }, 'no-body'],
    ['a feed item without content', { kind: 'feed-item', item: { title: 'عاجل' } }, 'no-body'],
    ['an unknown time zone', { kind: 'text', text: 'خبر عاجل من القاهرة.', timeZone: 'Mars/Olympus' }, 'invalid-field'],
  ])('rejects %s with a reason', (_what, input, code) => {
    const result = parseArticle(input, ctx);
    expect(result).toEqual({ ok: false, error: { code, reason: expect.any(String) } });
  });
});
