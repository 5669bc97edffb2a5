/**
 * Attribution: which agencies an article cites (`نقلت وكالة "إنترفاكس"`, `بحسب رويترز`,
 * `ذكرت سبوتنيك`). A name counts only in a citing context — right after a reporting verb,
 * "بحسب/وفقاً لـ/نقلاً عن", or "وكالة/صحيفة/خدمة/قناة" — because several outlet names are also
 * ordinary words (العربية، الجزيرة). Known agencies get their usual spelling; an unknown name in
 * quotes after "وكالة …" is taken as written. English articles ("according to Reuters", "(AP)",
 * "Interfax reported") cite agencies by their Arabic names, since the alert is Arabic.
 */
import { normalizeText } from './normalize.js';

// Display spelling → extra normalized spellings. The display form's own normalization is implied.
const AGENCIES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['إنترفاكس', 'انترفكس'], ['سبوتنيك أرمينيا'], ['سبوتنيك'], ['تاس', 'ايتار تاس'], ['ريا نوفوستي', 'نوفوستي'],
  ['رويترز'], ['فرانس برس', 'ا ف ب'], ['أسوشيتد برس', 'اسوشيتدبرس', 'اسوشيتد بريس', 'ا ب'],
  ['الأناضول'], ['واس'], ['وام'], ['قنا'], ['كونا'], ['سانا'], ['بترا'], ['إرنا'], ['تسنيم'], ['فارس'],
  ['شينخوا', 'شينخوا الصينيه'], ['بلومبرغ', 'بلومبيرغ'], ['أكسيوس'], ['سي إن إن'], ['بي بي سي'], ['الجزيرة'],
  ['العربية'], ['سكاي نيوز عربية'], ['روسيا اليوم', 'ار تي'], ['نيويورك تايمز'], ['واشنطن بوست'],
  ['وول ستريت جورنال'], ['فايننشال تايمز'], ['الغارديان'], ['أرمنبريس'], ['إفي'], ['د ب ا'], ['يونهاب'], ['كيودو'],
  ['وكالة الأنباء السعودية'], ['وكالة أنباء الإمارات'], ['وكالة الأنباء القطرية'], ['ميدل إيست آي'],
  ['وكالة تونس أفريقيا للأنباء', 'وات'], ['وكالة المغرب العربي للأنباء', 'لاماب'], ['وكالة الأنباء الجزائرية'],
  ['الوكالة الوطنية للإعلام'], ['وكالة الأنباء العراقية', 'واع'], ['وكالة الأنباء الكويتية'], ['وكالة الأنباء العمانية'], ['وكالة أنباء البحرين'],
];

/** Normalized spelling → display spelling, longest spelling first so "سبوتنيك أرمينيا" wins over "سبوتنيك". */
const SPELLINGS: ReadonlyArray<readonly [string, string]> = AGENCIES
  .flatMap(([display, ...more]) => [normalizeText(display), ...more].map((s) => [s, display] as const))
  .toSorted((a, b) => b[0].length - a[0].length);

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Citing cues (normalized), with an optional و/ف prefix; up to two filler words may follow
// (وكالة الأنباء، خدمة ... الإخبارية comes after the name and needs no filler).
const CUE = '(?:[وف]?(?:نقلت|نقل|ذكرت|ذكر|افادت|افاد|قالت|اوردت|اورد|اعلنت|نشرت|اكدت|بحسب|حسب|وفقا ل|نقلا عن|طبقا ل|لوكاله)|وكاله|صحيفه|خدمه|قناه|شبكه|موقع|مراسل)';
// "الأردنية", "الرسمية": a nisba adjective may sit between "وكالة الأنباء" and the name.
const FILLER = '(?:\\s+(?:وكاله|صحيفه|خدمه|قناه|شبكه|موقع|الانباء|انباء|للانباء|الاخباريه|عن|ل|ال\\p{L}{2,}يه))*';
const KNOWN_SOURCE = `${CUE}${FILLER}\\s*["«“'(]?\\s*(${SPELLINGS.map(([s]) => escapeRe(s)).join('|')})(?![\\p{L}])`;
// A citation starts where a cue does: cues are found by their own expression, and the whole one is
// tried (sticky) only there. Same matches as matchAll of the whole expression, in a fraction of the time.
const CUE_AT = new RegExp(CUE, 'gu');
const KNOWN_AT = new RegExp(KNOWN_SOURCE, 'uy');

/** Every citation of a known agency in `text`, left to right, as matchAll(KNOWN) would give them. */
function knownCitations(text: string): { index: number; name: string }[] {
  const found: { index: number; name: string }[] = [];
  CUE_AT.lastIndex = 0;
  for (let cue = CUE_AT.exec(text); cue; cue = CUE_AT.exec(text)) {
    KNOWN_AT.lastIndex = cue.index;
    const m = KNOWN_AT.exec(text);
    if (!m) {
      CUE_AT.lastIndex = cue.index + 1;
      continue;
    }
    found.push({ index: m.index, name: m[1] ?? '' });
    CUE_AT.lastIndex = m.index + m[0].length;
  }
  return found;
}
// Run on the original text so an unknown agency keeps its own spelling.
const QUOTED = /(?:وكال[ةه]|صحيف[ةه]|خدم[ةه]|قنا[ةه]|شبك[ةه])(?:\s+(?:ال)?[أا]نباء)?(?:\s+ال\p{L}{2,}ي[ةه])?\s*["«“]([^"»”<>\n]{2,40})["»”]/gu;
const CREDIT = new RegExp(`\\((${SPELLINGS.map(([s]) => escapeRe(s)).join('|')})\\)`, 'gu');

const DISPLAY = new Map(SPELLINGS);
const OPENING_QUOTE = /["«“]/;
const LATIN_LOWER = /[a-z]/;
// Most paragraphs name no agency at all: one cheap test spares them the cue-and-name expression.
const ANY_NAME = new RegExp(SPELLINGS.map(([s]) => escapeRe(s)).join('|'), 'u');

// English-language articles cite the same agencies; the alert is Arabic, so they get Arabic names.
const ENGLISH: Readonly<Record<string, string>> = {
  'reuters': 'رويترز', 'associated press': 'أسوشيتد برس', 'the associated press': 'أسوشيتد برس', 'ap': 'أسوشيتد برس',
  'afp': 'فرانس برس', 'agence france-presse': 'فرانس برس', 'interfax': 'إنترفاكس', 'tass': 'تاس', 'ria novosti': 'ريا نوفوستي',
  'xinhua': 'شينخوا', 'anadolu': 'الأناضول', 'anadolu agency': 'الأناضول', 'bloomberg': 'بلومبرغ', 'axios': 'أكسيوس',
  'cnn': 'سي إن إن', 'bbc': 'بي بي سي', 'al jazeera': 'الجزيرة', 'sputnik': 'سبوتنيك', 'sputnik armenia': 'سبوتنيك أرمينيا',
};
const ENGLISH_NAMES = Object.keys(ENGLISH).toSorted((a, b) => b.length - a.length).map(escapeRe).join('|');
const ENGLISH_CITED = new RegExp(`(?:according to|reported by|told|cited by|quoted by|via|\\()\\s*(?:the\\s+)?(?:news agency\\s+)?(${ENGLISH_NAMES})(?![a-z])`
  + `|(?<![a-z])(${ENGLISH_NAMES})\\s+(?:news agency\\s+)?(?:reported|said|quoted|cited|reports|says)(?![a-z])`, 'g');

/**
 * The agencies `paragraphs` cite, in order of first mention, de-duplicated, in display spelling.
 * `exclude` (the outlet itself) is left out. A "(رويترز)" credit counts only in the first paragraph.
 * `normalized` (normalizeText of each paragraph) saves the work when the caller has it.
 */
export function findCitedSources(paragraphs: readonly string[], exclude?: string, normalized?: readonly string[]): string[] {
  const found: Array<{ at: number; name: string }> = [];
  let offset = 0;
  paragraphs.forEach((paragraph, index) => {
    const text = normalized?.[index] ?? normalizeText(paragraph);
    const named = ANY_NAME.test(text);
    if (named) for (const m of knownCitations(text)) found.push({ at: offset + m.index, name: DISPLAY.get(m.name) ?? '' });
    if (OPENING_QUOTE.test(paragraph)) for (const m of paragraph.matchAll(QUOTED)) {
      const name = (m[1] ?? '').trim();
      found.push({ at: offset + m.index, name: DISPLAY.get(normalizeText(name)) ?? name });
    }
    if (index === 0 && named) for (const m of text.matchAll(CREDIT)) found.push({ at: m.index, name: DISPLAY.get(m[1] ?? '') ?? '' });
    if (LATIN_LOWER.test(text)) {
      for (const m of text.matchAll(ENGLISH_CITED)) found.push({ at: offset + m.index, name: ENGLISH[m[1] ?? m[2] ?? ''] ?? '' });
    }
    offset += Math.max(text.length, paragraph.length) + 1;
  });
  const excluded = exclude ? normalizeText(exclude) : undefined;
  const names = found.toSorted((a, b) => a.at - b.at).map((f) => f.name)
    .filter((name) => name && normalizeText(name) !== excluded);
  return [...new Set(names)];
}
