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

// A dot inside a word, held by tatweel (لانتخـــ.ــاب): outlets write words so to keep them from being copied.
const TATWEEL_DOT = /([\u0621-\u064A])\u0640*(?:\u0640\.|\.\u0640)\u0640*(?=[\u0621-\u064A])/gu;
const hasTatweelDot = (s: string): boolean => s.includes('\u0640.') || s.includes('.\u0640');

/**
 * Normalizes text for comparison: NFKC; drops bidi/zero-width controls, tatweel (and a dot
 * held inside a word by tatweel) and harakat; folds أ إ آ ٱ → ا, ى → ي, ة → ه, Persian letters →
 * Arabic, Arabic-Indic digits → 0-9; lower-cases Latin; collapses white space.
 */

export function normalizeText(text: string): string {
  const nfkc = text.normalize('NFKC');
  const s = hasTatweelDot(nfkc) ? nfkc.replace(TATWEEL_DOT, '$1') : nfkc;
  const n = s.length;
  let cased = false;
  // Most of a text is kept as it is: find where the first change is before copying anything.
  let i = 0;
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    const cls = classOf(code);
    if (cls === KEEP) continue;
    if (cls === CASED) {
      cased = true;
      continue;
    }
    if (code === 0x20 && (i + 1 === n || !isSpaceOrDropped(s.charCodeAt(i + 1)))) continue;
    break;
  }
  let result = s;
  if (i < n) {
    // The rest is written code unit by code unit: no character ever becomes more than one.
    const out = n <= REUSED_UNITS ? reused : new Uint16Array(n);
    for (let k = 0; k < i; k++) out[k] = s.charCodeAt(k);
    let w = i;
    for (; i < n; i++) {
      const code = s.charCodeAt(i);
      const cls = classOf(code);
      if (cls === KEEP) out[w++] = code;
      else if (cls === CASED) {
        cased = true;
        out[w++] = code;
      } else if (cls === SPACE) {
        // A run of white space (dropped characters inside it vanish first) becomes one space.
        while (i + 1 < n && isSpaceOrDropped(s.charCodeAt(i + 1))) i++;
        out[w++] = 0x20;
      } else if (cls === ASCII_UPPER) out[w++] = code + 32;
      else if (cls === FOLDS) out[w++] = FOLDED_CODE[code] as number;
      // DROP: nothing written.
    }
    result = fromCodeUnits(out, w);
  }
  // Only non-ASCII capitals need the full (context-sensitive: final sigma) lower-casing.
  return (cased ? result.toLowerCase() : result).trim();
}

/** normalizeText writes into one reused buffer (it is synchronous); longer texts get their own. */
const REUSED_UNITS = 32_768;
const reused = new Uint16Array(REUSED_UNITS);

const isSpaceOrDropped = (code: number): boolean => {
  const cls = classOf(code);
  return cls === SPACE || cls === DROP;
};

/** The folded code unit of each folded character (every fold is one BMP character). */
const FOLDED_CODE = (() => {
  const table = new Uint16Array(0x10000);
  for (const [code, to] of FOLDED) table[code] = to.charCodeAt(0);
  return table;
})();

/** The string of units[0..length), in chunks small enough to pass as arguments. */
function fromCodeUnits(units: Uint16Array, length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  let text = '';
  for (let at = 0; at < length; at += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[]);
  }
  return text;
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
