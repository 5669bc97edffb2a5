/**
 * Splits article text into normalized tokens while keeping each token's written form,
 * so evidence can quote the article's own words ("الأرمينية", not "الارمينيه").
 */
import { normalizeText, tokenize } from '../normalize.js';

export interface TextTokens {
  /** Normalized tokens, the form aliases are indexed in. */
  readonly norm: readonly string[];
  /** The written form of each token, same indices. */
  readonly surface: readonly string[];
}

// Words in the written text: letters, digits, combining marks (harakat), tatweel and joiners.
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;

/**
 * Tokenizes `text` into parallel normalized and written forms. `normalized` is
 * tokenize(normalizeText(text)) when the caller has it already.
 */
export function textTokens(text: string, normalized?: readonly string[]): TextTokens {
  const norm = normalized ?? tokenize(normalizeText(text));
  const written = text.match(WRITTEN_WORD) ?? [];
  // Usually one written word is one token: normalize the paragraph once and pair them up.
  if (written.length === norm.length) return { norm, surface: written };
  // Otherwise (a ligature such as ﷺ expands to words, a word is only punctuation …) go word by word.
  const pairedNorm: string[] = [];
  const surface: string[] = [];
  for (const word of written) {
    for (const token of tokenize(normalizeText(word))) {
      pairedNorm.push(token);
      surface.push(word);
    }
  }
  return { norm: pairedNorm, surface };
}

/** Normalizes a phrase (alias, blocker, keyword) into the tokens the index uses. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(normalizeText(phrase));
}
