import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextLayout } from '../../../../src/core/parse/text.js';

const fixture = readFileSync(new URL('../../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');
const ctx = { timeZone: 'Asia/Dubai', now: new Date('2024-06-01T00:00:00Z') };

describe('plain-text layout', () => {
  const layout = parseTextLayout(fixture, ctx);

  it('takes the short line after the dateline as the headline', () => {
    expect(layout.title).toBe('بوتين يوافق على سحب القوات الروسية من مناطق أرمينية');
  });

  it('recognizes the photo caption printed twice and keeps it out of the body', () => {
    expect(layout.captions).toHaveLength(1);
    expect(layout.captions[0]).toMatch(/^الرئيس الروسي فلاديمير بوتين خلال لقائه/);
    expect(layout.paragraphs.some((p) => p.includes('خلال لقائه'))).toBe(false);
  });

  it('reads the dateline line and keeps it out of the body', () => {
    expect(layout.dateline?.date.toISOString()).toBe('2024-05-09T12:19:00.000Z');
    expect(layout.paragraphs.some((p) => p.includes('16:19'))).toBe(false);
  });

  it('keeps every body paragraph in order', () => {
    expect(layout.paragraphs).toHaveLength(13);
    expect(layout.paragraphs[0]).toMatch(/^نقلت وكالة "إنترفاكس"/);
    expect(layout.paragraphs.at(-1)).toMatch(/^وانتقد باشينيان روسيا/);
  });

  it('joins hard-wrapped lines into one paragraph', () => {
    const wrapped = parseTextLayout('عنوان الخبر\n\nقال المتحدث باسم الحكومة إن\nالاجتماع سيعقد غداً.\n\nوأضاف أن الوفد وصل.', ctx);
    expect(wrapped.paragraphs).toEqual(['قال المتحدث باسم الحكومة إن الاجتماع سيعقد غداً.', 'وأضاف أن الوفد وصل.']);
  });

  it('finds no headline when the text starts with a body paragraph', () => {
    const bare = parseTextLayout('قال المتحدث باسم الحكومة إن الاجتماع سيعقد غداً في العاصمة.\nوأضاف أن الوفد وصل.', ctx);
    expect(bare.title).toBeUndefined();
  });

  it('keeps a body line that happens to repeat below the headline', () => {
    const text = 'عاجل: زلزال في تركيا\n\nضرب زلزال قوي جنوب تركيا.\nضرب زلزال قوي جنوب تركيا.\n\nولم ترد أنباء عن إصابات.';
    expect(parseTextLayout(text, ctx).paragraphs).toHaveLength(3);
  });

  it('keeps a headline ending with a credit such as (فيديو)', () => {
    const video = parseTextLayout('لحظة انهيار المبنى في بيروت (فيديو)\n\nانهار مبنى سكني قديم في بيروت صباح اليوم.', ctx);
    expect(video.title).toBe('لحظة انهيار المبنى في بيروت (فيديو)');
  });
});
