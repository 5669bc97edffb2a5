/**
 * Context rules for place names (countries and cities): a place word is not evidence that a
 * story is about the place when the sentence uses it for something else. Each rule looks only
 * at the few words around the hit, so it can be shown and tested on a real sentence:
 *  - org: part of an institution's name (بنك الكويت الوطني، جامعة يريفان): evidence only beside
 *    other evidence for the place; outlet: an outlet's or agency's name (وكالة الأنباء السعودية);
 *  - venue: where a meeting happens (انطلقت فعاليات المؤتمر في باكو، تستضيف أذربيجان المؤتمر);
 *  - sport: in a sentence about sport, a place is news about the country only as a national
 *    team (المنتخب المغربي، تأهل المغرب، فاز على كندا); a club (مولودية الجزائر، الوداد المغربي),
 *    a player's nationality (الإسباني رودري) or an event's name (مونديال قطر) is not.
 * A sport word alone never hides a country that a state noun points at (الجيش الإسرائيلي in a
 * strike on a stadium): the sport rule only discounts club, event and affiliation uses.
 */
import { phraseTokens } from './tokens.js';

/** The word lists behind the rules, from the catalogue (data/topics.json, `context`). */
export interface RawContextWords {
  /** Words that make a sentence a sport sentence. */
  readonly sport: readonly string[];
  /** A place right after these is a national team (منتخب المغرب، المنتخب الوطني المغربي). */
  readonly nationalTeam: readonly string[];
  /** A place right after these is a club's name (مولودية الجزائر، نادي الكويت). */
  readonly club: readonly string[];
  /** A place right after these is an event's name or venue (مونديال قطر، كأس العالم بقطر). */
  readonly event: readonly string[];
  /** Nouns after which an adjective of nationality means the state (الجيش الإسرائيلي، الرئيس المصري). */
  readonly state: readonly string[];
  /** Meeting words: a place after في near them is the venue (قمة … في شرم الشيخ). */
  readonly meeting: readonly string[];
  /** Verbs of hosting: the place after them is the host (تستضيف أذربيجان المؤتمر). */
  readonly host: readonly string[];
  /** Words between في and the venue (في العاصمة الأذربيجانية باكو). */
  readonly venueLead: readonly string[];
  /** A place name right after these is part of an organization's name (بنك الكويت الوطني). */
  readonly org: readonly string[];
  /** An adjective of nationality within two words after these is an outlet's name (وكالة الأنباء السعودية). */
  readonly media: readonly string[];
}

export interface ContextWords {
  readonly sport: ReadonlySet<string>;
  readonly nationalTeam: ReadonlySet<string>;
  readonly club: ReadonlySet<string>;
  readonly event: ReadonlySet<string>;
  readonly state: ReadonlySet<string>;
  readonly meeting: ReadonlySet<string>;
  readonly host: ReadonlySet<string>;
  readonly venueLead: ReadonlySet<string>;
  readonly org: ReadonlySet<string>;
  readonly media: ReadonlySet<string>;
}

export type ContextUse = 'org' | 'outlet' | 'venue' | 'club' | 'event' | 'affiliation';

// Single words only: a phrase's words alone mean other things (ربع النهائي, but الربع الثالث).
const set = (list: readonly string[]): ReadonlySet<string> =>
  new Set(list.map((w) => phraseTokens(w)).filter((t) => t.length === 1).map((t) => t[0] as string));

export function compileContext(raw: RawContextWords): ContextWords {
  return {
    sport: set(raw.sport), nationalTeam: set(raw.nationalTeam), club: set(raw.club), event: set(raw.event),
    state: set(raw.state), meeting: set(raw.meeting), host: set(raw.host), venueLead: set(raw.venueLead),
    org: set(raw.org), media: set(raw.media),
  };
}

/** How far (tokens before the venue) a meeting word makes في … a venue. */
const MEETING_WINDOW = 8;
const MEETING_AFTER = 4;

// Adjectives of nationality end in ي (masculine), يه (feminine, ة folded), or a plural/dual ending.
const NISBA_END = /(?:ي|يه|يون|يين|يات|يان|يتان|يتين)$/u;
// Function words with the same endings (ى is folded to ي: على → علي).
const NOT_NISBA = new Set(['في', 'الذي', 'التي', 'اللذين', 'اللتين', 'علي', 'الي', 'حتي', 'لدي', 'متي', 'وهي', 'فهي', 'هي', 'والتي', 'والذي', 'اي', 'لكي', 'كي', 'اذي', 'مدي', 'سوي', 'اخري', 'كبري', 'الاخري', 'الكبري']);
export const looksLikeNisba = (token: string): boolean => token.length >= 4 && !NOT_NISBA.has(token) && NISBA_END.test(token);

/** A zone (title or paragraph) with what the rules need to know about it, computed once. */
export interface ZoneContext {
  readonly tokens: readonly string[];
  readonly sport: boolean;
  /** Start positions of place hits, so a venue phrase can step over another place (في باكو، عاصمة أذربيجان). */
  readonly places: ReadonlySet<number>;
}


/** Whether token i (any clitic reading of it) is in `list`. */
function isIn(tokens: readonly string[], i: number, list: ReadonlySet<string>, variants: (t: string) => readonly string[]): boolean {
  if (i < 0 || i >= tokens.length) return false;
  for (const v of variants(tokens[i] as string)) if (list.has(v)) return true;
  return false;
}

/** `sport`: a sport word is in the zone (the matcher finds them in the same scan as aliases). */
export function zoneContext(tokens: readonly string[], places: ReadonlySet<number>, sport: boolean): ZoneContext {
  return { tokens, sport, places };
}

/**
 * An event's name is the place right after an event word (مونديال قطر، كأس العالم بقطر); its venue
 * is the place after في a few words on (كأس العالم 2022 في قطر). A place two or three words after
 * the event word without في is a team (كأس العالم: المغرب يتأهل, the colon gone with the punctuation).
 */
function eventVenue(tokens: readonly string[], start: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  if (tokens[start - 1] !== 'في') return false;
  for (let i = start - 2; i >= start - 4; i -= 1) if (isIn(tokens, i, words.event, variants)) return true;
  return false;
}

/**
 * Why the place hit at tokens [start, end) is not evidence for its place, or undefined when it is.
 * `variants` gives a token's clitic readings (وفي، بمسقط).
 */
export function contextUse(zone: ZoneContext, start: number, end: number, words: ContextWords, variants: (t: string) => readonly string[]): ContextUse | undefined {
  const { tokens } = zone;
  const nisba = looksLikeNisba(tokens[end - 1] ?? '');

  if (nisba && (isIn(tokens, start - 1, words.media, variants) || isIn(tokens, start - 2, words.media, variants))) return 'outlet';

  if (zone.sport) {
    const national = isIn(tokens, start - 1, words.nationalTeam, variants) || isIn(tokens, start - 2, words.nationalTeam, variants);
    if (!national) {
      if (!nisba && isIn(tokens, start - 1, words.club, variants)) return 'club';
      if (!nisba && (isIn(tokens, start - 1, words.event, variants) || eventVenue(tokens, start, words, variants))) return 'event';
      if (nisba && !isIn(tokens, start - 1, words.state, variants) && !isIn(tokens, start - 2, words.state, variants)) return 'affiliation';
    }
  }

  if (!nisba && isIn(tokens, start - 1, words.org, variants)) return 'org';
  if (isIn(tokens, start - 1, words.host, variants) || isIn(tokens, start - 2, words.host, variants)) return 'venue';
  // في [العاصمة/مدينة] [adjective] <place>: a venue when a meeting word is near.
  let j = start - 1;
  while (j >= start - 3 && j >= 0 && tokens[j] !== 'في' && (isIn(tokens, j, words.venueLead, variants) || zone.places.has(j) || looksLikeNisba(tokens[j] ?? ''))) j -= 1;
  const afterIn = j >= 0 && tokens[j] === 'في';
  const clitic = variants(tokens[start] ?? '').length > 1 && (tokens[start] ?? '').startsWith('ب');
  if (afterIn || clitic) {
    const from = Math.max(0, j - MEETING_WINDOW);
    for (let i = from; i < Math.min(tokens.length, end + MEETING_AFTER); i += 1) {
      if (i >= start && i < end) continue;
      if (isIn(tokens, i, words.meeting, variants)) return 'venue';
    }
  }
  return undefined;
}
