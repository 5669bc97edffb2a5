/**
 * Splits article text into normalized tokens while keeping each token's written form,
 * so evidence can quote the article's own words ("الأرمينية", not "الارمينيه").
 */
import { normalizeText, tokenize } from '../normalize.js';

export interface TextTokens {
  /** Normalized tokens, the form aliases are indexed in. */
  readonly norm: readonly string[];
  /** The written form of token `i` (same indices as `norm`). */
  surfaceAt(i: number): string;
}

// Words in the written text: letters, digits, combining marks (harakat), tatweel and joiners.
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;
const WRITTEN_CHAR = /^[\p{L}\p{N}\p{M}\u0640\u200C\u200D]$/u;
// WRITTEN_CHAR by BMP code unit, filled on first sight: 1 yes, 2 no.
const WRITTEN_CLASS = new Uint8Array(0x10000);

/**
 * How many written words `text` has (runs of WRITTEN_WORD) and where each of the first
 * `bounds.length / 2` starts and ends, as pairs. Offsets, not strings: the words are only quoted
 * as evidence, for the hits of topics that fire.
 */
function writtenWords(text: string, bounds: Int32Array): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let written: boolean;
    let width = 1;
    if (code < 0xd800 || code > 0xdfff) {
      let cls = WRITTEN_CLASS[code] as number;
      if (cls === 0) WRITTEN_CLASS[code] = cls = WRITTEN_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
      written = cls === 1;
    } else {
      const cp = text.codePointAt(i) as number;
      written = cp > 0xffff && WRITTEN_CHAR.test(String.fromCodePoint(cp));
      if (written) width = 2;
    }
    // Writes past the end of a typed array are dropped: a text with more words than tokens takes the slow path below.
    if (written && !inWord) {
      bounds[2 * count] = i;
      count++;
    }
    if (written) bounds[2 * count - 1] = i + width;
    inWord = written;
    i += width - 1;
  }
  return count;
}

/**
 * Tokenizes `text` into parallel normalized and written forms. `normalized` is
 * tokenize(normalizeText(text)) when the caller has it already.
 */
export function textTokens(text: string, normalized?: readonly string[]): TextTokens {
  const norm = normalized ?? tokenize(normalizeText(text));
  // Usually one written word is one token: normalize the paragraph once and pair them up. Where
  // the written words are is noted in the same pass that counts them: with 20,000 keywords most
  // zones have a word quoted as evidence, and a second pass over the text for it cost more than the rest of the quote.
  const bounds = new Int32Array(2 * norm.length);
  if (writtenWords(text, bounds) === norm.length) {
    // A method, not an arrow: tsx (esbuild's keepNames) renames every arrow assigned to a name, with Object.defineProperty, as it is made.
    return {
      norm,
      surfaceAt(i) {
        return i < norm.length ? text.slice(bounds[2 * i], bounds[2 * i + 1]) : '';
      },
    };
  }
  const written = text.match(WRITTEN_WORD) ?? [];
  // Otherwise (a ligature such as ﷺ expands to words, a word is only punctuation …) go word by word.
  const pairedNorm: string[] = [];
  const surface: string[] = [];
  for (const word of written) {
    for (const token of tokenize(normalizeText(word))) {
      pairedNorm.push(token);
      surface.push(word);
    }
  }
  return {
    norm: pairedNorm,
    surfaceAt(i) {
      return surface[i] ?? '';
    },
  };
}

/** Normalizes a phrase (alias, blocker, keyword) into the tokens the index uses. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(normalizeText(phrase));
}
