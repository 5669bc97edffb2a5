/** Small display helpers for admin messages. */
import { formatterFor } from '../../../core/time.js';

/** Seconds as m:ss. */
export const mmss = (s: number): string => {
  const whole = Math.max(0, Math.round(s));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

const whenFormat = formatterFor('en-CA', {
  calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** An instant as `2026-05-09 16:19` in the admin's zone (Gregorian, Latin digits). */
export function formatWhen(epochMs: number, timeZone: string): string {
  const parts = whenFormat(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
