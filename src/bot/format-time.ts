/**
 * Times shown in replies: Gregorian calendar, Latin digits and the chat's time zone,
 * spelled out explicitly so the server's locale data cannot change what users see.
 */
import { formatterFor } from '../core/time.js';
import type { Language } from '../store/ports.js';

const shape = (language: Language, withYear: boolean) => formatterFor(language === 'ar' ? 'ar' : 'en-GB', {
  calendar: 'gregory', numberingSystem: 'latn',
  weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}),
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const shapes = {
  ar: { year: shape('ar', true), noYear: shape('ar', false) },
  en: { year: shape('en', true), noYear: shape('en', false) },
} satisfies Record<Language, unknown>;

function formatter(language: Language, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  return shapes[language][withYear ? 'year' : 'noYear'](timeZone);
}

const yearIn = (date: Date, timeZone: string): string =>
  formatter('en', timeZone, true).formatToParts(date).find((p) => p.type === 'year')?.value ?? '';

/** A date of an earlier year than `now` (in the zone) shows its year: «الخميس، 9 مايو 2024 في 17:19». */
export function formatTime(date: Date, language: Language, timeZone: string, now: Date = new Date()): string {
  return formatter(language, timeZone, yearIn(date, timeZone) !== yearIn(now, timeZone)).format(date);
}
