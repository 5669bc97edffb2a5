import { describe, expect, test } from 'vitest';
import { normalizeText, tokenize } from '../../src/core/normalize.js';

describe('normalizeText', () => {
  test('folds alef forms, alef maqsura and taa marbuta', () => {
    expect(normalizeText('أرمينية إيران آسيا ٱلقوقاز مصطفى')).toBe('ارمينيه ايران اسيا القوقاز مصطفي');
  });

  test('drops a dot that tatweel holds inside a word, and keeps the dots of abbreviations', () => {
    // tripolinews.net writes «للانتخـــ.ــابات الرئاسية» so the words cannot be copied.
    expect(normalizeText('للانتخـــ.ــابات الرئاسية')).toBe('للانتخابات الرئاسيه');
    expect(normalizeText('وكالة د.ب.أ')).toBe('وكاله د.ب.ا');
  });

  test('drops harakat, tatweel, bidi and zero-width controls', () => {
    expect(normalizeText('أَرْمِينِيَا')).toBe('ارمينيا');
    expect(normalizeText('أرمـــينيا')).toBe('ارمينيا');
    expect(normalizeText('\u202Bأرمينيا\u202C\u200F \u200Bيريفان')).toBe('ارمينيا يريفان');
  });

  test('maps Persian letters and Arabic-Indic digits, lower-cases Latin', () => {
    expect(normalizeText('کرمانشاه ی ٢٠٢٤ ۱۹')).toBe('كرمانشاه ي 2024 19');
    expect(normalizeText('Nagorno-KARABAKH')).toBe('nagorno-karabakh');
  });

  test('applies NFKC to presentation forms', () => {
    expect(normalizeText('\uFEFB')).toBe('لا');
  });
});

describe('tokenize', () => {
  test('splits on punctuation, keeps letters and digits', () => {
    expect(tokenize(normalizeText('قال بيسكوف: «بوتين وافق»، في 2024.'))).toEqual(['قال', 'بيسكوف', 'بوتين', 'وافق', 'في', '2024']);
  });
});
