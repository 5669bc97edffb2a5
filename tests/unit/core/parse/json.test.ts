import { describe, expect, it } from 'vitest';
import { readJsonArticle } from '../../../../src/core/parse/json.js';

const ctx = { timeZone: 'Asia/Riyadh', now: new Date('2026-02-25T09:00:00Z') };

describe('JSON article input', () => {
  it('reads {title, body, url, publishedAt, outlet}', () => {
    const result = readJsonArticle({ id: 7, title: 'عاجل', body: 'نص الخبر', url: 'https://x.example/a', publishedAt: '2024-05-09T12:19:00Z', outlet: 'الغد' }, ctx);
    expect(result).toEqual({
      ok: true,
      value: { title: 'عاجل', body: 'نص الخبر', url: 'https://x.example/a', outlet: 'الغد', published: { date: new Date('2024-05-09T12:19:00Z'), precision: 'minute' } },
    });
  });

  it('accepts JSON Lines "published" and JSON text', () => {
    const result = readJsonArticle('{"body":"نص","published":"2024-05-09T12:19:00Z"}', ctx);
    expect(result.ok && result.value.published?.date.toISOString()).toBe('2024-05-09T12:19:00.000Z');
  });

  it('reads a printed date in the source zone', () => {
    const result = readJsonArticle({ body: 'نص', published: 'نشر في 25.03.2023 11:08' }, ctx);
    expect(result.ok && result.value.published?.date.toISOString()).toBe('2023-03-25T08:08:00.000Z');
  });

  it('treats an empty string as absent', () => {
    expect(readJsonArticle({ body: 'نص', publishedAt: '', published: '  ' }, ctx)).toEqual({ ok: true, value: { body: 'نص' } });
  });

  it('keeps an article whose date nobody can read, and says so', () => {
    const result = readJsonArticle({ body: 'نص', publishedAt: 'الخميس القادم' }, ctx);
    expect(result).toEqual({
      ok: true,
      value: { body: 'نص', warnings: [{ code: 'unreadable-date', field: 'publishedAt', value: 'الخميس القادم', message: expect.any(String) }] },
    });
  });

  it.each([
    ['malformed JSON', '{"body": "نص', 'malformed-json'],
    ['an array', [1, 2], 'invalid-field'],
    ['no body', { title: 'عنوان فقط' }, 'no-body'],
    ['a body that is not text', { body: 42 }, 'invalid-field'],
    ['a date that is neither text nor a number', { body: 'نص', publishedAt: { day: 9 } }, 'invalid-field'],
  ])('rejects %s with a reason', (_what, value, code) => {
    const result = readJsonArticle(value, ctx);
    expect(result).toEqual({ ok: false, error: { code, reason: expect.any(String) } });
  });
});
