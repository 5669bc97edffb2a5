import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/core/article.js';
import { asArticleId, asTopicId } from '../../../../src/core/ids.js';
import type { PreparedArticle } from '../../../../src/core/prepared.js';
import { renderAlert } from '../../../../src/core/render/alert.js';
import { alertReference, headlineKey } from '../../../../src/core/render/alert-reference.js';
import { parseText } from '../../../../src/fake-telegram/validate.js';

const base: Article = {
  id: asArticleId('0'), title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية', paragraphs: ['x'],
  publishedAt: new Date('2024-05-09T12:19:00Z'), timeSource: 'dateline', citedSources: ['إنترفاكس'], lang: 'ar',
  url: 'https://Example.com/news?id=1&utm_source=tg#top', outlet: 'روسيا اليوم',
};
const prepared = (article: Partial<Article> = {}, extra: Partial<PreparedArticle> = {}): PreparedArticle => ({
  article: { ...base, ...article },
  summary: ['وافق الرئيس فلاديمير بوتين على سحب القوات الروسية من مناطق مختلفة في أرمينيا.'],
  matches: [{ topicId: asTopicId('country:AM'), kind: 'country', name: { ar: 'أرمينيا', en: 'Armenia' }, score: 5, evidence: [], path: [asTopicId('country:AM')] }],
  fingerprint: { signature: [], bands: [] },
  ...extra,
});

/** The alert as a reader's client holds it: Telegram's plain text and entities for the HTML sent. */
function received(p: PreparedArticle): { text: string; entities: { type: string; offset: number; length: number; url?: string }[] } {
  const parsed = parseText(renderAlert(p, { timeZone: 'Asia/Yerevan' }), 'HTML', 'text');
  if ('ok' in parsed) throw new Error('the alert did not parse');
  return { text: parsed.text, entities: [...(parsed.entities ?? [])] };
}

describe('alertReference: an alert names its article', () => {
  it('by its link, canonical (tracking and fragment dropped, host lower-cased)', () => {
    const { text, entities } = received(prepared());
    expect(alertReference(text, entities).urls).toEqual(['https://example.com/news?id=1']);
  });

  it('by its bold headline, the same key as the stored title', () => {
    const { text, entities } = received(prepared({ url: undefined } as Partial<Article>));
    const ref = alertReference(text, entities);
    expect(ref.urls).toEqual([]);
    expect(ref.headline).toBe(headlineKey(base.title));
  });

  it('an update\'s «تحديث:» and a Latin name\'s bidi isolates change nothing', () => {
    const title = 'باشينيان يلتقي Aliyev في أبوظبي';
    const { text, entities } = received(prepared({ title }, { story: { id: 's1', update: true } as PreparedArticle['story'] }));
    expect(text).toContain('تحديث:');
    expect(alertReference(text, entities).headline).toBe(headlineKey(title));
  });

  it('harakat and punctuation are not part of the key; a text of no letters has none', () => {
    expect(headlineKey('الانتخاباتُ الرئاسيّة: «جولة ثانية»')).toBe(headlineKey('الانتخابات الرئاسية جولة ثانية'));
    expect(headlineKey('… — !')).toBeUndefined();
  });
});
