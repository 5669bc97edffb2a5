import { describe, expect, it } from 'vitest';
import { keywordForms, keywordTopic } from '../../../src/core/keyword-topic.js';
import { normalizeText, tokenize } from '../../../src/core/normalize.js';

const idOf = (text: string): string => {
  const r = keywordTopic(text);
  if (!r.ok) throw new Error(r.error.reason);
  return r.value.id;
};

describe('keyword topics from what users type', () => {
  it('gives the same id to the same word however it is typed', () => {
    expect(idOf('أرمينيا')).toBe(idOf('ارمينيا'));
    expect(idOf('ارمـينيا')).toBe(idOf('  أَرْمِينِيَا '));
    expect(idOf('OpenAI')).toBe(idOf('openai'));
    expect(idOf('الذكاء   الاصطناعي')).toBe(idOf('الذكاء الاصطناعي'));
  });

  it('uses kw:<hex of the normalized text> as id, never the raw text', () => {
    const id = idOf('غزة');
    expect(id).toMatch(/^kw:[0-9a-f]+$/);
    const hex = id.slice(3);
    expect(new TextDecoder().decode(Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16)))).toBe('غزه');
  });

  it('keeps what the user typed as the name and files the alias by script', () => {
    const ar = keywordTopic('الذكاء الاصطناعي');
    const en = keywordTopic('Champions League');
    expect(ar.ok && ar.value).toMatchObject({ kind: 'keyword', names: { ar: 'الذكاء الاصطناعي' }, aliases: { ar: ['الذكاء الاصطناعي', 'ذكاء اصطناعي'], en: [] } });
    expect(en.ok && en.value).toMatchObject({ kind: 'keyword', aliases: { ar: [], en: ['champions league'] } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ا', 'too-short'],
    ['١٢ ٣٤', 'too-short'],
    ['!!! ؟؟', 'too-short'],
    ['ك'.repeat(65), 'too-long'],
    ['واحد اثنان ثلاثة أربعة خمسة ستة سبعة', 'too-many-words'],
  ])('refuses %j with a reason (%s)', (text, code) => {
    const r = keywordTopic(text);
    expect(r).toMatchObject({ ok: false, error: { code, reason: expect.stringMatching(/\S/) } });
  });
});

const forms = (text: string) => keywordForms(tokenize(normalizeText(text)));

describe('the other forms the press writes a keyword phrase in', () => {
  it('writes an all-definite noun phrase indefinite too, as a full match', () => {
    expect(forms('الانتخابات الرئاسية')).toEqual({ strong: ['انتخابات رئاسيه'], weak: [] });
  });

  it('shortens a three-word name ending in an adjective of scope, and refers back by its head noun, beside the name only', () => {
    expect(forms('صندوق النقد الدولي')).toEqual({ strong: [], weak: ['الصندوق', 'صندوق النقد'] });
    // A two-word name's head alone is in every story (الملعب، الوزير): no back-reference.
    expect(forms('ملعب اليرموك')).toEqual({ strong: [], weak: [] });
  });

  it('leaves one word, Latin script and a phrase ending in two adjectives alone', () => {
    expect(forms('الذهب')).toEqual({ strong: [], weak: [] });
    expect(forms('champions league')).toEqual({ strong: [], weak: [] });
    // البنك المركزي is any central bank: never a short form of the European one.
    expect(forms('البنك المركزي الأوروبي').weak).toEqual([]);
  });
});

