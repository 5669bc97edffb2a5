/**
 * Finds alias hits in an article, zone by zone, and marks the ones a blocker word
 * near them disqualifies (جورجيا beside ولاية or أتلانتا is the US state).
 */
import type { Article } from '../article.js';
import type { ArticleTokens } from '../article-tokens.js';
import type { Evidence, TopicId, Zone } from '../topic.js';
import type { Blockers, IndexedEntry, PhraseHit, PhraseIndex } from './phrase-index.js';
import { normalizeText, tokenize } from '../normalize.js';
import { contextUse, inPatronymic, namedAfterPerson, zoneContext, type ContextWords, type ZoneContext } from './context.js';
import { countHit, createTallyBoard, type Tally, type TallyBoard } from './tally.js';
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
  /**
   * A weak hit that counts only beside the topic's own strong hit, never lent by what the topic is
   * part of: a city where a meeting is held (يستقبل … في الرياض) is no news about the city because its
   * country is a party.
   */
  readonly ownOnly: boolean;
  readonly blocked: boolean;
  /** The topic's parents (its TopicInfo's); undefined for an entry without one. */
  readonly parents: readonly TopicId[] | undefined;
  /** In the lead's opening words (after its dateline): where a news lead names its subject. */
  readonly opening: boolean;
  /** A free keyword's hit (keywords fire at their own threshold, relevance.ts). */
  readonly free: boolean;
}

/**
 * How many words (after the dateline) open the lead. A news lead names its subject there
 * (استقبل جلالة الملك عبدالله الثاني …، وصل الشيخ تميم بن حمد …), so a person, theme or keyword
 * named there counts as if named in the headline. Places don't: a lead opens on where things
 * happened and who spoke (قال وزير الخارجية الروسي …) as often as on what the story is about.
 */
export const LEAD_OPENING_WORDS = 10;


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

/** A body line this short after a sport paragraph is a line of its list (a draw, a table, the scorers). */
const LIST_LINE_WORDS = 12;

/** A paragraph this short before the lead is a dateline or byline (جوبا _صوت الهامش), not the lead. */
export const LEAD_MIN_WORDS = 6;
// A dateline opening a paragraph: up to four words, then a dash (عمان - (بترا) - …, القاهرة - كتب …).
const DATELINE = /^\s*[^\s\-–—_:.،(]+(?:\s+[^\s\-–—_:.،(]+){0,3}\s*[-–—_]/u;

// A headline opening on a word or two and a colon (أنقرة: …، الرئاسة السورية: …): a dateline or a source.
const TITLE_PREFIX = /^\s*[^\s:]+(?:\s+[^\s:]+)?\s*:/u;

/**
 * Tokens of a headline's opening prefix before a colon (أنقرة: الرئيس أردوغان يلتقي …): a city
 * there is the dateline, where the news came from. A country there is what the story is about
 * (السودان: مقتل …), and a source prefix (الرئاسة السورية:) names a party, so only cities are skipped.
 */
function titlePrefixTokens(text: string): number {
  const m = TITLE_PREFIX.exec(text);
  return m ? tokenize(normalizeText(m[0])).length : 0;
}

const SCORE_BEFORE_DASH = /\p{N}\s*[-–—_]$/u;

/** Tokens at the start of a paragraph that are its dateline: where the reporter was, not what the story is about. */
function datelineTokens(text: string, norm: readonly string[]): number {
  const m = DATELINE.exec(text);
  // A score or a date before the dash (فاز المنتخب المغربي 1-صفر، 2024-05) is no dateline.
  if (!m || SCORE_BEFORE_DASH.test(m[0])) return 0;
  const words = tokenize(normalizeText(m[0])).length;
  return words < norm.length ? words : 0;
}

interface ZoneText { zone: Zone; para: number; text: string; norm: readonly string[] | undefined }

/** Title, lead (the first paragraph that is not a short dateline or byline) and body. */
function zones(article: Article, known: ArticleTokens | undefined): ZoneText[] {
  const paragraphs = article.paragraphs;
  const norms: (readonly string[] | undefined)[] = paragraphs.map((_, i) => known?.paragraphTokens[i]);
  let lead = 0;
  while (lead < paragraphs.length - 1 && (norms[lead] ??= tokenize(normalizeText(paragraphs[lead] ?? ''))).length < LEAD_MIN_WORDS) lead += 1;
  const out: ZoneText[] = [{ zone: 'title', para: -1, text: article.title, norm: known?.titleTokens }];
  for (let para = lead; para < paragraphs.length; para += 1) {
    out.push({ zone: para === lead ? 'lead' : 'body', para, text: paragraphs[para] ?? '', norm: norms[para] });
  }
  return out;
}

/** The article's own words for tokens [pos, end) (a ligature that expanded to several tokens is quoted once). */
function quote(tokens: TextTokens, pos: number, end: number): string {
  if (end - pos === 1) return tokens.surfaceAt(pos); // most hits are one word
  let text = tokens.surfaceAt(pos);
  for (let i = pos + 1; i < end; i += 1) {
    const word = tokens.surfaceAt(i);
    if (word !== tokens.surfaceAt(i - 1)) text += ` ${word}`;
  }
  return text;
}

/** The normalized form of tokens [pos, end), to group evidence. */
const keyOf = (tokens: TextTokens, pos: number, end: number): string =>
  end - pos === 1 ? (tokens.norm[pos] ?? '') : tokens.norm.slice(pos, end).join(' ');

/** The article's own words for a hit. */
export const hitText = (h: Hit): string => quote(h.tokens, h.pos, h.end);

/** The normalized alias of a hit, to group evidence. */
export const hitKey = (h: Hit): string => keyOf(h.tokens, h.pos, h.end);

const isPlace = (e: IndexedEntry): boolean => e.place;
const isCity = (e: IndexedEntry): boolean => e.info?.topic?.kind === 'city';
const isSportWord = (h: PhraseHit): boolean => h.kind === 'sport';

/** Free keyword hits that run into a decoy are dropped (an outlet name hides its words from keywords too). */
function withoutFreeInDecoys(hits: PhraseHit[]): PhraseHit[] {
  let decoys: PhraseHit[] | undefined;
  for (const h of hits) if (h.kind === 'decoy') (decoys ??= []).push(h);
  if (!decoys) return hits;
  return hits.filter((h) => h.kind !== 'free' || !decoys.some((d) => h.start < d.end && d.start < h.end));
}

/** An article's hits: lone topics' tallied, every other topic's as Hits. */
export interface ArticleHits {
  /** Hits of the topics that are not lone, grouped by topic in reading order. */
  readonly byTopic: ReadonlyMap<TopicId, readonly Hit[]>;
  /** The rank by first hit (shared with the tallies) of each topic of byTopic, in its order. */
  readonly ranks: readonly number[];
  readonly tallies: readonly Tally[];
  /** The zones the tallies' zone indices point into, and their tokens (same indices). */
  readonly zones: readonly ZoneText[];
  readonly zoneTokens: readonly TextTokens[];
  /** Each zone's dateline length in tokens (LEAD_OPENING_WORDS count from there). */
  readonly skips: readonly number[];
}

interface EvidenceGroup { text: string; topicId: TopicId; zone: Zone; weak: boolean; count: number }

/** Counts the hit at tokens [pos, end) of zone `k` into its group of `out` (keys[g] is out[g]'s normalized words), or starts one. */
function addToGroups(out: EvidenceGroup[], keys: string[], found: ArticleHits, topicId: TopicId, k: number, pos: number, end: number): void {
  const tokens = found.zoneTokens[k] as TextTokens;
  const { zone } = found.zones[k] as ZoneText;
  const key = keyOf(tokens, pos, end);
  for (let g = 0; g < out.length; g += 1) {
    const group = out[g] as EvidenceGroup;
    if (keys[g] === key && group.zone === zone) {
      group.count += 1;
      return;
    }
  }
  keys.push(key);
  out.push({ text: quote(tokens, pos, end), topicId, zone, weak: false, count: 1 });
}

/**
 * A tally's evidence, as evidence of its hits would be grouped (by zone and normalized words, in
 * reading order), built from the tally's positions without making Hits: with 20,000 keywords most
 * topics that fire are tallied ones. No closure per call: under tsx (esbuild's keepNames) every
 * named inner function is renamed with Object.defineProperty as it is made, which costs more
 * than the evidence itself, and this runs for every keyword that fires.
 */
export function tallyEvidence(found: ArticleHits, t: Tally, topicId: TopicId): Evidence[] {
  const out: EvidenceGroup[] = [];
  const keys: string[] = [];
  addToGroups(out, keys, found, topicId, t.firstZone, t.first.start, t.first.end);
  const more = t.more;
  if (more) for (let i = 0; i < more.length; i += 3) addToGroups(out, keys, found, topicId, more[i] as number, more[i + 1] as number, more[i + 2] as number);
  return out;
}

/**
 * Every alias hit in the article's title, lead and body, blockers applied, grouped by topic in
 * reading order (lone topics' tallied instead). `known` is the article's tokens when the caller
 * has them; `board` is the caller's, reused from article to article.
 */
export function findHits(
  article: Article, index: PhraseIndex, known?: ArticleTokens, context?: ContextWords, board: TallyBoard = createTallyBoard(),
): ArticleHits {
  const byTopic = new Map<TopicId, Hit[]>();
  const ranks: number[] = [];
  const tallies: Tally[] = [];
  board.begin();
  const parts = zones(article, known);
  const scans: PhraseHit[][] = [];
  const sports: boolean[] = [];
  const tokenLists: TextTokens[] = [];
  const skips: number[] = [];
  for (const z of parts) {
    const tokens = textTokens(z.text, z.norm);
    const found = index.scan(tokens.norm);
    tokenLists.push(tokens);
    scans.push(found);
    // A short line after a sport paragraph is its list (الترجي التونسي / شباب قسنطينة الجزائري).
    const listLine = z.zone === 'body' && tokens.norm.length < LIST_LINE_WORDS && sports.at(-1) === true;
    sports.push(listLine || found.some(isSportWord));
  }
  for (let k = 0; k < parts.length; k += 1) {
    const { zone, para, text } = parts[k] as ZoneText;
    const tokens = tokenLists[k] as TextTokens;
    const scanned = scans[k] as PhraseHit[];
    const sport = sports[k] === true;
    const skip = zone === 'title' ? 0 : datelineTokens(text, tokens.norm);
    const titleCityEnd = zone === 'title' ? titlePrefixTokens(text) : 0;
    skips.push(skip);
    const found = withoutFreeInDecoys(scanned);
    let ctx: ZoneContext | undefined;
    for (const hit of found) {
      if (hit.start < skip) continue;
      const opening = zone === 'lead' && hit.start - skip < LEAD_OPENING_WORDS;
      if (hit.kind === 'free') {
        // Most keyword hits: one lone topic, counted without reading its entry.
        if (hit.lone >= 0) {
          countHit(board, tallies, ranks.length + tallies.length, hit.lone, hit, k, zone, para, opening);
          continue;
        }
        // A keyword hit gets no context rule (those are for places): the loop below without them.
        for (let e = 0; e < hit.entries.length; e += 1) {
          const entry = hit.entries[e] as IndexedEntry;
          if (entry.topicId === undefined) continue;
          if (entry.lone >= 0) {
            countHit(board, tallies, ranks.length + tallies.length, entry.lone, hit, k, zone, para, opening);
            continue;
          }
          const blockers = entry.blockers;
          const blocked = blockers !== undefined && isBlocked(tokens.norm, hit.start, hit.end, blockers, index.variants);
          const h: Hit = { topicId: entry.topicId, zone, para, pos: hit.start, end: hit.end, tokens, weak: entry.weak, ownOnly: false, blocked, parents: entry.parents, opening, free: true };
          const list = byTopic.get(entry.topicId);
          if (list) list.push(h);
          else {
            ranks.push(ranks.length + tallies.length);
            byTopic.set(entry.topicId, [h]);
          }
        }
        continue;
      }
      // Built once per zone, and only for zones with a place hit.
      const hasPlace = hit.entries.some(isPlace);
      if (context && !ctx && hasPlace) {
        const placeEnds = new Map<number, number>();
        for (const f of found) if (f.kind !== 'free' && f.entries.some(isPlace)) placeEnds.set(f.end, f.start);
        // A headline is a sport sentence when its lead is.
        ctx = zoneContext(tokens.norm, placeEnds, sport || (zone === 'title' && sports[1] === true));
      }
      // A word that names a country and a city (عمان) is read twice: منتخب عمان is Oman's team, never Amman's.
      let placeCount = 0;
      let cityCount = 0;
      if (hasPlace && context) {
        for (const e of hit.entries) {
          if (!e.place) continue;
          placeCount += 1;
          if (isCity(e)) cityCount += 1;
        }
      }
      const countryUse = ctx && context && hasPlace ? contextUse(ctx, hit.start, hit.end, context, index.variants, false) : undefined;
      const cityUse = ctx && context && cityCount > 0 ? contextUse(ctx, hit.start, hit.end, context, index.variants, true) : countryUse;
      for (const entry of hit.entries) {
        if (entry.topicId === undefined) continue;
        const place = entry.place;
        // ستاد الملك عبدالله الثاني، جائزة الملك فيصل: a name given in someone's honour, not the person.
        // …and one after بن is a father's or grandfather's in someone else's name (خالد بن محمد بن زايد).
        if (entry.info?.topic?.kind === 'person' && (inPatronymic(tokens.norm, hit.start) || (context && namedAfterPerson(tokens.norm, hit.start, context, index.variants)))) continue;
        const city = place && isCity(entry);
        if (city && hit.end <= titleCityEnd) continue;
        const use = city ? cityUse : countryUse;
        // Only for a word that names one country: الكونغو after حكومة is still either Congo.
        const onePlace = city ? placeCount === 1 : placeCount - cityCount === 1;
        // A club, event, outlet or affiliation use is no evidence at all. A venue or an
        // institution's name (بنك الكويت الوطني، جامعة يريفان) is evidence only beside other
        // evidence for the place (weak): the host may also be a party, the bank's country the story.
        // A national team or a state noun's construct (منتخب مالي، حكومة مالي) makes a weak name strong.
        const weakUse = use === 'venue' || use === 'org';
        const strongUse = (use === 'national' || use === 'state') && onePlace;
        if (place && use !== undefined && !weakUse && !strongUse) continue;
        const weak = (entry.weak && !(place && strongUse)) || (place && weakUse);
        const blockers = entry.blockers;
        const blocked = blockers !== undefined && isBlocked(tokens.norm, hit.start, hit.end, blockers, index.variants);
        const ownOnly = city && use === 'venue';
        // A side of the match a sport lead reports (فاز … على موزامبيق، عقب فوزه على نظيره غينيا بيساو) is
        // what that country's followers want, as if in the headline: a national team plays for its country.
        const side = place && use === 'national' && zone === 'lead';
        const h: Hit = { topicId: entry.topicId, zone, para, pos: hit.start, end: hit.end, tokens, weak, ownOnly, blocked, parents: entry.parents, opening: (opening && !place) || side, free: false };
        const list = byTopic.get(entry.topicId);
        if (list) list.push(h);
        else {
          ranks.push(ranks.length + tallies.length);
          byTopic.set(entry.topicId, [h]);
        }
      }
    }
  }
  return { byTopic, ranks, tallies, zones: parts, zoneTokens: tokenLists, skips };
}
