import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../../src/core/input.js';
import { parseArticle } from '../../../src/core/parse/index.js';
import { renderAlert } from '../../../src/core/render/alert.js';
import { summarize } from '../../../src/core/summarize.js';
import { validateTelegramHtml } from '../../../src/core/telegram-html.js';

// Fragments that break naive parsers and renderers, spliced into real articles.
const PIECES = ['<', '>', '&', '&amp;', '<b>', '</b>', '<p>', '<script>', '"', '\n\n', 'بوتين', '9 مايو 2024', '16:19',
  'منذ ساعتين', '؟', '…', '«', '(رويترز)', 'نقلت وكالة', '\u202E', '\u2066', '\0', 'CNN', 'javascript:', '<article>', '{', '"body":'];
const fixture = readFileSync(new URL('../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');

function* mutations(count: number): Generator<string> {
  let seed = 2024;
  const random = (n: number): number => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * n);
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      yield Array.from({ length: random(40) }, () => PIECES[random(PIECES.length)]).join('');
    } else {
      const at = random(fixture.length);
      yield `${fixture.slice(0, at)}${PIECES[random(PIECES.length)]}${fixture.slice(at + random(40))}`;
    }
  }
}

describe('hostile and garbled input', () => {
  it('never throws, and every accepted article renders to valid Telegram HTML within 4096 units', () => {
    const ctx = { now: new Date('2025-01-01T00:00:00Z'), defaultTimeZone: 'Asia/Riyadh' };
    let accepted = 0;
    const problems: string[] = [];
    for (const text of mutations(200)) {
      const inputs: ArticleInput[] = [{ kind: 'text', text }, { kind: 'html', html: text }, { kind: 'json', json: { title: text.slice(0, 80), body: text } }];
      for (const input of inputs) {
        const result = parseArticle(input, ctx);
        if (!result.ok) {
          if (!result.error.reason) problems.push(`${input.kind}: rejection without a reason`);
          continue;
        }
        accepted++;
        const html = renderAlert({ article: result.value, summary: summarize(result.value), matches: [], fingerprint: { signature: [], bands: [] } }, { timeZone: 'Asia/Dubai' });
        const check = validateTelegramHtml(html);
        if (!check.ok) problems.push(`${input.kind}: ${check.reason}`);
        else if (check.length > 4096) problems.push(`${input.kind}: ${check.length} units`);
      }
    }
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(100);
  });

  it('drops NUL and other control characters from titles, bodies and outlets, so none reaches Telegram', () => {
    const ctx = { now: new Date('2025-01-01T00:00:00Z'), defaultTimeZone: 'Asia/Riyadh' };
    const controls = '\u0000\u0001\u0007\u001B\u007F\u0085\u009F';
    const title = `بوتين${controls} يوافق على سحب القوات الروسية من مناطق أرمينية`;
    const inputs: ArticleInput[] = [
      { kind: 'json', json: { title, body: `${fixture.slice(0, 400)}\u0000${fixture.slice(400)}`, outlet: `سكاي${controls} نيوز عربية` } },
      { kind: 'html', html: `<html><head><title>بوتين&#1; يوافق&#127;</title></head><body><article><h1>بوتين&#1; يوافق&#27; على سحب القوات</h1>${fixture.split('\n\n').map((p) => `<p>${p}&#7;</p>`).join('')}</article></body></html>` },
      { kind: 'text', text: fixture.replace('بيسكوف', 'بيس\u0007كوف\u001B') },
    ];
    for (const input of inputs) {
      const result = parseArticle(input, ctx);
      if (!result.ok) throw new Error(`${input.kind} rejected: ${result.error.reason}`);
      const article = result.value;
      // oxlint-disable-next-line no-control-regex -- looking for control characters
      const anyControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
      for (const text of [article.title, article.outlet ?? '', ...article.paragraphs]) expect(text).not.toMatch(anyControl);
      const html = renderAlert({ article, summary: summarize(article), matches: [], fingerprint: { signature: [], bands: [] } }, { timeZone: 'Asia/Dubai' });
      expect(html).not.toMatch(anyControl);
      expect(html).toContain('بوتين');
    }
  });
});
