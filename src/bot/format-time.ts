/**
 * Times shown in replies: Gregorian calendar, Latin digits and the chat's time zone,
 * spelled out explicitly so the server's locale data cannot change what users see.
 */
import type { Language } from '../store/ports.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatTime(date: Date, language: Language, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', {
      calendar: 'gregory', numberingSystem: 'latn', timeZone,
      weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f.format(date);
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}
