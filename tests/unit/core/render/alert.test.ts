import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/core/article.js';
import { asArticleId, asTopicId } from '../../../../src/core/ids.js';
import type { PreparedArticle } from '../../../../src/core/prepared.js';
import { hashtag, MAX_MESSAGE_LENGTH, renderAlert } from '../../../../src/core/render/alert.js';
import { isolateLatin } from '../../../../src/core/render/bidi.js';
import { validateTelegramHtml } from '../../../../src/core/telegram-html.js';
import type { TopicMatch } from '../../../../src/core/topic.js';

const base: Article = {
  id: asArticleId('0'), title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية', paragraphs: ['x'],
  publishedAt: new Date('2024-05-09T12:19:00Z'), timeSource: 'dateline', citedSources: ['إنترفاكس'], lang: 'ar',
  url: 'https://example.com/news?id=1&lang=ar', outlet: 'روسيا اليوم',
};
const match = (id: string, ar: string): TopicMatch => ({
  topicId: asTopicId(id), kind: 'country', name: { ar, en: id }, score: 5, evidence: [], path: [asTopicId(id)],
});
const prepared = (article: Partial<Article> = {}, extra: Partial<PreparedArticle> = {}): PreparedArticle => ({
  article: { ...base, ...article },
  summary: ['وافق الرئيس فلاديمير بوتين على سحب القوات الروسية من مناطق مختلفة في أرمينيا.'],
  matches: [match('country:AM', 'أرمينيا'), match('region:south-caucasus', 'جنوب القوقاز')],
  fingerprint: { signature: [], bands: [] },
  ...extra,
});
const reader = (html: string): string => {
  const check = validateTelegramHtml(html);
  if (!check.ok) throw new Error(check.reason);
  return check.text.replace(/[\u200E\u200F\u2066-\u2069]/g, '');
};

describe('renderAlert', () => {
  it('follows the DESIGN.md layout', () => {
    const html = renderAlert(prepared(), { timeZone: 'Asia/Dubai' });
    expect(reader(html).split('\n')).toEqual([
      '🔴 بوتين يوافق على سحب القوات الروسية من مناطق أرمينية',
      '',
      'وافق الرئيس فلاديمير بوتين على سحب القوات الروسية من مناطق مختلفة في أرمينيا.',
      '',
      '📰 المصدر: روسيا اليوم — نقلاً عن إنترفاكس',
      '🕓 الخميس 9 مايو 2024، 16:19 (بتوقيت دبي)',
      '🏷 #أرمينيا #جنوب_القوقاز',
      '🔗 اقرأ الخبر كاملاً',
    ]);
    expect(html).toContain('<b>بوتين يوافق');
    expect(html).toContain('<a href="https://example.com/news?id=1&amp;lang=ar">اقرأ الخبر كاملاً</a>');
  });

  it('shows the time in each subscriber\'s zone and digits', () => {
    expect(reader(renderAlert(prepared(), { timeZone: 'Africa/Casablanca' }))).toContain('الخميس 9 مايو 2024، 13:19 (بتوقيت الدار البيضاء)');
    expect(reader(renderAlert(prepared(), { timeZone: 'Asia/Dubai', numberingSystem: 'arab' }))).toContain('الخميس ٩ مايو ٢٠٢٤، ١٦:١٩');
  });

  it('says when the time is the ingest time, and shows a date-only dateline as a date', () => {
    expect(reader(renderAlert(prepared({ timeSource: 'ingest-time' }), { timeZone: 'Asia/Dubai' }))).toMatch(/لم يذكر وقت النشر/);
    const day = reader(renderAlert(prepared({ timePrecision: 'day' }), { timeZone: 'Asia/Dubai' }));
    expect(day).toContain('🕓 الخميس 9 مايو 2024\n');
  });

  it('says the source time was unreadable when it was, and when we received the news', () => {
    const warnings = [{ code: 'unreadable-date' as const, field: 'published', value: 'قبل قليل', message: 'unreadable' }];
    const text = reader(renderAlert(prepared({ timeSource: 'ingest-time', warnings }), { timeZone: 'Asia/Dubai' }));
    expect(text).toContain('🕓 تعذّرت قراءة وقت النشر في المصدر؛ وصلنا الخبر الخميس 9 مايو 2024، 16:19 (بتوقيت دبي)');
    expect(text).not.toMatch(/لم يذكر وقت النشر/);
  });

  it('leaves out the link without a URL, the source line without a source, the tags without matches', () => {
    const text = reader(renderAlert(prepared({ url: undefined, outlet: undefined, citedSources: [] }, { matches: [] }), { timeZone: 'UTC' }));
    expect(text).not.toMatch(/🔗|📰|🏷/);
  });

  it('never links anything but http(s)', () => {
    expect(renderAlert(prepared({ url: 'javascript:alert(1)' }), { timeZone: 'UTC' })).not.toContain('<a ');
  });

  it('credits every cited agency', () => {
    const text = reader(renderAlert(prepared({ outlet: undefined, citedSources: ['إنترفاكس', 'سبوتنيك أرمينيا'] }), { timeZone: 'UTC' }));
    expect(text).toContain('📰 نقلاً عن إنترفاكس وسبوتنيك أرمينيا');
  });

  it('escapes hostile article text: <script>, &, an unmatched <b>, RTL overrides', () => {
    const hostile = prepared(
      { title: '\u202E<script>alert(1)</script> عاجل & <b>خطير', outlet: 'A&B <i>', citedSources: ['"رويترز"'], url: 'https://e.com/?a=1&b="2"' },
      { summary: ['قال <b>المسؤول إن 5 < 7 && 9 > 3 \u2066تماماً.'], matches: [match('kw:1', 'أمن & سلام')] },
    );
    const html = renderAlert(hostile, { timeZone: 'Asia/Dubai' });
    const text = reader(html);
    expect(text).toContain('<script>alert(1)</script> عاجل & <b>خطير');
    expect(text).toContain('5 < 7 && 9 > 3');
    expect(html).not.toMatch(/\u202E/);
    expect(text).toContain('#أمن_سلام');
  });

  it('isolates Latin names inside Arabic lines and starts every line right-to-left', () => {
    const html = renderAlert(prepared({ title: 'CNN: انسحاب القوات' }), { timeZone: 'UTC' });
    expect(html.startsWith('\u200F🔴 <b>\u2066CNN:\u2069 انسحاب')).toBe(true);
    expect(html.split('\n').filter(Boolean).every((l) => l.startsWith('\u200F'))).toBe(true);
  });

  it('stays within 4096 units by shortening the summary, never the tags', () => {
    const sentence = 'وقال المتحدث باسم الكرملين إن المفاوضات مع الجانب الأرميني ستستمر خلال الأسابيع المقبلة. ';
    const matches = Array.from({ length: 40 }, (_, i) => match(`kw:${i}`, `موضوع رقم ${i}`));
    // Whole sentences go first: two of three do not fit, the first stays whole.
    const three = renderAlert(prepared({}, { summary: [sentence.repeat(30), sentence.repeat(30), sentence.repeat(30)], matches }), { timeZone: 'UTC' });
    const threeCheck = validateTelegramHtml(three);
    expect(threeCheck.ok && threeCheck.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(reader(three)).toContain(sentence.repeat(30).trim());
    // One sentence too long on its own is cut at a word boundary, up to the limit.
    const one = renderAlert(prepared({}, { summary: [sentence.repeat(60)], matches }), { timeZone: 'UTC' });
    const oneCheck = validateTelegramHtml(one);
    expect(oneCheck.ok && oneCheck.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(oneCheck.ok && oneCheck.length).toBeGreaterThan(MAX_MESSAGE_LENGTH - 30);
    expect(reader(one)).toContain('…');
    expect(reader(one)).toContain(matches.map((m) => hashtag(m.name.ar)).join(' '));
  });
});

describe('isolateLatin', () => {
  it('isolates Latin runs with spaces, digits or punctuation, and leaves a bare word as written', () => {
    expect(isolateLatin('قال Vladimir Putin إن')).toBe('قال \u2066Vladimir Putin\u2069 إن');
    expect(isolateLatin('طائرات F-16 جديدة')).toBe('طائرات \u2066F-16\u2069 جديدة');
    expect(isolateLatin('وسم <script> في العنوان')).toBe('وسم <script> في العنوان');
  });
});

describe('hashtag', () => {
  it('turns a topic name into a Telegram hashtag', () => {
    expect(hashtag('جنوب القوقاز')).toBe('#جنوب_القوقاز');
    expect(hashtag('عَمّان')).toBe('#عمان');
    expect(hashtag('ناغورني قره باغ (آرتساخ)')).toBe('#ناغورني_قره_باغ_آرتساخ');
  });

  it('marks an update of a story already alerted: 🔄 and «تحديث:» before the headline', () => {
    const html = renderAlert(prepared({}, { story: { id: 'first', update: true } }), { timeZone: 'Asia/Dubai' });
    expect(html).toMatch(/^\u200F🔄 <b>تحديث: /);
    expect(validateTelegramHtml(html).ok).toBe(true);
    expect(renderAlert(prepared({}, { story: { id: 'first' } }), { timeZone: 'Asia/Dubai' })).toMatch(/^\u200F🔴 <b>/);
  });
});
