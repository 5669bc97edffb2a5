/**
 * Delivery schedule, pure: when a chat's quiet-hours window ends and when its digest
 * period closes, computed in the chat's own IANA time zone. The caller passes `now`.
 */
import { formatterFor } from './time.js';

/** Local minutes of the day; the window may wrap midnight (22:00 → 07:00). Same shape as the store's QuietHours. */
export interface MinuteWindow {
  readonly fromMinute: number;
  readonly toMinute: number;
}

export type DigestPeriod = { readonly kind: 'hourly' } | { readonly kind: 'daily'; readonly hour: number };

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const hourMinute = formatterFor('en-US', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });

/** The wall-clock minute of the day (0–1439) at `at` in `timeZone`. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  let hour = 0;
  let minute = 0;
  for (const part of hourMinute(timeZone).formatToParts(at)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

/** True when local minute `m` falls inside the window (start inclusive, end exclusive). */
export function inWindow(m: number, w: MinuteWindow): boolean {
  if (w.fromMinute === w.toMinute) return false;
  return w.fromMinute < w.toMinute ? m >= w.fromMinute && m < w.toMinute : m >= w.fromMinute || m < w.toMinute;
}

/**
 * The first instant after `from` whose local time is `targetMinute`:00 in `timeZone`.
 * Steps by the wall-clock distance, then corrects once for a UTC-offset change
 * (daylight saving) between the two instants.
 */
export function nextLocalMinute(from: Date, timeZone: string, targetMinute: number): Date {
  const start = Math.floor(from.getTime() / MINUTE) * MINUTE;
  const current = localMinuteOfDay(new Date(start), timeZone);
  const ahead = (targetMinute - current + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES;
  let candidate = start + ahead * MINUTE;
  const drift = (targetMinute - localMinuteOfDay(new Date(candidate), timeZone) + DAY_MINUTES) % DAY_MINUTES;
  // A drift of up to ±2 h is a DST jump; anything else means the target does not exist that day (skipped hour).
  if (drift !== 0 && drift <= 120) candidate += drift * MINUTE;
  else if (drift >= DAY_MINUTES - 120) candidate -= (DAY_MINUTES - drift) * MINUTE;
  return new Date(candidate);
}

/** When `now` is inside the quiet window (local time in `timeZone`), the instant it ends; otherwise undefined. */
export function quietWindowEnd(now: Date, timeZone: string, quiet: MinuteWindow): Date | undefined {
  if (!inWindow(localMinuteOfDay(now, timeZone), quiet)) return undefined;
  return nextLocalMinute(now, timeZone, quiet.toMinute);
}

/** The end of the digest period containing `now`: the next local top of the hour, or the next local `hour`:00. */
export function digestPeriodEnd(now: Date, timeZone: string, period: DigestPeriod): Date {
  if (period.kind === 'daily') return nextLocalMinute(now, timeZone, (period.hour % 24) * 60);
  const m = localMinuteOfDay(now, timeZone);
  return nextLocalMinute(now, timeZone, (Math.floor(m / 60) + 1) * 60 % DAY_MINUTES);
}

/**
 * When a held or digested alert for a chat is due: the digest period's end (if any),
 * pushed past the quiet window when it falls inside it. Undefined means "send now".
 */
export function deliveryDue(
  now: Date,
  timeZone: string,
  options: { readonly digest?: DigestPeriod; readonly quiet?: MinuteWindow },
): Date | undefined {
  const due = options.digest ? digestPeriodEnd(now, timeZone, options.digest) : now;
  const held = options.quiet ? quietWindowEnd(due, timeZone, options.quiet) : undefined;
  if (held) return held;
  return options.digest ? due : undefined;
}
