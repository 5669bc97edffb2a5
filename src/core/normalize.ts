/**
 * Arabic-aware text normalization shared by matching, de-duplication and search.
 * Aliases and article text go through the same function, so they meet in one form.
 * Deliberately no stemming: stemmers break names (بوتين → بوت).
 */

// Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width characters.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
// Harakat, Quranic annotation marks, superscript alef, and tatweel.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

const FOLD: Readonly<Record<string, string>> = {
  // Alef variants: hamza above/below, madda, wasla.
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ة': 'ه',
  // Persian and Urdu letters that stand for Arabic ones in loanwords and typing.
  'ک': 'ك', 'ی': 'ي', 'ي': 'ي', 'ۀ': 'ه', 'ہ': 'ه', 'ە': 'ه', 'گ': 'ك', 'پ': 'ب', 'چ': 'ج', 'ژ': 'ز', 'ڤ': 'ف',
  // Arabic-Indic and Extended (Persian) digits.
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/**
 * Normalizes text for comparison: NFKC; drops bidi/zero-width controls, tatweel and
 * harakat; folds أ إ آ ٱ → ا, ى → ي, ة → ه, Persian letters → Arabic, Arabic-Indic
 * digits → 0-9; lower-cases Latin; collapses white space.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(MARKS, '')
    .replace(FOLDABLE, (ch) => FOLD[ch] ?? ch)
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Splits normalized text into word tokens (letters and digits; punctuation and symbols separate them). */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}
