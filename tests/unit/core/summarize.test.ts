import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { asArticleId } from '../../../src/core/ids.js';
import { normalizeText, tokenize } from '../../../src/core/normalize.js';
import { parseArticle } from '../../../src/core/parse/index.js';
import { nearDuplicate, summarize } from '../../../src/core/summarize.js';

const fixture = readFileSync(new URL('../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');
const parsed = parseArticle({ kind: 'text', text: fixture, timeZone: 'Asia/Dubai' }, { now: new Date('2024-06-01T00:00:00Z'), defaultTimeZone: 'UTC' });
const armenia = parsed.ok ? parsed.value : undefined;
const article = (title: string, paragraphs: string[]): Article => ({
  id: asArticleId('0'), title, paragraphs, publishedAt: new Date('2024-05-09T12:19:00Z'), timeSource: 'dateline', citedSources: [], lang: 'ar',
});
const tokens = (s: string): Set<string> => new Set(tokenize(normalizeText(s)));

describe('summarize', () => {
  const summary = armenia ? summarize(armenia) : [];

  it('gives 2–3 sentences within 600 characters', () => {
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    expect(summary.join(' ').length).toBeLessThanOrEqual(600);
  });

  it('states the withdrawal agreement, in original order, from the lead', () => {
    expect(summary[0]).toMatch(/وافق على سحب القوات الروسية/);
    const positions = summary.map((s) => fixture.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual(positions.toSorted((a, b) => a - b));
  });

  it('contains neither the photo caption nor any sentence twice', () => {
    expect(summary.join(' ')).not.toMatch(/خلال لقائه/);
    for (const [i, a] of summary.entries()) {
      for (const b of summary.slice(i + 1)) expect(nearDuplicate(tokens(a), tokens(b))).toBe(false);
    }
  });

  it('drops "اقرأ أيضاً" boilerplate and sentences repeating the headline', () => {
    const s = summarize(article('انقطاع الكهرباء في بيروت', [
      'انقطاع الكهرباء في بيروت.',
      'شهدت العاصمة اللبنانية بيروت انقطاعاً واسعاً للتيار الكهربائي صباح الأربعاء.',
      'اقرأ أيضاً: أزمة الوقود تتفاقم في لبنان منذ أشهر',
      'وقالت مؤسسة كهرباء لبنان إن التوقف جاء بسبب نفاد مخزون الوقود.',
    ]));
    expect(s).toEqual([
      'شهدت العاصمة اللبنانية بيروت انقطاعاً واسعاً للتيار الكهربائي صباح الأربعاء.',
      'وقالت مؤسسة كهرباء لبنان إن التوقف جاء بسبب نفاد مخزون الوقود.',
    ]);
  });

  it('drops the wire dateline opening the lead', () => {
    const s = summarize(article('معبر جابر', ['عمّان - أعلنت الحكومة الأردنية إعادة فتح معبر جابر الحدودي مع سوريا أمام الشاحنات.']));
    expect(s[0]).toMatch(/^أعلنت الحكومة الأردنية/);
  });

  it('never cuts inside a word when one sentence is longer than the budget', () => {
    const long = `${'قال المسؤول إن المفاوضات مستمرة '.repeat(40)}.`;
    const [only] = summarize(article('خبر', [long]));
    expect(only?.length).toBeLessThanOrEqual(600);
    expect(only?.endsWith('…')).toBe(true);
    expect(long.startsWith(only?.slice(0, -1) ?? 'x')).toBe(true);
  });
});
