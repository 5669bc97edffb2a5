/**
 * Arabic datelines → instants. Reads `الخميس 9 مايو 2024 / 16:19`, `٩ أيار ٢٠٢٤`, Maghreb and
 * Levant month names, `dd/mm/yyyy`, ISO dates, `ص/م`, `منذ ساعتين`, `منذ 5 دقائق`, `أمس 10:30`.
 * Wall times are read in the source's IANA zone; relative forms count back from the injected clock.
 * Matching runs on normalizeText output, so hamza, taa marbuta and Arabic-Indic digits are folded.
 */
import { normalizeText } from './normalize.js';
import { addDays, wallTimeIn, wallTimeToUtc, type WallTime } from './parse/zoned-time.js';

export interface DatelineContext {
  /** IANA zone the source writes its times in. */
  readonly timeZone: string;
  /** The ingest time; relative datelines count back from it. */
  readonly now: Date;
}

export interface DatelineMatch {
  readonly date: Date;
  /** 'day' when the dateline names a date but no time of day. */
  readonly precision: 'minute' | 'day';
  /** The matched span in the normalized text, to tell a dateline line from a sentence with a date. */
  readonly start: number;
  readonly end: number;
}

// Normalized month names (أ→ا, ة→ه). Gulf/Egypt, Levant/Iraq, Algeria/Tunisia, Morocco.
const MONTHS: Readonly<Record<string, number>> = {
  'يناير': 1, 'كانون الثاني': 1, 'جانفي': 1, 'فبراير': 2, 'شباط': 2, 'فيفري': 2, 'مارس': 3, 'اذار': 3,
  'ابريل': 4, 'نيسان': 4, 'افريل': 4, 'مايو': 5, 'ايار': 5, 'ماي': 5, 'يونيو': 6, 'يونيه': 6, 'حزيران': 6,
  'جوان': 6, 'يوليو': 7, 'يوليه': 7, 'تموز': 7, 'جويليه': 7, 'يوليوز': 7, 'اغسطس': 8, 'اب': 8, 'اوت': 8,
  'غشت': 8, 'سبتمبر': 9, 'ايلول': 9, 'شتنبر': 9, 'اكتوبر': 10, 'تشرين الاول': 10, 'نوفمبر': 11,
  'تشرين الثاني': 11, 'نونبر': 11, 'ديسمبر': 12, 'كانون الاول': 12, 'دجنبر': 12,
};
const MONTH = Object.keys(MONTHS).toSorted((a, b) => b.length - a.length).join('|');
const WEEKDAY = '(?:يوم\\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)\\s*[,،]?\\s*';
const END = '(?![\\p{L}\\p{N}])';
const TIME = `(?:\\s*(?:[/|,،\\-–—]|الساعه|في))*\\s*(\\d{1,2})[:.](\\d{2})(?:\\s*(ص|صباحا|م|مساء|مساءا|ظهرا|am|pm)${END})?`;
const NAMED_DATE = `(\\d{1,2})\\s+(${MONTH})(?:\\s*[/(\\-]\\s*(?:${MONTH})\\s*\\)?)?\\s*[,،]?\\s+(\\d{4})`;
const NUMERIC_DATE = `(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})|(\\d{4})-(\\d{2})-(\\d{2})`;
const ABSOLUTE = new RegExp(`(?:${WEEKDAY})?(?:${NAMED_DATE}|${NUMERIC_DATE})${END}(?:${TIME})?`, 'u');
const RELATIVE = new RegExp(`(?:منذ|قبل)\\s+(?:(\\d{1,3})\\s+)?(دقيقه|دقيقتين|دقائق|ساعه|ساعتين|ساعات|يوم|يومين|ايام)${END}`, 'u');
const DAY_WORD = new RegExp(`(?<![\\p{L}])(امس|البارحه|اليوم)${END}(?:${TIME})?`, 'u');

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  'دقيقه': 1, 'دقيقتين': 1, 'دقائق': 1, 'ساعه': 60, 'ساعتين': 60, 'ساعات': 60, 'يوم': 1440, 'يومين': 1440, 'ايام': 1440,
};

/** Applies ص/م (am/pm) to an hour; undefined when the time is impossible. */
function clockHour(hour: number, minute: number, marker: string | undefined): number | undefined {
  if (minute > 59 || hour > 23) return undefined;
  if (!marker) return hour;
  if (hour > 12) return hour;
  if (marker === 'ص' || marker === 'صباحا' || marker === 'am') return hour % 12;
  if (marker === 'ظهرا' && hour >= 11) return 12;
  return (hour % 12) + 12;
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds the match for a wall date with an optional time (groups h, m, marker). */
function atWall(
  date: Omit<WallTime, 'hour' | 'minute'>, time: readonly (string | undefined)[], ctx: DatelineContext,
  span: { start: number; end: number },
): DatelineMatch | undefined {
  if (!validDate(date.year, date.month, date.day)) return undefined;
  const [h, m, marker] = time;
  const hour = h === undefined || m === undefined ? undefined : clockHour(Number(h), Number(m), marker);
  if (hour === undefined) {
    // A bare date (or one with an impossible time): noon stands for "that day"; the renderer shows the date only.
    return { date: wallTimeToUtc({ ...date, hour: 12, minute: 0 }, ctx.timeZone), precision: 'day', ...span };
  }
  return { date: wallTimeToUtc({ ...date, hour, minute: Number(m) }, ctx.timeZone), precision: 'minute', ...span };
}

function readAbsolute(text: string, ctx: DatelineContext): DatelineMatch | undefined {
  const m = ABSOLUTE.exec(text);
  if (!m) return undefined;
  const g = m.slice(1);
  const span = { start: m.index, end: m.index + m[0].length };
  const time = g.slice(9, 12);
  if (g[0] !== undefined) {
    return atWall({ year: Number(g[2]), month: MONTHS[g[1] ?? ''] ?? 0, day: Number(g[0]) }, time, ctx, span);
  }
  if (g[3] !== undefined) return atWall({ year: Number(g[5]), month: Number(g[4]), day: Number(g[3]) }, time, ctx, span);
  return atWall({ year: Number(g[6]), month: Number(g[7]), day: Number(g[8]) }, time, ctx, span);
}

function readRelative(text: string, ctx: DatelineContext): DatelineMatch | undefined {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  const unit = m[2] ?? '';
  const count = m[1] !== undefined ? Number(m[1]) : unit.endsWith('ين') ? 2 : 1;
  const date = new Date(ctx.now.getTime() - count * (UNIT_MINUTES[unit] ?? 0) * 60_000);
  return { date, precision: 'minute', start: m.index, end: m.index + m[0].length };
}

function readDayWord(text: string, ctx: DatelineContext): DatelineMatch | undefined {
  const m = DAY_WORD.exec(text);
  if (!m) return undefined;
  const today = wallTimeIn(ctx.now, ctx.timeZone);
  const day = m[1] === 'اليوم' ? today : addDays(today, -1);
  if (m[1] === 'اليوم' && m[2] === undefined) return undefined;
  return atWall(day, [m[2], m[3], m[4]], ctx, { start: m.index, end: m.index + m[0].length });
}

/**
 * Finds the first dateline in `text` (absolute dates first, then `منذ …`, then `أمس`/`اليوم`).
 * Undefined when there is none or it names an impossible date. Throws RangeError on an unknown zone.
 */
export function findDateline(text: string, ctx: DatelineContext): DatelineMatch | undefined {
  return findInNormalized(normalizeText(text), ctx);
}

function findInNormalized(normalized: string, ctx: DatelineContext): DatelineMatch | undefined {
  // Every form holds a digit or one of these words; most sentences hold neither.
  if (!/\d|منذ|قبل|امس|البارحه|اليوم/.test(normalized)) return undefined;
  return readAbsolute(normalized, ctx) ?? readRelative(normalized, ctx) ?? readDayWord(normalized, ctx);
}

/**
 * Reads `line` as a dateline line: the date must be most of the line (a place name, "آخر تحديث:" or
 * separators may surround it), so a body sentence that merely mentions a date is not taken.
 * `normalized` saves the work when the caller already has normalizeText(line).
 */
export function readDatelineLine(line: string, ctx: DatelineContext, normalized = normalizeText(line)): DatelineMatch | undefined {
  if (normalized.length === 0 || normalized.length > 90) return undefined;
  const match = findInNormalized(normalized, ctx);
  if (!match) return undefined;
  const rest = (normalized.slice(0, match.start) + ' ' + normalized.slice(match.end)).match(/[\p{L}\p{N}]+/gu) ?? [];
  return rest.length <= 3 ? match : undefined;
}
