/**
 * Clitic handling for topic matching. Arabic attaches conjunctions (و ف), prepositions
 * (ب ل ك) and the article (ال) to the word; a name is found under them by stripping
 * them in that order. Each candidate keeps ≥ 3 letters so short words are not eaten.
 * Deliberately no suffix stripping or stemming: stemmers break names (بوتين → بوت).
 */

const ARABIC_LETTER = /^[\u0621-\u064A]/;
const MIN_LETTERS = 3;

/** True when the token is written in Arabic script (clitics apply only there). */
export function isArabicToken(token: string): boolean {
  return ARABIC_LETTER.test(token);
}

function stripArticle(word: string, out: string[]): void {
  if (word.startsWith('ال') && word.length - 2 >= MIN_LETTERS) out.push(word.slice(2));
}

function stripPreposition(word: string, out: string[]): void {
  // لل = ل + ال whose alef is dropped in writing: للنفط → النفط, نفط.
  if (word.startsWith('لل') && word.length - 2 >= MIN_LETTERS) {
    out.push(`ال${word.slice(2)}`, word.slice(2));
    return;
  }
  const first = word[0];
  if ((first === 'ب' || first === 'ل' || first === 'ك') && word.length - 1 >= MIN_LETTERS) {
    const rest = word.slice(1);
    out.push(rest);
    stripArticle(rest, out);
  }
}

/**
 * The forms a normalized token may stand for, most literal first:
 * as written; without و/ف; then without ب/ل/ك (لل → ال); then without ال.
 * `والأرمينية` → [والارمينيه, الارمينيه, ارمينيه]. Latin tokens are returned as they are.
 */
export function tokenVariants(token: string): string[] {
  const out = [token];
  if (!isArabicToken(token) || token.length <= MIN_LETTERS) return out;
  const bases = [token];
  const first = token[0];
  if ((first === 'و' || first === 'ف') && token.length - 1 >= MIN_LETTERS) {
    bases.push(token.slice(1));
    out.push(token.slice(1));
  }
  for (const base of bases) {
    stripPreposition(base, out);
    stripArticle(base, out);
  }
  return [...new Set(out)];
}
