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
 *    A city is never a national team: in a match report it is a club (جاره الرياض) unless after في
 *    or a stadium word (ملعب عمان), where it is the venue;
 *  - mediator, trip and posting: بوساطة إماراتية، قادما من غينيا الاستوائية، سفيرها في … are like a venue;
 *  - an adjective right after a place describes it and is used as it is (مدينة شرم الشيخ المصرية);
 *  - strong: a weak name right after منتخب or a state noun in the construct (منتخب مالي، حكومة مالي).
 * A name that only ends like an adjective (السعودية، مالي) is a name. A sport word alone never
 * hides a country that a state noun points at (الجيش الإسرائيلي in a strike on a stadium): the
 * sport rule only discounts club, event and affiliation uses.
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
  /** A place or nationality right after these is a mediator or sponsor (بوساطة إماراتية، بجهود قطرية). */
  readonly mediation: readonly string[];
  /** …and after these nouns when one of `mediationLead` comes first (بفضل جهود إماراتية، عبر وساطة قطرية): a
   * clause saying how; «وساطة إماراتية ناجحة…» opening a headline is the story itself. */
  readonly mediationNoun: readonly string[];
  readonly mediationLead: readonly string[];
  /** «… من» after these says where someone came from (عاد قادما من غينيا الاستوائية). */
  readonly travelFrom: readonly string[];
  /** A place after في or لدى after these is a diplomat's posting (سفيرها في غينيا الاستوائية). */
  readonly embassy: readonly string[];
  /** Verbs of a match result: a place after على / مع / أمام a few words on is the other team (فاز … على موزامبيق). */
  readonly matchVerb: readonly string[];
  /** A person right after these is a name a place or a prize was given (ستاد الملك عبدالله الثاني، جائزة …). */
  readonly namedAfter: readonly string[];
  /** Titles that may stand between such a word and the name (ستاد «الملك» عبدالله الثاني). */
  readonly personTitle: readonly string[];
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
  readonly mediation: ReadonlySet<string>;
  readonly mediationNoun: ReadonlySet<string>;
  readonly mediationLead: ReadonlySet<string>;
  readonly travelFrom: ReadonlySet<string>;
  readonly embassy: ReadonlySet<string>;
  readonly namedAfter: ReadonlySet<string>;
  readonly matchVerb: ReadonlySet<string>;
  readonly personTitle: ReadonlySet<string>;
  /** Place names that end like an adjective of nationality (السعودية، مالي، جيبوتي): names, not adjectives. */
  readonly names: ReadonlySet<string>;
  /** Place names that start with ب (بغداد، بيروت، باكو): the letter is the name's, not the preposition. */
  readonly baNames: ReadonlySet<string>;
}

/**
 * What a place word is used as in its sentence. Most uses make it no evidence or weak evidence;
 * `national` and `state` make a weak name (مالي, also "financial") strong: منتخب مالي، حكومة مالي.
 */
export type ContextUse = 'org' | 'outlet' | 'venue' | 'club' | 'event' | 'affiliation' | 'national' | 'state' | 'name';

// Single words only: a phrase's words alone mean other things (ربع النهائي, but الربع الثالث).
const set = (list: readonly string[]): ReadonlySet<string> =>
  new Set(list.map((w) => phraseTokens(w)).filter((t) => t.length === 1).map((t) => t[0] as string));

/** `placeNames`: the catalogue's country and city names, for those that look like adjectives. */
export function compileContext(raw: RawContextWords, placeNames: readonly string[] = []): ContextWords {
  return {
    sport: set(raw.sport), nationalTeam: set(raw.nationalTeam), club: set(raw.club), event: set(raw.event),
    state: set(raw.state), meeting: set(raw.meeting), host: set(raw.host), venueLead: set(raw.venueLead),
    org: set(raw.org), media: set(raw.media), mediation: set(raw.mediation), mediationNoun: set(raw.mediationNoun),
    mediationLead: set(raw.mediationLead), travelFrom: set(raw.travelFrom), embassy: set(raw.embassy),
    namedAfter: set(raw.namedAfter), personTitle: set(raw.personTitle), matchVerb: set(raw.matchVerb),
    names: new Set([...set(placeNames)].filter((t) => looksLikeNisba(t))),
    baNames: new Set([...set(placeNames)].filter((t) => t.startsWith('ب'))),
  };
}

const RETURN_HOME = new Set(['يعود', 'تعود', 'عاد', 'عادت', 'عودته', 'عودتها', 'عوده', 'العوده', 'بالعوده', 'عائدا', 'عائده', 'رجع', 'يرجع']);

// What links a name to a father's or a family's: بن، ابن، بنت; and آل (normalized ال) after a first name.
const PATRONYMIC = new Set(['بن', 'ابن', 'بنت']);
const NAME_LINKS = new Set([...PATRONYMIC, 'ال']);

/** Whether the name at `start` follows بن / ابن / بنت: a father's or grandfather's in someone else's name (خالد بن محمد بن زايد). */
export const inPatronymic = (tokens: readonly string[], start: number): boolean => PATRONYMIC.has(tokens[start - 1] ?? '');

/** How far (tokens before the venue) a meeting word makes في … a venue. */
const MEETING_WINDOW = 12;
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
  /**
   * Where each place hit starts, by the position it ends at: a venue phrase steps over another place
   * (في باكو، عاصمة أذربيجان), and an adjective right after a place describes it.
   */
  readonly placeEnds: ReadonlyMap<number, number>;
}


/** Whether token i (any clitic reading of it) is in `list`. */
function isIn(tokens: readonly string[], i: number, list: ReadonlySet<string>, variants: (t: string) => readonly string[]): boolean {
  if (i < 0 || i >= tokens.length) return false;
  for (const v of variants(tokens[i] as string)) if (list.has(v)) return true;
  return false;
}

/**
 * `placeEnds`: each place hit's start by its end. `sport`: a sport word is in the zone (the matcher
 * finds them in the same scan as aliases).
 */
export function zoneContext(tokens: readonly string[], placeEnds: ReadonlyMap<number, number>, sport: boolean): ZoneContext {
  return { tokens, sport, placeEnds };
}

/** The hit's first word carries the preposition ب (بمسقط، بجدة). */
function withBa(tokens: readonly string[], start: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  const t = tokens[start] ?? '';
  return t.startsWith('ب') && !words.baNames.has(t) && variants(t).length > 1;
}

/**
 * An event's name is the place right after an event word (مونديال قطر، كأس العالم بقطر); its venue
 * is the place after في a few words on (كأس العالم 2022 في قطر). A place two or three words after
 * the event word without في is a team (كأس العالم: المغرب يتأهل, the colon gone with the punctuation).
 */
function eventVenue(zone: ZoneContext, j: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  const { tokens } = zone;
  if (tokens[j] !== 'في') return false;
  // كأس العالم لكرة القدم 2026 في …: the event's name runs up to five words.
  for (let i = j - 1; i >= j - EVENT_NAME_WORDS; i -= 1) if (isIn(tokens, i, words.event, variants)) return true;
  return false;
}
const EVENT_NAME_WORDS = 5;

/**
 * Steps back from `start` over place names, adjectives and lead words (جمهورية، العاصمة) to the word
 * before them (في، من، بوساطة …, which are none of those): computed once per place hit.
 */
function wordBefore(zone: ZoneContext, start: number, words: ContextWords, variants: (t: string) => readonly string[]): number {
  const { tokens } = zone;
  let j = start - 1;
  let steps = 0;
  while (steps < 3 && j >= 0) {
    // Another place, whole (في الولايات المتحدة والمكسيك وكندا: a list of venues is one venue).
    const placeStart = zone.placeEnds.get(j + 1);
    if (placeStart !== undefined && placeStart <= j) j = placeStart - 1;
    else if (isIn(tokens, j, words.venueLead, variants) || looksLikeNisba(tokens[j] ?? '') || tokens[j] === 'جمهوريه') j -= 1;
    else break;
    steps += 1;
  }
  return j;
}

/**
 * في, or a lead word carrying ب (بمدينة شرم الشيخ، بالعاصمة), between `j` and `start`. For a city
 * (`city`), also إلى: where a trip went (يصل إلى القاهرة للمشاركة في الدورة، رحلة … إلى العاصمة الإثيوبية
 * أديس أبابا). Not for a country: the state a visit goes to is a party to it (زيارة ملك ماليزيا إلى السعودية).
 */
function inPlace(zone: ZoneContext, j: number, start: number, words: ContextWords, variants: (t: string) => readonly string[], city = false): boolean {
  if (j >= 0 && zone.tokens[j] === 'في') return true;
  // …but not a way home (يعود إلى بغداد بعد زيارة): the city is where the traveller is from.
  if (city && j >= 0 && zone.tokens[j] === 'الي' && !RETURN_HOME.has(zone.tokens[j - 1] ?? '')) return true;
  for (let i = j + 1; i < start; i += 1) {
    const t = zone.tokens[i] ?? '';
    if (t.startsWith('ب') && isIn(zone.tokens, i, words.venueLead, variants)) return true;
  }
  return false;
}

/** An embassy's or a diplomat's posting (سفيرها في غينيا الاستوائية، سفير قطر لدى الأردن). */
function posting(zone: ZoneContext, j: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  const t = zone.tokens[j];
  if (t !== 'في' && t !== 'لدي') return false;
  return isIn(zone.tokens, j - 1, words.embassy, variants) || isIn(zone.tokens, j - 2, words.embassy, variants);
}

// Words a match's other side follows (فاز على، تعادل مع، خسر أمام، ضد).
const SIDE_WORDS = new Set(['علي', 'مع', 'امام', 'ضد']);
const MATCH_WINDOW = 6;

/** The other side of a match: a place after على / مع / أمام / ضد a few words after a match verb (فاز المنتخب المغربي 1-صفر على موزامبيق). */
function opponent(tokens: readonly string[], start: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  if (!SIDE_WORDS.has(tokens[start - 1] ?? '')) return false;
  if (tokens[start - 1] === 'ضد') return true;
  for (let i = start - 2; i >= Math.max(0, start - 1 - MATCH_WINDOW); i -= 1) if (isIn(tokens, i, words.matchVerb, variants)) return true;
  return false;
}

/** A mediator or sponsor (بوساطة إماراتية، بوساطة مصرية قطرية، بوساطة من قطر، الوسيط القطري). */
function mediated(zone: ZoneContext, j: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  const k = zone.tokens[j] === 'من' ? j - 1 : j;
  if (isIn(zone.tokens, k, words.mediation, variants)) return true;
  return isIn(zone.tokens, k, words.mediationNoun, variants) && isIn(zone.tokens, k - 1, words.mediationLead, variants);
}

/** Where someone came from (قادما من جمهورية غينيا الاستوائية): a trip's origin, like a venue. */
function cameFrom(zone: ZoneContext, j: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  return zone.tokens[j] === 'من' && isIn(zone.tokens, j - 1, words.travelFrom, variants);
}

/**
 * What the place hit at tokens [start, end) is used as, or undefined for plain evidence: a use that
 * makes it no or weak evidence, or `national` / `state`, which make a weak name strong. `city`: read
 * the hit as a city (never a national team). `variants` gives a token's clitic readings (وفي، بمسقط).
 */
export function contextUse(
  zone: ZoneContext, start: number, end: number, words: ContextWords, variants: (t: string) => readonly string[], city = false,
): ContextUse | undefined {
  const { tokens } = zone;
  // An adjective of nationality starts the hit (الكوري الشمالي); a name that only ends like one is a
  // name: «السعودية تفوز على البحرين», «نيجيريا ضد الكونغو الديمقراطية».
  const nisba = looksLikeNisba(tokens[start] ?? '') && !isIn(tokens, start, words.names, variants);
  // A first name that looks like an adjective of nationality (تركي آل الشيخ، سوداني بن …): a person's name.
  if (nisba && end === start + 1 && NAME_LINKS.has(tokens[end] ?? '')) return 'name';

  if (nisba && (isIn(tokens, start - 1, words.media, variants) || isIn(tokens, start - 2, words.media, variants))) return 'outlet';
  const j = wordBefore(zone, start, words, variants);
  if (mediated(zone, j, words, variants)) return 'venue';

  if (zone.sport) {
    // منتخب مالي، المنتخب الوطني المغربي، فاز على ضيفه النيجر; but ضيفه مولودية الجزائر is a club.
    const clubBefore = isIn(tokens, start - 1, words.club, variants);
    const national = isIn(tokens, start - 1, words.nationalTeam, variants) || (!clubBefore && isIn(tokens, start - 2, words.nationalTeam, variants)) || (!clubBefore && !city && opponent(tokens, start, words, variants));
    if (national && !city) return 'national';
    if (!nisba && clubBefore) return 'club';
    if (!nisba && (isIn(tokens, start - 1, words.event, variants) || eventVenue(zone, j, words, variants))) return 'event';
    if (nisba && !national && !isIn(tokens, start - 1, words.state, variants) && !isIn(tokens, start - 2, words.state, variants)) return 'affiliation';
    // A city is never a national team: after في, ب or a stadium word it is where the match is played
    // (بجدة، ملعب عمان، استاد القاهرة), otherwise a club (الهلال يتفوق على جاره الرياض، ديربي الرياض).
    // Neither is evidence: the country is there as a team or not at all.
    if (city && !nisba) {
      const where = withBa(tokens, start, words, variants) || isIn(tokens, start - 1, words.venueLead, variants) || inPlace(zone, j, start, words, variants);
      // A match played in a city is no news about the city (nor, lent by it, a reason to fire it).
      return where ? 'event' : 'club';
    }
  }

  // بنك الكويت الوطني، جامعة يريفان; and an institution named by an adjective (المستشفى السعودي للولادة).
  if (isIn(tokens, start - 1, words.org, variants)) return 'org';
  if (isIn(tokens, start - 1, words.host, variants) || isIn(tokens, start - 2, words.host, variants)) return 'venue';
  if (cameFrom(zone, j, words, variants)) return 'venue';
  // A meeting named after its place (مفاوضات جدة، منبر جدة، قمة الرياض) is held there.
  if (!nisba && isIn(tokens, start - 1, words.meeting, variants)) return 'venue';
  if (posting(zone, j, words, variants)) return 'venue';
  // في [العاصمة/مدينة] [adjective] <place>: a venue when a meeting word is near.
  const afterIn = inPlace(zone, j, start, words, variants, city);
  if (afterIn || withBa(tokens, start, words, variants)) {
    const from = Math.max(0, j - MEETING_WINDOW);
    for (let i = from; i < Math.min(tokens.length, end + MEETING_AFTER); i += 1) {
      if (i >= start && i < end) continue;
      if (isIn(tokens, i, words.meeting, variants)) return 'venue';
    }
  }
  // An adjective right after a place describes that place (مدينة شرم الشيخ المصرية): it is used as the place is.
  const described = nisba ? zone.placeEnds.get(start) : undefined;
  if (described !== undefined && described < start) {
    const use = contextUse(zone, described, start, words, variants);
    if (use === 'venue') return 'venue';
  }
  // …and so does one between a lead word and the place (إلى العاصمة الإثيوبية أديس أبابا، حيث شارك في القمة).
  if (nisba && described === undefined && isIn(tokens, start - 1, words.venueLead, variants)) {
    for (const [placeEnd, placeStart] of zone.placeEnds) {
      // The place after العاصمة / مدينة is a city.
      if (placeStart === end && contextUse(zone, placeStart, placeEnd, words, variants, true) === 'venue') return 'venue';
    }
  }
  // A weak name after a state noun in the construct (حكومة مالي، رئيس مالي، جيش مالي) is the state.
  if (!nisba) {
    const before = tokens[start - 1] ?? '';
    if (!before.startsWith('ال') && isIn(tokens, start - 1, words.state, variants)) return 'state';
  }
  return undefined;
}

/** Whether the hit at `start` follows a word that names things after people (ستاد الملك عبدالله الثاني). */
export function namedAfterPerson(tokens: readonly string[], start: number, words: ContextWords, variants: (t: string) => readonly string[]): boolean {
  let j = start - 1;
  while (j > start - 4 && isIn(tokens, j, words.personTitle, variants)) j -= 1;
  return isIn(tokens, j, words.namedAfter, variants);
}
