/**
 * The alert summary: 2–3 sentences, ≤ 600 characters, in original order. Lead-biased (news puts
 * the point first) with centrality (sentences sharing the article's recurring words) and overlap
 * with the headline. Captions, datelines, "اقرأ أيضاً"-style boilerplate, sentences repeating the
 * headline and near-duplicates of an earlier sentence are never chosen; nor is anything a reader
 * could not trust (summary-check.ts): a sentence in another language than the article, a photo
 * credit, a fact-box item, a sentence ending on the colon that opens a list.
 */
import type { Article } from './article.js';
import { readDatelineLine } from './dateline.js';
import { normalizeText, tokenize } from './normalize.js';
import { clip, shortenSentence, splitSentences } from './sentences.js';
import { endsOnColon, isListItem, sentenceFlaw } from './summary-check.js';

export interface SummaryOptions {
  readonly maxSentences?: number;
  readonly maxChars?: number;
  /** normalizeText of each paragraph, when the caller has it (saves normalizing the text again). */
  readonly normalizedParagraphs?: readonly string[];
  /** normalizeText(article.title), when the caller has it. */
  readonly normalizedTitle?: string;
  /** tokenize of each normalized paragraph, when the caller has it. */
  readonly paragraphTokens?: readonly (readonly string[])[];
}

/** Only the opening of a long article is a summary candidate. */
const MAX_CANDIDATES = 40;
/** Centrality reads this many paragraphs: plenty to know what a story keeps returning to. */
const MAX_CENTRALITY_PARAGRAPHS = 300;
const MIN_TOKENS = 4;
const BOILERPLATE = /^(?:اقرا|طالع|شاهد|تابع|تابعونا|اشترك|للمزيد|اضغط|انقر|مواضيع ذات|اخبار ذات|جميع الحقوق|حقوق النشر|المصدر\s*:|read more|related|subscribe|©)/u;
const STOPWORDS = new Set(('في من علي الي عن ان او ثم قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين كان كانت مع بعد قبل حتي اذا '
  + 'كما ايضا بين عند كل قال وقال وقالت واضاف اليوم امس هو هي هم انه انها به بها له لها منذ خلال حول ضد لدي غير '
  + 'the and for that with from this have has was were are will said its their they been which would not but also').split(' '));
/** Past a paragraph ending on ":", the short lines that follow are its list, bulleted or not. */
const MAX_LIST_LINE = 160;
// A list run ends at a paragraph that reads as narrative again: a conjunction (و، ف), a quote, or a long one.
const NARRATIVE_START = /^(?:[«"“']|و|ف(?!ي\s)|يشار|يذكر|من جهته|من جهتها|الى ذلك|في المقابل|بدوره|بدورها)/u;
// "موسكو (رويترز) - " or "القاهرة - ": the wire dateline opening a lead, not part of the sentence.
const LEAD_PREFIX = /^(?:[\p{L}\p{M}]+\s){0,2}[\p{L}\p{M}]+\s*(?:\([^()]{2,30}\)\s*)?[-–—]\s+/u;

interface Candidate {
  readonly text: string;
  readonly position: number;
  readonly tokens: ReadonlySet<string>;
}

/** The content words of a sentence or paragraph (built for every candidate: no intermediate array). */
function contentSet(tokens: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t.length > 2 && !STOPWORDS.has(t)) set.add(t);
  }
  return set;
}
const tokensOf = (normalized: string): Set<string> => contentSet(tokenize(normalized));
const contentTokens = (text: string): Set<string> => tokensOf(normalizeText(text));

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const t of a.size <= b.size ? a : b) if ((a.size <= b.size ? b : a).has(t)) common++;
  return common;
}

/** Jaccard ≥ 0.6, or the smaller sentence ≥ 80 % inside the larger: the same sentence reworded. */
export function nearDuplicate(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const common = overlap(a, b);
  return common / (a.size + b.size - common) >= 0.6 || common / Math.min(a.size, b.size) >= 0.8;
}

/** Summary candidates, and each paragraph's content tokens (for centrality) as a by-product. */
function candidatesOf(
  article: Article, titleTokens: ReadonlySet<string>, normalized?: readonly string[], knownTokens?: readonly (readonly string[])[],
): { candidates: Candidate[]; paragraphTokens: Set<string>[] } {
  const captions = (article.captions ?? []).map(contentTokens);
  const datelineCtx = { timeZone: 'UTC', now: article.publishedAt };
  const out: Candidate[] = [];
  const paragraphTokens: Set<string>[] = [];
  let position = 0;
  let inList = false;
  for (const [index, paragraph] of article.paragraphs.slice(0, MAX_CENTRALITY_PARAGRAPHS).entries()) {
    const known = normalized?.[index];
    // The items a colon announced (or a bulleted run) are a fact box: counted for centrality, never summarized.
    const previous = article.paragraphs[index - 1];
    const norm0 = known ?? '';
    inList = isListItem(paragraph) || (previous !== undefined && (endsOnColon(previous) || inList)
      && paragraph.length <= MAX_LIST_LINE && !NARRATIVE_START.test(known !== undefined ? norm0 : normalizeText(paragraph)));
    const knownWords = known !== undefined ? knownTokens?.[index] : undefined;
    if (position >= MAX_CANDIDATES) {
      // Past the candidates only centrality needs the text: one normalization per paragraph.
      paragraphTokens.push(knownWords ? contentSet(knownWords) : tokensOf(known ?? normalizeText(paragraph)));
      continue;
    }
    const own = new Set<string>();
    paragraphTokens.push(own);
    const sentences = splitSentences(paragraph);
    for (const raw of sentences) {
      const text = position === 0 ? raw.replace(LEAD_PREFIX, '') : raw;
      position++;
      // A one-sentence paragraph is its own sentence: its normalized form may already be known.
      const whole = known !== undefined && sentences.length === 1 && text === paragraph;
      const norm = whole ? known : normalizeText(text);
      const tokens = whole && knownWords ? contentSet(knownWords) : tokensOf(norm);
      for (const t of tokens) own.add(t);
      if (position > MAX_CANDIDATES || inList) continue;
      if (tokens.size < MIN_TOKENS || BOILERPLATE.test(norm) || readDatelineLine(text, datelineCtx, norm)) continue;
      if (sentenceFlaw(text, article.lang, norm)) continue;
      const inTitle = overlap(tokens, titleTokens);
      const jaccardTitle = inTitle / (tokens.size + titleTokens.size - inTitle);
      if (jaccardTitle >= 0.6 || captions.some((c) => nearDuplicate(c, tokens))) continue;
      if (out.some((c) => nearDuplicate(c.tokens, tokens))) continue;
      out.push({ text, position: out.length, tokens });
    }
  }
  return { candidates: out, paragraphTokens };
}

/** Document frequency of each content token over all paragraphs (the centrality signal). */
function frequencies(paragraphTokens: readonly Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tokens of paragraphTokens) {
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** 2–3 summary sentences (fewer only when the article has fewer usable ones), ≤ maxChars in total. */
export function summarize(article: Article, options: SummaryOptions = {}): string[] {
  const maxSentences = options.maxSentences ?? 3;
  const maxChars = options.maxChars ?? 600;
  const normalizedTitle = options.normalizedTitle ?? normalizeText(article.title);
  const titleTokens = tokensOf(normalizedTitle);
  const { candidates, paragraphTokens } = candidatesOf(article, titleTokens, options.normalizedParagraphs, options.paragraphTokens);
  if (candidates.length === 0) {
    // Nothing sentence-like (a one-line brief): its first paragraph, unless that only repeats the
    // headline or is nothing a reader can trust (a caption, a list item).
    const first = article.paragraphs.find((p, i) => {
      const norm = options.normalizedParagraphs?.[i] ?? normalizeText(p);
      return norm !== normalizedTitle && !sentenceFlaw(p, article.lang, norm);
    });
    return first ? [clip(first, maxChars)] : [];
  }
  const df = frequencies(paragraphTokens);
  const scored = candidates.map((c) => {
    let central = 0;
    for (const t of c.tokens) central += Math.log1p((df.get(t) ?? 1) - 1);
    const centrality = central / Math.sqrt(c.tokens.size) / 3;
    const title = overlap(c.tokens, titleTokens) / Math.max(1, titleTokens.size);
    const lead = 1 / (1 + c.position * 0.35);
    return { c, score: lead * 0.6 + Math.min(1, centrality) * 0.25 + title * 0.15 };
  });
  // The lead is always in; the rest by score while the budget allows.
  const [lead, ...rest] = scored;
  const chosen = [lead?.c].filter((c): c is Candidate => c !== undefined);
  let used = chosen[0]?.text.length ?? 0;
  for (const { c } of rest.toSorted((a, b) => b.score - a.score)) {
    if (chosen.length >= maxSentences) break;
    if (used + 1 + c.text.length > maxChars) continue;
    chosen.push(c);
    used += 1 + c.text.length;
  }
  return chosen.toSorted((a, b) => a.position - b.position).map((c) => shortenSentence(c.text, maxChars));
}
