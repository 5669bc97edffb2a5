/**
 * Times shown in replies: Gregorian calendar, Latin digits and the chat's time zone,
 * spelled out explicitly so the server's locale data cannot change what users see.
 */
import type { Language } from '../store/ports.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withYear ? 'y' : ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', {
      calendar: 'gregory', numberingSystem: 'latn', timeZone,
      weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}),
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

const yearIn = (date: Date, timeZone: string): string =>
  formatter('en', timeZone, true).formatToParts(date).find((p) => p.type === 'year')?.value ?? '';

/** A date of an earlier year than `now` (in the zone) shows its year: «الخميس، 9 مايو 2024 في 17:19». */
export function formatTime(date: Date, language: Language, timeZone: string, now: Date = new Date()): string {
  return formatter(language, timeZone, yearIn(date, timeZone) !== yearIn(now, timeZone)).format(date);
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}
