import { describe, expect, it } from 'vitest';
import { readJsonArticle } from '../../../../src/core/parse/json.js';

describe('JSON article input', () => {
  it('reads {title, body, url, publishedAt, outlet}', () => {
    const result = readJsonArticle({ id: 7, title: 'عاجل', body: 'نص الخبر', url: 'https://x.example/a', publishedAt: '2024-05-09T12:19:00Z', outlet: 'الغد' });
    expect(result).toEqual({ ok: true, value: { title: 'عاجل', body: 'نص الخبر', url: 'https://x.example/a', outlet: 'الغد', published: new Date('2024-05-09T12:19:00Z') } });
  });

  it('accepts JSON Lines "published" and JSON text', () => {
    const result = readJsonArticle('{"body":"نص","published":"2024-05-09T12:19:00Z"}');
    expect(result.ok && result.value.published?.toISOString()).toBe('2024-05-09T12:19:00.000Z');
  });

  it.each([
    ['malformed JSON', '{"body": "نص', 'malformed-json'],
    ['an array', [1, 2], 'invalid-field'],
    ['no body', { title: 'عنوان فقط' }, 'no-body'],
    ['a body that is not text', { body: 42 }, 'invalid-field'],
    ['an unreadable date', { body: 'نص', publishedAt: 'الخميس القادم' }, 'invalid-field'],
  ])('rejects %s with a reason', (_what, value, code) => {
    const result = readJsonArticle(value);
    expect(result).toEqual({ ok: false, error: { code, reason: expect.any(String) } });
  });
});
