/**
 * Arabic-aware text normalization shared by matching, de-duplication and search.
 * Aliases and article text go through the same function, so they meet in one form.
 * Deliberately no stemming: stemmers break names (بوتين → بوت).
 *
 * Every stage of the pipeline reads normalized text, so this is the hottest code in the core:
 * one table-driven pass does the dropping and folding, and tokenize walks the string by hand.
 */

// Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width characters.
const INVISIBLE = '\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD';
// Harakat, Quranic annotation marks, superscript alef, and tatweel.
const MARKS = '\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640';

const FOLD: Readonly<Record<string, string>> = {
  // Alef variants: hamza above/below, madda, wasla.
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ة': 'ه',
  // Persian and Urdu letters that stand for Arabic ones in loanwords and typing.
  'ک': 'ك', 'ی': 'ي', 'ۀ': 'ه', 'ہ': 'ه', 'ە': 'ه', 'گ': 'ك', 'پ': 'ب', 'چ': 'ج', 'ژ': 'ز', 'ڤ': 'ف',
  // Arabic-Indic and Extended (Persian) digits.
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
};

const DROPPED = new RegExp(`^[${INVISIBLE}${MARKS}]$`);
const FOLDED = new Map(Object.entries(FOLD).map(([from, to]) => [from.charCodeAt(0), to]));

// What normalization does to each BMP code unit, filled on first sight (0 = not seen yet).
const KEEP = 1;
const DROP = 2;
const FOLDS = 3;
const SPACE = 4;
const ASCII_UPPER = 5;
/** Kept here, but the whole result must go through toLowerCase (non-ASCII cased letters, surrogates). */
const CASED = 6;
const CLASS = new Uint8Array(0x10000);

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  if (FOLDED.has(code)) return FOLDS;
  if (DROPPED.test(ch)) return DROP;
  if (/\s/.test(ch)) return SPACE;
  if (code >= 0x41 && code <= 0x5a) return ASCII_UPPER;
  if (code >= 0xd800 && code <= 0xdfff) return CASED;
  return ch.toLowerCase() === ch ? KEEP : CASED;
}

function classOf(code: number): number {
  let cls = CLASS[code] as number;
  if (cls === 0) {
    cls = classify(code);
    CLASS[code] = cls;
  }
  return cls;
}

/**
 * Normalizes text for comparison: NFKC; drops bidi/zero-width controls, tatweel and
 * harakat; folds أ إ آ ٱ → ا, ى → ي, ة → ه, Persian letters → Arabic, Arabic-Indic
 * digits → 0-9; lower-cases Latin; collapses white space.
 */
export function normalizeText(text: string): string {
  const s = text.normalize('NFKC');
  // Unchanged stretches are copied by slice; `from` is where the pending one starts.
  let out = '';
  let from = 0;
  let cased = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    const cls = classOf(code);
    if (cls === KEEP) continue;
    if (cls === CASED) {
      cased = true;
      continue;
    }
    if (cls === SPACE) {
      // A run of white space (dropped characters inside it vanish first) becomes one space.
      let j = i + 1;
      while (j < n && (classOf(s.charCodeAt(j)) === SPACE || classOf(s.charCodeAt(j)) === DROP)) j++;
      if (j === i + 1 && code === 0x20) continue;
      out += `${s.slice(from, i)} `;
      from = j;
      i = j - 1;
      continue;
    }
    out += s.slice(from, i);
    if (cls === ASCII_UPPER) out += String.fromCharCode(code + 32);
    else if (cls === FOLDS) out += FOLDED.get(code) as string;
    from = i + 1;
  }
  const result = from === 0 ? s : out + s.slice(from);
  // Only non-ASCII capitals need the full (context-sensitive: final sigma) lower-casing.
  return (cased ? result.toLowerCase() : result).trim();
}

// Word characters (\p{L} or \p{N}) by BMP code unit, filled on first sight: 1 word, 2 not.
const WORD_CLASS = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordChar(code: number, text: string, at: number): boolean {
  if (code < 0xd800 || code > 0xdfff) {
    let cls = WORD_CLASS[code] as number;
    if (cls === 0) {
      cls = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
      WORD_CLASS[code] = cls;
    }
    return cls === 1;
  }
  // A surrogate pair: an astral letter or digit (a lone surrogate never is).
  const cp = text.codePointAt(at) as number;
  return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Splits normalized text into word tokens (letters and digits; punctuation and symbols separate them). */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    const word = isWordChar(code, normalized, i);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      tokens.push(normalized.slice(start, i));
      start = -1;
    }
    // The low half of a pair belongs to the character its high half started.
    if (code >= 0xd800 && code <= 0xdbff && word) i++;
  }
  if (start >= 0) tokens.push(normalized.slice(start));
  return tokens;
}
