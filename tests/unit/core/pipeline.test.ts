import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { asTopicId } from '../../../src/core/ids.js';
import { createMatcher, type TopicMatcher } from '../../../src/core/matcher.js';
import { prepareArticle, type PipelineDeps } from '../../../src/core/pipeline.js';
import type { PreparedArticle } from '../../../src/core/prepared.js';
import { renderAlert } from '../../../src/core/render/alert.js';
import { validateTelegramHtml } from '../../../src/core/telegram-html.js';
import type { TopicMatch } from '../../../src/core/topic.js';

const fixture = readFileSync(new URL('../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');

/** A matcher double: records what it was asked and answers Armenia for any article naming it. */
function fakeMatcher(seen: Article[]): TopicMatcher {
  const armenia: TopicMatch = {
    topicId: asTopicId('country:AM'), kind: 'country', name: { ar: 'أرمينيا', en: 'Armenia' }, score: 8, evidence: [], path: [asTopicId('country:AM')],
  };
  const empty = createMatcher([]);
  return {
    match: (article) => {
      seen.push(article);
      return article.paragraphs.some((p) => p.includes('أرمينيا')) ? [armenia] : [];
    },
    add: (t) => empty.add(t), remove: (id) => empty.remove(id), get: (id) => empty.get(id),
    topics: () => empty.topics(), searchTopics: (q, limit) => empty.searchTopics(q, limit),
  };
}

const seen: Article[] = [];
const deps: PipelineDeps = { now: new Date('2026-01-01T00:00:00Z'), defaultTimeZone: 'Asia/Riyadh', matcher: fakeMatcher(seen) };
const prepare = (text: string, extra: object = {}): PreparedArticle => {
  const result = prepareArticle({ kind: 'text', text, ...extra }, deps);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
};

describe('prepareArticle on the canonical article (--tz Asia/Dubai)', () => {
  const prepared = prepare(fixture, { timeZone: 'Asia/Dubai' });
  const html = renderAlert(prepared, { timeZone: 'Asia/Dubai' });
  const check = validateTelegramHtml(html);
  const text = check.ok ? check.text : '';

  it('dates it 2024-05-09T12:19:00.000Z from the dateline read in Dubai time', () => {
    expect(prepared.article.publishedAt.toISOString()).toBe('2024-05-09T12:19:00.000Z');
    expect(text).toContain('الخميس 9 مايو 2024، 16:19');
  });

  it('summarizes the withdrawal agreement without the caption or any sentence twice', () => {
    expect(prepared.summary.join(' ')).toMatch(/وافق على سحب القوات الروسية/);
    expect(text).not.toContain('خلال لقائه');
    expect(text.split('توصلا إلى اتفاق')).toHaveLength(2);
    expect(text.split('سيبقى على حدود أرمينيا')).toHaveLength(2);
  });

  it('cites Interfax in the source line and passes the Telegram HTML check', () => {
    expect(check.ok).toBe(true);
    expect(text).toMatch(/📰 نقلاً عن إنترفاكس/);
  });

  it('asks the matcher with the parsed article and carries its matches to the hashtags', () => {
    expect(seen.some((a) => a.id === prepared.article.id)).toBe(true);
    expect(prepared.matches.map((m) => m.topicId)).toEqual(['country:AM']);
    expect(text).toContain('#أرمينيا');
  });

  it('fingerprints the story', () => {
    expect(prepared.fingerprint).toBeDefined();
  });
});

describe('prepareArticle on hostile and huge input', () => {
  it('renders hostile titles and bodies as valid, escaped Telegram HTML', () => {
    const hostile = 'عاجل <script>alert("x")</script> & <b>\u202Eتحذير\n\nقال المسؤول <b>إن الوضع & الأمن في أرمينيا "مستقر" تماماً.\n\nوأضاف أن <i>الحدود</i> آمنة.';
    const html = renderAlert(prepare(hostile), { timeZone: 'UTC' });
    const check = validateTelegramHtml(html);
    expect(check.ok).toBe(true);
    // What the reader sees, without the invisible direction marks the renderer adds.
    expect(check.ok && check.text.replace(/[\u200F\u2066\u2069]/g, '')).toContain('<script>alert("x")</script> & <b>');
  });

  it('handles a 20,000-word body within the message limit', () => {
    const sentence = 'وقال وزير الخارجية إن المحادثات مع يريفان ستستأنف الأسبوع المقبل في موسكو بحضور الوسطاء. ';
    const body = Array.from({ length: 1400 }, (_, i) => `${sentence}وهذه الفقرة ${i}.`).join('\n\n');
    const prepared = prepare(`محادثات أرمينيا\n\n${body}`);
    const check = validateTelegramHtml(renderAlert(prepared, { timeZone: 'UTC' }));
    expect(prepared.article.paragraphs.join(' ').split(/\s+/).length).toBeGreaterThan(20_000);
    expect(check.ok && check.length).toBeLessThanOrEqual(4096);
  });

  it('rejects unusable input as a value', () => {
    expect(prepareArticle({ kind: 'text', text: '\0\0\0' }, deps)).toEqual({ ok: false, error: { code: 'binary', reason: expect.any(String) } });
  });
});
