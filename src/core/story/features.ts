/**
 * What an article says that identifies its event: the rare content words of the headline and
 * the lead, the specific numbers it gives, the counts it reports (killed, injured, votes …), the
 * topics it matched and whether the headline calls itself breaking or an update.
 *
 * Only the headline and the lead are read. Outlets retelling one event agree on who, where and
 * how many in their first sentences; the body drifts into background that two different events
 * on the same topic share (the war's history, the country's profile).
 */
import type { ArticleTokens } from '../article-tokens.js';
import { normalizeText } from '../normalize.js';
import type { TopicMatch } from '../topic.js';

/** One reported count: "71 شهيدا" → { kind: 'killed', value: 71 }. */
export interface StoryCount {
  readonly kind: CountKind;
  readonly value: number;
}

/** 'people' is only an intermediate reading: a count of people is filed as killed or injured by the word before it. */
export type CountKind = 'killed' | 'injured' | 'missing' | 'votes' | 'people';

export interface StoryFeatures {
  /** Distinct content terms (light-stemmed), headline terms first. */
  readonly terms: readonly string[];
  /** How many of `terms` come from the headline. */
  readonly titleTerms: number;
  /** Specific numbers of the headline and lead (years and small numbers left out). */
  readonly numbers: readonly string[];
  /** Counts reported in the headline and lead, largest first per kind. */
  readonly counts: readonly StoryCount[];
  /** Matched topics other than regions and themes (places, people, conflicts, keywords). */
  readonly topics: readonly string[];
  /** Matched person topics, and those of them named in the headline. */
  readonly persons: readonly string[];
  readonly titlePersons: readonly string[];
  /** The headline says تحديث (update). */
  readonly updateWord: boolean;
  /** The headline says عاجل (breaking). */
  readonly breakingWord: boolean;
}

/** Tokens of the lead read after the headline: about the first two or three sentences. */
const LEAD_TOKENS = 90;
const MAX_TERMS = 48;

const norm = (words: string): string[] => normalizeText(words).split(' ').filter(Boolean);

// Function words and the stock vocabulary of news copy ("said", "today", "according to", weekdays,
// "news agency" …). Everything else is weighted by rarity in the window (see decide.ts).
const STOP = new Set(norm(`
في من على إلى الى عن مع أن إن أنه أنها إنه إنها كان كانت يكون تكون قد لقد ما لا لم لن هو هي هم هن هذا هذه ذلك تلك
الذي التي الذين اللذين اللتين كل بعض أي أو أم ثم حتى إذا إذ لكن لكنه بل بين بعد قبل خلال منذ عند عبر حول ضد دون غير
وقد وكان وكانت وهو وهي وفي ومن وعلى وأن وإن كما أيضا أيضاً فيما بينما حيث وسط نحو لدى لها له لهم منها منه فيها فيه عليه عليها
به بها بهم إليه إليها عنه عنها ولا وما ولم أكثر أقل أول آخر آخرين أخرى الأول الثاني جديد جديدة
قال قالت يقول تقول وقال وقالت أعلن أعلنت يعلن تعلن وأعلن وأعلنت أكد أكدت يؤكد وأكد وأكدت أضاف أضافت وأضاف وأضافت
أفاد أفادت وأفاد وأفادت ذكر ذكرت وذكر وذكرت أشار أشارت وأشار وأشارت أوضح أوضحت وأوضح كشف كشفت نقل نقلت ونقلت ونقل
بحسب وفق وفقا وفقاً طبقا نقلا نقلاً مصدر مصادر مسؤول مسؤولون بيان بيانا تصريح تصريحات مؤتمر صحفي صحافي
اليوم أمس غدا الليلة صباح صباحا مساء مساءً فجر ظهر الساعة ساعة ساعات يوم أيام الأسبوع شهر الشهر العام عام
الأحد الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
وكالة وكالات الأنباء أنباء قناة صحيفة موقع وسائل إعلام الإعلام تقرير تقارير خبر أخبار عاجل تحديث متابعات
حصيلة أولية عدد نحو حوالي قرابة أكثر الأقل أقل
`));

const CLITIC_PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
const SUFFIXES = ['يه', 'ات', 'ين', 'ون', 'ها', 'هم', 'ه', 'ي'];

// Words repeat across articles: each token's term is worked out once (bounded, cleared when full).
const terms = new Map<string, string>();
const TERM_CACHE = 50_000;

/** Normalized token → comparable term: conjunction, article and tanween alif dropped; '' for a stop word. */
export function termOf(token: string): string {
  let term = terms.get(token);
  if (term === undefined) {
    term = termUncached(token);
    if (terms.size >= TERM_CACHE) terms.clear();
    terms.set(token, term);
  }
  return term;
}

function termUncached(token: string): string {
  if (STOP.has(token)) return '';
  let t = token;
  if (t.length >= 4 && (t[0] === 'و' || t[0] === 'ف') && !STOP.has(t.slice(1))) t = t.slice(1);
  for (const p of CLITIC_PREFIXES) {
    if (t.startsWith(p) && t.length - p.length >= 3) {
      t = t.slice(p.length);
      break;
    }
  }
  // A one-letter preposition before a name (بطهران، لبنان as للبنان): consistent stripping matters
  // more than correctness, both outlets' forms end up alike.
  if (t.length >= 5 && (t[0] === 'ب' || t[0] === 'ل' || t[0] === 'ك')) t = t.slice(1);
  // Accusative tanween is written as a final alif: قتيلا / قتيل, شخصا / شخص.
  if (t.length >= 4 && t.endsWith('ا')) t = t.slice(0, -1);
  // Feminine, plural, nisba and pronoun endings: تركيه / تركي, الإسرائيلية / إسرائيل, مصابين / مصاب.
  for (const s of SUFFIXES) {
    if (t.endsWith(s) && t.length - s.length >= 3) {
      t = t.slice(0, -s.length);
      break;
    }
  }
  if (t.length < 3 || STOP.has(t) || STOP.has(`ال${t}`)) return '';
  return t;
}

/** /^[0-9]+$/ by hand: it runs on every headline and lead token, and a regex test there allocates. */
function isDigits(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A number worth comparing: not a year, not a small count every story has (2 dead, 3 days). */
function specificNumber(t: string): boolean {
  const n = Number(t);
  if (n < 10) return false;
  return !(t.length === 4 && n >= 1900 && n <= 2100);
}

// Count nouns after a number, by kind (normalized, with and without the article).
const COUNT_NOUNS: ReadonlyMap<string, CountKind> = (() => {
  const m = new Map<string, CountKind>();
  const add = (kind: CountKind, words: string): void => {
    for (const w of norm(words)) {
      m.set(w, kind);
      m.set(`ال${w}`, kind);
    }
  };
  add('killed', 'قتيل قتيلا قتلى شهيد شهيدا شهداء وفاة وفيات ضحية ضحايا جثة جثث');
  add('injured', 'جريح جريحا جرحى مصاب مصابا مصابين إصابة إصابات');
  add('missing', 'مفقود مفقودا مفقودين');
  add('votes', 'صوت صوتا أصوات');
  add('people', 'شخص شخصا أشخاص فلسطيني فلسطينيا فلسطينيين مدني مدنيا مدنيين');
  return m;
})();

const MULTIPLIER: ReadonlyMap<string, number> = new Map(
  norm('ألف ألفا آلاف مليون مليونا ملايين').map((w, i) => [w, i < 3 ? 1000 : 1_000_000]),
);

// Words before a number that say what it counts when the noun after it does not (مقتل 76 شخصا).
const COUNT_VERBS: ReadonlyMap<string, CountKind> = (() => {
  const m = new Map<string, CountKind>();
  for (const w of norm('مقتل قتل مصرع وفاة استشهاد')) m.set(w, 'killed');
  for (const w of norm('إصابة جرح')) m.set(w, 'injured');
  return m;
})();

function countsOf(tokens: readonly string[]): StoryCount[] {
  const best = new Map<CountKind, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (!isDigits(t)) continue;
    let value = Number(t);
    let j = i + 1;
    const mult = MULTIPLIER.get(tokens[j] ?? '');
    if (mult) {
      value *= mult;
      j++;
    }
    // The noun must follow within two tokens ("71 شهيدا", "2800 آخرين بجروح" is too loose).
    let kind: CountKind | undefined;
    for (let k = j; k < Math.min(tokens.length, j + 2) && !kind; k++) kind = COUNT_NOUNS.get(tokens[k] as string);
    if (kind === 'people' || kind === undefined) {
      // "people" alone says nothing: "مقتل 9 أشخاص" and "إصابة 2750 شخص" differ by the word before.
      let before: CountKind | undefined;
      for (let k = i - 1; k >= Math.max(0, i - 3) && !before; k--) before = COUNT_VERBS.get(termlessArticle(tokens[k] as string));
      kind = kind === 'people' ? before : undefined;
    }
    if (kind && value > (best.get(kind) ?? 0)) best.set(kind, value);
  }
  return [...best].map(([kind, value]) => ({ kind, value }));
}

/** وإصابة → إصابة, ومقتل → مقتل: the conjunction before a count word. */
const termlessArticle = (t: string): string => (t.length > 3 && (t[0] === 'و' || t[0] === 'ف') ? t.slice(1) : t);

const UPDATE_WORDS = new Set(norm('تحديث محدث'));
const BREAKING_WORDS = new Set(norm('عاجل'));

/** The story features of an article, from tokens it was already split into and its matches. */
export function storyFeatures(tokens: ArticleTokens, matches: readonly TopicMatch[]): StoryFeatures {
  // Runs on every article against a full window: one pass over the headline and the lead, no
  // intermediate copies of either.
  const lead: string[] = [];
  for (const paragraph of tokens.paragraphTokens) {
    for (let i = 0; i < paragraph.length && lead.length < LEAD_TOKENS; i++) lead.push(paragraph[i] as string);
    if (lead.length >= LEAD_TOKENS) break;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const numbers = new Set<string>();
  takeTerms(tokens.titleTokens, out, seen, numbers);
  const titleTerms = out.length;
  takeTerms(lead, out, seen, numbers);
  const topics: string[] = [];
  const persons: string[] = [];
  const titlePersons: string[] = [];
  for (const m of matches) {
    if (m.kind !== 'region' && m.kind !== 'theme') topics.push(m.topicId as string);
    if (m.kind !== 'person') continue;
    persons.push(m.topicId as string);
    if (m.evidence.some((e) => e.zone === 'title' && !e.weak)) titlePersons.push(m.topicId as string);
  }
  return {
    terms: out, titleTerms, numbers: [...numbers],
    counts: countsOf(tokens.titleTokens.concat(lead)),
    // Regions and themes only when the article matched nothing more specific.
    topics: topics.length > 0 ? topics : matches.map((m) => m.topicId as string),
    persons,
    titlePersons,
    updateWord: tokens.titleTokens.some((t) => UPDATE_WORDS.has(t)),
    breakingWord: tokens.titleTokens.some((t) => BREAKING_WORDS.has(t)),
  };
}

/** Adds the distinct terms of `list` to `out` (at most MAX_TERMS) and its specific numbers to `numbers`. */
function takeTerms(list: readonly string[], out: string[], seen: Set<string>, numbers: Set<string>): void {
  for (let i = 0; i < list.length; i++) {
    const token = list[i] as string;
    if (isDigits(token)) {
      if (specificNumber(token)) numbers.add(token);
      continue;
    }
    const term = termOf(token);
    if (term && !seen.has(term) && out.length < MAX_TERMS) {
      seen.add(term);
      out.push(term);
    }
  }
}
