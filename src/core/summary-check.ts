/**
 * What makes a summary sentence untrustworthy (issue 10 §5), as predicates the summarizer uses to
 * skip candidates and summaryFlaws uses to audit a finished summary: a sentence in another script
 * than the article (an English agency caption inside an Arabic story), a photo credit line
 * (©, Getty, "EPA-EFE/…", "REUTERS/…", "(MaxPPP TagID: …)", «صورة تعبيرية»), a fact-box item
 * (a line opening with ـ, -, • or "1-"), a sentence ending on the colon that introduces a list,
 * and a summary that stops mid-sentence.
 */
import { scriptCounts } from './script-counts.js';
import type { Article } from './article.js';
import { normalizeText } from './normalize.js';

export type SummaryFlaw = 'other-language' | 'photo-credit' | 'list-item' | 'ends-on-colon' | 'unfinished';

// ـ (tatweel) opens fact-box lines in Arabic layouts; a number needs its "-", "." or ")" and a space (not "3.5").
const BULLET = /^\s*(?:[-–—ـ•·▪●◦■□*✓✔►▶]+\s*|\(?\d{1,2}\s*[-–).]\s+)/u;
// Run on normalizeText output: Latin lower-cased, ة → ه, أ → ا. Most Arabic sentences hold no Latin
// letter and none of the Arabic photo words, so the cheap tests go first (this runs on every candidate).
const LATIN_CREDIT = new RegExp([
  '©', '\\bcopyright\\b', '\\bgetty\\s*images?\\b', '\\bphotos?\\s*(?:via|by)\\b', '\\(\\s*photos?\\b', '\\bmaxppp\\b', '\\btagid\\b',
  '\\b(?:afp|epa(?:-efe)?|efe|reuters|ap|anadolu|xinhua|dpa|getty|sputnik|ria novosti)\\s*/\\s*\\p{L}',
  '\\p{L}\\s*/\\s*(?:afp|epa|efe|reuters|ap|getty|dpa)\\b', '\\bvia getty\\b',
].join('|'), 'u');
const ARABIC_CREDIT = /(?:^|[\s(])(?:صوره|الصوره)\s*(?:تعبيريه|ارشيفيه|من الارشيف)|\(\s*(?:تعبيريه|ارشيفيه)|(?:^|\s)تصوير\s*:/u;
const MAY_BE_LATIN_CREDIT = /[a-z©]/;
const UNFINISHED_END = /[,،؛\-–—]\s*$/u;

/** A fact-box or list item: opens with a bullet or an item number. */
export function isListItem(text: string): boolean {
  // Nearly every paragraph opens with an Arabic letter (tatweel, a bullet here, aside): no regex for those.
  const first = text.charCodeAt(0);
  return !(first >= 0x621 && first <= 0x64a && first !== 0x640) && BULLET.test(text);
}

/** A photo caption's credit or a photo agency line; `normalized` saves normalizing `text` again. */
export function isPhotoCredit(text: string, normalized = normalizeText(text)): boolean {
  if (MAY_BE_LATIN_CREDIT.test(normalized) && LATIN_CREDIT.test(normalized)) return true;
  const arabicWord = normalized.includes('صوره') || normalized.includes('تعبيريه') || normalized.includes('ارشيفيه') || normalized.includes('تصوير');
  return arabicWord && ARABIC_CREDIT.test(normalized);
}

const CLOSERS = new Set([' ', '\t', '\n', '"', "'", '»', '”', '’', ')']);

/** A sentence that introduces what follows («… على النحو التالي:»): it says nothing on its own. */
export function endsOnColon(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i] ?? '')) i--;
  return text[i] === ':' || text[i] === '：';
}

const LATIN_LETTER = /[A-Za-z]/;
const ARABIC_LETTER = /[\u0600-\u06ff]/;

/** Mostly written in another script than the article's language (Latin in an Arabic article, or the reverse). */
export function inOtherLanguage(text: string, lang: Article['lang']): boolean {
  if (lang === 'other' || !(lang === 'ar' ? LATIN_LETTER : ARABIC_LETTER).test(text)) return false;
  const { arabic, latin } = scriptCounts(text);
  return lang === 'ar' ? latin > arabic : arabic > latin;
}

/** Why a sentence may not stand in a summary, or undefined when it may. */
export function sentenceFlaw(text: string, lang: Article['lang'], normalized?: string): SummaryFlaw | undefined {
  if (isListItem(text)) return 'list-item';
  if (isPhotoCredit(text, normalized)) return 'photo-credit';
  if (inOtherLanguage(text, lang)) return 'other-language';
  if (endsOnColon(text)) return 'ends-on-colon';
  // A paragraph the outlet broke off on a comma («…وأصابتها بعدد من الصواريخ والطائرات المسيرة،»):
  // half a sentence, whose other half is another paragraph.
  if (UNFINISHED_END.test(text)) return 'unfinished';
  return undefined;
}

/**
 * Audits a summary against its article: every flaw found, with the sentence it is in. A summary
 * ends at a sentence end: its last sentence may not stop on a comma, or on a "…" the article does
 * not have (the mark clip() leaves).
 */
export function summaryFlaws(summary: readonly string[], article: Pick<Article, 'lang' | 'paragraphs'>): { flaw: SummaryFlaw; sentence: string }[] {
  const flaws: { flaw: SummaryFlaw; sentence: string }[] = [];
  for (const sentence of summary) {
    const flaw = sentenceFlaw(sentence, article.lang);
    if (flaw) flaws.push({ flaw, sentence });
  }
  const last = summary.at(-1);
  if (last !== undefined) {
    const clipped = last.endsWith('…') && !article.paragraphs.some((p) => p.includes(last));
    if (clipped && !flaws.some((f) => f.sentence === last)) flaws.push({ flaw: 'unfinished', sentence: last });
  }
  return flaws;
}
