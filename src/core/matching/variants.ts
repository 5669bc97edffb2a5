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

// Letters the Arabic press uses for a Latin g (زنغزور، زنجزور، زنكزور): one class in loose forms.
const G_LETTERS = new Set(['غ', 'ج', 'ك', 'ق']);
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);
/** Loose forms are made only for long words: short ones collide (كتاب/كتب). */
export const LOOSE_MIN_LETTERS = 6;
const LOOSE_MIN_SKELETON = 4;
/** Loose keys live in the same trie as exact tokens; the prefix keeps them from ever meeting a real word. */
export const LOOSE_KEY = '~';

/**
 * The spelling-insensitive form of a transliterated word, for free keywords: the letters for g
 * folded to one, the long vowels inside the word dropped (the first letter and the last two kept), so
 * زنغزور، زنجزور، زانغيزور، زانجيزور and الفيدرالي، الفيديرالي meet. Undefined for words that
 * are too short to fold safely (under six letters without ال) or not Arabic.
 */
export function looseForm(token: string): string | undefined {
  if (!isArabicToken(token)) return undefined;
  const bare = token.startsWith('ال') ? token.slice(2) : token;
  if (bare.length < LOOSE_MIN_LETTERS) return undefined;
  const last = token.length - 1;
  let out = '';
  for (let i = 0; i <= last; i += 1) {
    const ch = token[i] as string;
    // The letter before the last is kept: it tells السياسية from السياسة.
    if (i > 0 && i < last - 1 && LONG_VOWELS.has(ch) && !(token.startsWith('ال') && i === 1)) continue;
    out += G_LETTERS.has(ch) ? 'ج' : ch;
  }
  return out.length >= LOOSE_MIN_SKELETON ? LOOSE_KEY + out : undefined;
}
