/**
 * Free keyword topics: any word or phrase a user types (Arabic or Latin) becomes a
 * Topic matched exactly like the catalogue's. The id is the hex of the normalized
 * text, so the same word typed twice (أرمينيا / ارمينيا / ارمـينيا) is the same topic
 * and no raw user text ever becomes a key.
 */
import { asTopicId } from './ids.js';
import { looksLikeNisba } from './matching/context.js';
import { normalizeText, tokenize } from './normalize.js';
import { err, ok, type Result } from './result.js';
import type { Topic } from './topic.js';

export type KeywordErrorCode = 'empty' | 'too-long' | 'too-short' | 'too-many-words';

export interface KeywordError {
  readonly code: KeywordErrorCode;
  /** A human-readable reason (English), safe to show. */
  readonly reason: string;
}

export const KEYWORD_MAX_CHARS = 64;
export const KEYWORD_MAX_WORDS = 6;

const LETTER = /\p{L}/gu;

const ARTICLE = 'ال';
/** A word keeps at least this many letters without its article (الغاز → غاز, not ال → nothing). */
const MIN_BARE = 3;
const definite = (w: string): boolean => w.startsWith(ARTICLE) && w.length - ARTICLE.length >= MIN_BARE;
const arabicWord = (w: string): boolean => /^\p{Script=Arabic}+$/u.test(w);

/**
 * The other forms the press writes an Arabic keyword phrase in (normalized tokens in, phrases out):
 *  - strong: a noun phrase whose every word is definite also appears indefinite, with the same
 *    words (الانتخابات الرئاسية → انتخابات رئاسية: «تجري انتخابات رئاسية»). The opposite way needs
 *    nothing: the matcher already strips ال from the article's words.
 *  - weak (they count only beside the keyword itself): a name made of a head noun, a definite
 *    noun and a final adjective of nationality or scope is shortened to its first two words
 *    (صندوق النقد الدولي → صندوق النقد; weak, because صندوق النقد العربي is another body), and is
 *    referred back to by its head noun with the article (الصندوق), as a story repeats it.
 */
export function keywordForms(tokens: readonly string[]): { strong: string[]; weak: string[] } {
  const strong: string[] = [];
  const weak: string[] = [];
  if (tokens.length < 2 || !tokens.every(arabicWord)) return { strong, weak };
  if (tokens.every(definite)) strong.push(tokens.map((w) => w.slice(ARTICLE.length)).join(' '));
  const [head = '', second = ''] = tokens;
  const last = tokens.at(-1) ?? '';
  // Only a three-word name (صندوق النقد الدولي): a two-word one's head alone (الوزير for وزير
  // الخارجية) is in every story, and would be read in every story for nothing.
  if (tokens.length === 3 && !head.startsWith(ARTICLE) && head.length >= MIN_BARE && definite(second)
    && definite(last) && looksLikeNisba(last) && !looksLikeNisba(second)) {
    weak.push(`${ARTICLE}${head}`, `${head} ${second}`);
  }
  return { strong, weak };
}

/** The hex of the UTF-8 bytes of `text`. */
function hex(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One empty list for every keyword's empty fields: a matcher holds 20,000 keywords, each with four. */
const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Makes a keyword topic from user text: ≤ 64 characters, at most 6 words, at least one
 * word of ≥ 2 letters after normalization. Id `kw:<hex of normalized tokens>`, kind 'keyword'.
 */
export function keywordTopic(text: string): Result<Topic, KeywordError> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return err({ code: 'empty', reason: 'The keyword is empty.' });
  if ([...trimmed].length > KEYWORD_MAX_CHARS) {
    return err({ code: 'too-long', reason: `A keyword has at most ${KEYWORD_MAX_CHARS} characters.` });
  }
  const tokens = tokenize(normalizeText(trimmed));
  if (!tokens.some((t) => (t.match(LETTER) ?? []).length >= 2)) {
    return err({ code: 'too-short', reason: 'A keyword needs at least one word of two letters or more.' });
  }
  if (tokens.length > KEYWORD_MAX_WORDS) {
    return err({ code: 'too-many-words', reason: `A keyword has at most ${KEYWORD_MAX_WORDS} words.` });
  }
  const normalized = tokens.join(' ');
  const display = trimmed.replace(/\s+/gu, ' ');
  const arabic = /\p{Script=Arabic}/u.test(normalized);
  const forms = keywordForms(tokens);
  return ok({
    id: asTopicId(`kw:${hex(normalized)}`),
    kind: 'keyword',
    names: { ar: display, en: display },
    aliases: { ar: arabic ? [normalized, ...forms.strong] : EMPTY, en: arabic ? EMPTY : [normalized] },
    weak: forms.weak.length > 0 ? forms.weak : EMPTY,
    blockers: EMPTY,
    parents: EMPTY,
  });
}
