/**
 * Arabic datelines → instants. Reads `الخميس 9 مايو 2024 / 16:19`, `٩ أيار ٢٠٢٤`, Maghreb and
 * Levant month names, English ones (`9 May 2024`, `May 9, 2024`), day-first `dd/mm/yyyy`,
 * `dd.mm.yyyy` and `dd-mm-yyyy`, ISO dates, `ص/م`, `منذ ساعتين`, `منذ 5 دقائق`, `أمس 10:30`.
 * readPrintedDateline reads the looser forms of a field that is known to hold a date.
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

// Normalized month names (أ→ا, ة→ه). Gulf/Egypt, Levant/Iraq, Algeria/Tunisia, Morocco, English.
const MONTHS: Readonly<Record<string, number>> = {
  'يناير': 1, 'كانون الثاني': 1, 'كانون ثاني': 1, 'جانفي': 1, 'فبراير': 2, 'شباط': 2, 'فيفري': 2, 'مارس': 3, 'اذار': 3,
  'ابريل': 4, 'نيسان': 4, 'افريل': 4, 'مايو': 5, 'ايار': 5, 'ماي': 5, 'يونيو': 6, 'يونيه': 6, 'حزيران': 6,
  'جوان': 6, 'يوليو': 7, 'يوليه': 7, 'تموز': 7, 'جويليه': 7, 'يوليوز': 7, 'اغسطس': 8, 'اب': 8, 'اوت': 8,
  'غشت': 8, 'سبتمبر': 9, 'ايلول': 9, 'شتنبر': 9, 'اكتوبر': 10, 'تشرين الاول': 10, 'تشرين اول': 10, 'نوفمبر': 11,
  'تشرين الثاني': 11, 'تشرين ثاني': 11, 'نونبر': 11, 'ديسمبر': 12, 'كانون الاول': 12, 'كانون اول': 12, 'دجنبر': 12,
  'january': 1, 'jan': 1, 'february': 2, 'feb': 2, 'march': 3, 'mar': 3, 'april': 4, 'apr': 4, 'may': 5, 'june': 6,
  'jun': 6, 'july': 7, 'jul': 7, 'august': 8, 'aug': 8, 'september': 9, 'sept': 9, 'sep': 9, 'october': 10, 'oct': 10,
  'november': 11, 'nov': 11, 'december': 12, 'dec': 12,
};
/** Normalized weekday names → 0 (Sunday) … 6; الثلثاء is the Lebanese spelling of Tuesday. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  'الاحد': 0, 'الاثنين': 1, 'الثلاثاء': 2, 'الثلثاء': 2, 'الاربعاء': 3, 'الخميس': 4, 'الجمعه': 5, 'السبت': 6,
  'sunday': 0, 'monday': 1, 'tuesday': 2, 'wednesday': 3, 'thursday': 4, 'friday': 5, 'saturday': 6,
};
const MONTH = Object.keys(MONTHS).toSorted((a, b) => b.length - a.length).join('|');
const WEEKDAY = `(?:يوم\\s+)?(?:${Object.keys(WEEKDAYS).join('|')})\\s*[,،]?\\s*`;
const END = '(?![\\p{L}\\p{N}])';
const TIME = `(?:\\s*(?:[/|,،@\\-–—]|الساعه|في|at))*\\s*(\\d{1,2})[:.](\\d{2})(?:\\s*(ص|صباحا|م|مساء|مساءا|ظهرا|am|pm)${END})?`;
const ALSO_MONTH = `(?:\\s*[/(\\-]\\s*(?:${MONTH})\\s*\\)?)?`;

/** One way of printing a date; `read` turns its three groups into a wall date. */
interface DateForm {
  readonly re: RegExp;
  readonly read: (g: readonly (string | undefined)[]) => { year: number; month: number; day: number; numeric?: boolean };
}

const form = (date: string, read: DateForm['read']): DateForm =>
  ({ re: new RegExp(`(?:${WEEKDAY})?(?:${date})${END}(?:${TIME})?`, 'u'), read });

const num = (s: string | undefined): number => Number(s ?? 0);

// Numeric dates are day-first, as the Arab press prints them (25.03.2023, 09-08-2025, 12/8/2020);
// a month-first date is read only when the numbers allow nothing else (05/25/2024) or the weekday says so.
const DATE_FORMS: readonly DateForm[] = [
  form(`(\\d{1,2})\\s+(${MONTH})${ALSO_MONTH}\\s*[,،]?\\s+(\\d{4})`, (g) => ({ year: num(g[2]), month: MONTHS[g[1] ?? ''] ?? 0, day: num(g[0]) })),
  form(`(${MONTH})\\s+(\\d{1,2})\\s*[,،\\-–]?\\s+(\\d{4})`, (g) => ({ year: num(g[2]), month: MONTHS[g[0] ?? ''] ?? 0, day: num(g[1]) })),
  form(`(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})`, (g) => ({ year: num(g[2]), month: num(g[1]), day: num(g[0]), numeric: true })),
  form(`(\\d{4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,2})`, (g) => ({ year: num(g[0]), month: num(g[1]), day: num(g[2]) })),
];

// Only in a field that is known to hold a date: a two-digit year (27/07/21) or none at all (السبت 15 نونبر).
const SHORT_YEAR = form(`(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2})`, (g) => ({ year: 2000 + num(g[2]), month: num(g[1]), day: num(g[0]), numeric: true }));
const NO_YEAR = form(`(\\d{1,2})\\s+(${MONTH})${ALSO_MONTH}()`, (g) => ({ year: 0, month: MONTHS[g[1] ?? ''] ?? 0, day: num(g[0]) }));

const RELATIVE = new RegExp(`(?:منذ|قبل)\\s+(?:(\\d{1,3})\\s+)?(دقيقه|دقيقتين|دقائق|ساعه|ساعتين|ساعات|يوم|يومين|ايام)${END}`, 'u');
const DAY_WORD = new RegExp(`(?<![\\p{L}])(امس|البارحه|اليوم)${END}(?:${TIME})?`, 'u');
const LOOSE_TIME = new RegExp(`(?<![\\d:.])(\\d{1,2}):(\\d{2})(?![\\d.])(?:\\s*(ص|صباحا|م|مساء|مساءا|ظهرا|am|pm)${END})?`, 'u');
// "الساعة 08 صباحاً": an hour with no minutes counts only with the word for "o'clock" and a part of the day.
const HOUR_ONLY = new RegExp(`الساعه\\s*(\\d{1,2})\\s*(صباحا|مساء|مساءا|ظهرا|ص|م)${END}`, 'u');
const WEEKDAY_WORD = new RegExp(`(?<![\\p{L}])(${Object.keys(WEEKDAYS).join('|')})${END}`, 'u');

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

const weekdayOf = (d: { year: number; month: number; day: number }): number => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

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

/** How to read a date printed in a field known to hold one (see readPrintedDateline). */
interface PrintedOptions {
  /** The printed weekday, which settles a year-less date's year and a numeric date's order. */
  readonly weekday?: number;
}

/** The leftmost match among `forms`; ties go to the earlier form. */
function firstOf(forms: readonly DateForm[], text: string): { form: DateForm; m: RegExpExecArray } | undefined {
  let best: { form: DateForm; m: RegExpExecArray } | undefined;
  for (const f of forms) {
    const m = f.re.exec(text);
    if (m && (!best || m.index < best.m.index)) best = { form: f, m };
  }
  return best;
}

/** The year of a year-less date: the latest one not after tomorrow, with the printed weekday when there is one. */
function yearFor(date: { month: number; day: number }, ctx: DatelineContext, weekday: number | undefined): number | undefined {
  const today = wallTimeIn(ctx.now, ctx.timeZone);
  const tomorrow = addDays(today, 1);
  const limit = Date.UTC(tomorrow.year, tomorrow.month - 1, tomorrow.day);
  for (const year of [today.year, today.year - 1]) {
    if (Date.UTC(year, date.month - 1, date.day) > limit || !validDate(year, date.month, date.day)) continue;
    if (weekday === undefined || weekdayOf({ ...date, year }) === weekday) return year;
    // A printed weekday that fits neither year means the date is not what it seems: no guess.
    return undefined;
  }
  return undefined;
}

function readAbsolute(text: string, ctx: DatelineContext, printed?: PrintedOptions): DatelineMatch | undefined {
  const found = firstOf(printed ? [...DATE_FORMS, SHORT_YEAR] : DATE_FORMS, text) ?? (printed ? firstOf([NO_YEAR], text) : undefined);
  if (!found) return undefined;
  const { form: f, m } = found;
  const g = m.slice(1);
  const span = { start: m.index, end: m.index + m[0].length };
  let date = f.read(g);
  if (date.year === 0) {
    const year = yearFor(date, ctx, printed?.weekday);
    if (year === undefined) return undefined;
    date = { ...date, year };
  }
  if (date.numeric) {
    const swapped = { ...date, month: date.day, day: date.month };
    const wrongDay = printed?.weekday !== undefined && validDate(date.year, date.month, date.day) && weekdayOf(date) !== printed.weekday;
    if ((date.month > 12 || wrongDay) && validDate(swapped.year, swapped.month, swapped.day)) {
      if (printed?.weekday === undefined || weekdayOf(swapped) === printed.weekday) date = swapped;
    }
  }
  return atWall(date, g.slice(3, 6), ctx, span);
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

// Module constants: a regex literal in a function body is a new object on every call.
const DIGIT = /\d/;
const RELATIVE_WORD = /منذ|قبل/;
const PAST_DAY_WORD = /امس|البارحه/;

function findInNormalized(normalized: string, ctx: DatelineContext): DatelineMatch | undefined {
  // Each reading is tried only when the text holds what it needs (summaries test every sentence,
  // and most hold none): every absolute date has a digit, a relative one منذ or قبل, and a day word
  // is أمس/البارحة, or اليوم with a clock time (digits again).
  const digit = DIGIT.test(normalized);
  return (digit ? readAbsolute(normalized, ctx) : undefined)
    ?? (RELATIVE_WORD.test(normalized) ? readRelative(normalized, ctx) : undefined)
    ?? ((digit && normalized.includes('اليوم')) || PAST_DAY_WORD.test(normalized) ? readDayWord(normalized, ctx) : undefined);
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

/** "GMT", "UTC+00", "UTC+3", "بتوقيت غرينتش": a printed zone, which beats the source's configured one. */
const PRINTED_ZONE = /(?<![\p{L}])(?:gmt|utc|غرينتش|جرينتش)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?![\p{L}])/u;

/** An IANA zone for a printed offset; whole hours only (Etc/GMT-3 is UTC+3), else undefined. */
function zoneOfOffset(sign: string | undefined, hours: string | undefined, minutes: string | undefined): string | undefined {
  const h = Number(hours ?? 0);
  if (Number(minutes ?? 0) !== 0 || h > 14) return undefined;
  return h === 0 ? 'UTC' : `Etc/GMT${sign === '-' ? '+' : '-'}${h}`;
}

/**
 * Prepares a printed date for the forms above: digits glued to words are parted (29يناير, 2021م),
 * ordinals dropped (27th), a year glued to the time parted (202417:26), and when the value carries
 * both an update and a publication time ("آخر تحديث … نشر في …") only the publication part is kept.
 */
function tidyPrinted(normalized: string): string {
  let text = normalized
    .replace(/(\d)\s?(?:st|nd|rd|th)(?![\p{L}])\s*,?/gu, '$1 ')
    .replace(/(?<![\d:.])((?:19|20)\d{2})(\d{1,2}:\d{2})/g, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/@/g, ' ');
  const published = text.search(/نشر/);
  if (published > 0 && /تحديث/.test(text.slice(0, published))) text = text.slice(published);
  return text;
}

/**
 * Reads a value that is known to be a publication time, as outlets print it in a `published` field
 * or a feed's date: `نشر في 25.03.2023 11:08`, `10:29 ص الخميس 28 أغسطس 2025`, `11.08.2025, سبوتنيك
 * عربي`, `14 يونيو 202417:26`, `السبت 15 نونبر`. Unlike readDatelineLine, words around the date (an
 * outlet's name, a prefix) do not matter. Numeric dates are day-first; a two-digit year is 20yy; a
 * year-less date is the latest such day not after tomorrow (by ctx.now), and must fit a printed
 * weekday. A printed GMT/UTC offset overrides ctx.timeZone. Undefined when no date can be read.
 */
export function readPrintedDateline(value: string, ctx: DatelineContext): DatelineMatch | undefined {
  let text = tidyPrinted(normalizeText(value));
  const zone = PRINTED_ZONE.exec(text);
  const printedZone = zone ? zoneOfOffset(zone[1], zone[2], zone[3]) : undefined;
  if (zone) text = text.slice(0, zone.index) + ' ' + text.slice(zone.index + zone[0].length);
  const at: DatelineContext = printedZone ? { ...ctx, timeZone: printedZone } : ctx;
  const weekdayName = WEEKDAY_WORD.exec(text)?.[1];
  const match = readAbsolute(text, at, weekdayName === undefined ? {} : { weekday: WEEKDAYS[weekdayName] ?? 0 });
  if (!match) return readRelative(text, at) ?? readDayWord(text, at);
  if (match.precision === 'minute') return match;
  // The time may stand before the date (10:29 ص الخميس 28 أغسطس 2025) or apart from it.
  const rest = `${text.slice(0, match.start)}${' '.repeat(match.end - match.start)}${text.slice(match.end)}`;
  const time = LOOSE_TIME.exec(rest);
  const hour = time ? undefined : HOUR_ONLY.exec(rest);
  const found = time ?? hour;
  if (!found) return match;
  const groups = time ? [time[1], time[2], time[3]] : [hour?.[1], '00', hour?.[2]];
  const span = { start: Math.min(match.start, found.index), end: Math.max(match.end, found.index + found[0].length) };
  return atWall(wallTimeIn(match.date, at.timeZone), groups, at, span) ?? match;
}
