/**
 * Finds alias hits in an article, zone by zone, and marks the ones a blocker word
 * near them disqualifies (جورجيا beside ولاية or أتلانتا is the US state).
 */
import type { Article } from '../article.js';
import type { ArticleTokens } from '../article-tokens.js';
import type { TopicId, Zone } from '../topic.js';
import type { Blockers, PhraseIndex, TopicInfo } from './phrase-index.js';
import { textTokens, type TextTokens } from './tokens.js';

/** One alias occurrence. `para` is -1 for the title, 0 for the lead, then body paragraphs. */
export interface Hit {
  readonly topicId: TopicId;
  readonly zone: Zone;
  readonly para: number;
  readonly pos: number;
  /** One past the last token of the hit. */
  readonly end: number;
  /** The zone's written and normalized tokens: evidence quotes them only for topics that fire. */
  readonly tokens: TextTokens;
  readonly weak: boolean;
  readonly blocked: boolean;
  readonly info: TopicInfo | undefined;
}


/** How far (in tokens, each side, same paragraph) a blocker reaches. */
export const BLOCKER_WINDOW = 6;

function isBlocked(
  tokens: readonly string[], start: number, end: number, blockers: Blockers, variantsOf: (token: string) => readonly string[],
): boolean {
  const from = Math.max(0, start - BLOCKER_WINDOW);
  const to = Math.min(tokens.length, end + BLOCKER_WINDOW);
  for (let i = from; i < to; i += 1) {
    if (i >= start && i < end) continue;
    const variants = variantsOf(tokens[i] ?? '');
    if (variants.some((v) => blockers.words.has(v))) return true;
    for (const phrase of blockers.phrases) {
      if (variants.includes(phrase[0] ?? '') && phrase.every((w, k) => k === 0 || tokens[i + k] === w)) return true;
    }
  }
  return false;
}

function* zones(article: Article, known: ArticleTokens | undefined): Generator<{ zone: Zone; para: number; text: string; norm: readonly string[] | undefined }> {
  yield { zone: 'title', para: -1, text: article.title, norm: known?.titleTokens };
  for (const [para, text] of article.paragraphs.entries()) yield { zone: para === 0 ? 'lead' : 'body', para, text, norm: known?.paragraphTokens[para] };
}

/** The article's own words for a hit (a ligature that expanded to several tokens is quoted once). */
export function hitText(h: Hit): string {
  if (h.end - h.pos === 1) return h.tokens.surface[h.pos] ?? ''; // most hits are one word
  return h.tokens.surface.slice(h.pos, h.end).filter((w, k, all) => all[k - 1] !== w).join(' ');
}

/** The normalized alias of a hit, to group evidence. */
export function hitKey(h: Hit): string {
  if (h.end - h.pos === 1) return h.tokens.norm[h.pos] ?? '';
  return h.tokens.norm.slice(h.pos, h.end).join(' ');
}

/**
 * Every alias hit in the article's title, lead and body, blockers applied, grouped by topic in
 * reading order. `known` is the article's tokens when the caller has them.
 */
export function findHits(article: Article, index: PhraseIndex, known?: ArticleTokens): Map<TopicId, Hit[]> {
  const byTopic = new Map<TopicId, Hit[]>();
  for (const { zone, para, text, norm } of zones(article, known)) {
    const tokens = textTokens(text, norm);
    for (const found of index.scan(tokens.norm)) {
      for (const entry of found.entries) {
        if (entry.topicId === undefined) continue;
        const blockers = entry.info?.blockers;
        const blocked = blockers !== undefined && isBlocked(tokens.norm, found.start, found.end, blockers, index.variants);
        const hit: Hit = { topicId: entry.topicId, zone, para, pos: found.start, end: found.end, tokens, weak: entry.weak, blocked, info: entry.info };
        const list = byTopic.get(entry.topicId);
        if (list) list.push(hit);
        else byTopic.set(entry.topicId, [hit]);
      }
    }
  }
  return byTopic;
}
