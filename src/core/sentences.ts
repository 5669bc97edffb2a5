/**
 * Sentence splitting for Arabic news text: Intl.Segmenter('ar') plus the fixes it needs.
 * - Abbreviations (د. م. هـ. ق.م. إلخ. Dr. …) and single letters before a dot do not end a sentence.
 * - An ellipsis (… or ...) followed by a space ends one; ICU does not split there.
 * - ؟ and ! end sentences (ICU already does); the Arabic semicolon ؛ deliberately does not: it joins
 *   clauses of one statement, and a summary sentence cut at ؛ reads as a fragment.
 * - Closing quotes « » “ ” " and brackets after the terminator stay with their sentence (ICU does that).
 */

const segmenter = new Intl.Segmenter('ar', { granularity: 'sentence' });

// Tokens that end with a dot without ending the sentence, as they appear before the dot.
const ABBREVIATIONS = new Set([
  'د', 'م', 'ه', 'هـ', 'ق', 'ص', 'ج', 'ب', 'أ', 'ا', 'إلخ', 'الخ', 'ت', 'ش', 'ق.م', 'ر', 'س',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'vs', 'no', 'gen', 'col', 'lt', 'u.s', 'u.n',
]);

const ELLIPSIS_BREAK = /(…|\.\.\.)(\s+)(?=\S)/gu;

const LAST_WORD_BEFORE_DOT = /(?:^|[\s(«"“])([\p{L}.]{1,6})\.\s*$/u;
const ONE_LETTER = /^\p{L}$/u;

/** True when `segment` ends with an abbreviation or an initial, so the next segment continues it. */
function endsWithAbbreviation(segment: string): boolean {
  const m = LAST_WORD_BEFORE_DOT.exec(segment);
  if (!m) return false;
  const word = (m[1] ?? '').toLowerCase();
  return ABBREVIATIONS.has(word) || ONE_LETTER.test(word);
}

// Terminators that may end a sentence; a paragraph with none before its end is one sentence.
const TERMINATOR = /[.!?؟…]/;
// What may close a paragraph after its last word: terminators, closing quotes and brackets, space.
const CLOSING = new Set(['.', '!', '?', '؟', '…', '"', "'", '»', '”', '’', ')', ']']);
const SPACE = /\s/;

/** `paragraph` without the closing marks and space it ends with (scanned from the end: it runs on every paragraph). */
function withoutClosing(paragraph: string): string {
  let end = paragraph.length;
  while (end > 0) {
    const ch = paragraph[end - 1] as string;
    if (!CLOSING.has(ch) && ch !== ' ' && !SPACE.test(ch)) break;
    end--;
  }
  return end === paragraph.length ? paragraph : paragraph.slice(0, end);
}

/** Splits one paragraph into trimmed sentences, in order. Never drops text (except white space). */
export function splitSentences(paragraph: string): string[] {
  // Most news paragraphs are a single sentence: skip the segmenter for them.
  const body = withoutClosing(paragraph);
  if (!TERMINATOR.test(body)) {
    const whole = paragraph.trim();
    return whole ? [whole] : [];
  }
  const text = paragraph.replace(ELLIPSIS_BREAK, '$1\n');
  const out: string[] = [];
  let carry = '';
  for (const { segment } of segmenter.segment(text)) {
    for (const piece of segment.split('\n')) {
      const joined = carry + piece;
      if (endsWithAbbreviation(joined)) {
        carry = joined.endsWith(' ') ? joined : `${joined} `;
        continue;
      }
      carry = '';
      const trimmed = joined.trim();
      if (trimmed) out.push(trimmed);
    }
  }
  const rest = carry.trim();
  if (rest) out.push(rest);
  return out;
}

/** Cuts `text` to at most `max` UTF-16 units at a word boundary, ending with "…"; never inside a word. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : '').trimEnd()}…`;
}

// «، و» then a word: where Arabic news chains its clauses (…دونالد ترامب، وتعقد القمة …).
const CLAUSE_BREAK = /[،,]\s+(?=و\p{L})/gu;
// Any comma then a word: a clause break when no «، و» fits.
const COMMA_BREAK = /[،,]\s+(?=\p{L})/gu;
/** A clause shorter than this is no sentence a reader can stand on. */
const MIN_CLAUSE = 60;

/**
 * Shortens an over-long sentence to at most `max` UTF-16 units at the last clause break that fits
 * («، و», else a bare comma: the clauses before it make a whole sentence, so it ends with a full stop,
 * not «…»); clip() when no break leaves a clause of MIN_CLAUSE units or more.
 */
export function shortenSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = lastBreak(text, max, CLAUSE_BREAK);
  // A sentence that chains its clauses with bare commas (the protocol leads of state news: …في زيارة
  // رسمية يقوم بها إلى مملكة البحرين، يجري سموه خلالها مباحثات …) ends at its last comma that fits.
  const at = cut > 0 ? cut : lastBreak(text, max, COMMA_BREAK);
  return at > 0 ? `${text.slice(0, at).trimEnd()}.` : clip(text, max);
}

/** Where the last `breaks` match that fits in `max` and leaves a clause of MIN_CLAUSE units starts, or -1. */
function lastBreak(text: string, max: number, breaks: RegExp): number {
  let cut = -1;
  for (const m of text.matchAll(breaks)) {
    if (m.index + 1 > max) break;
    if (m.index >= MIN_CLAUSE) cut = m.index;
  }
  return cut;
}

