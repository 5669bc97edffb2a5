/** Wall-clock time in an IANA zone ↔ UTC instants, with Intl only (no tz database of our own). */
import { formatterFor } from '../time.js';

export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const wallClock = formatterFor('en-US', {
  calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23',
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

/** The wall-clock reading of `instant` in `timeZone`. */
export function wallTimeIn(instant: Date, timeZone: string): WallTime & { readonly second: number } {
  const parts: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? 0, month: parts['month'] ?? 1, day: parts['day'] ?? 1,
    hour: (parts['hour'] ?? 0) % 24, minute: parts['minute'] ?? 0, second: parts['second'] ?? 0,
  };
}

// Zone offsets are whole quarter hours and change only on quarter-hour instants, so one reading
// per zone and UTC quarter hour is exact, and datelines of one day share a handful of them.
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetMs(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const w = wallTimeIn(new Date(instant), timeZone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The UTC instant at which the clocks of `timeZone` show `wall`. Exact outside DST changes; in the
 * hour a change skips or repeats, one of the two neighbouring readings is chosen (datelines are
 * minute-precise, and news in that hour is rare). Throws RangeError on an unknown zone.
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return new Date(Math.min(first, second));
}

/** Adds whole calendar days to a wall date (month/year roll-over handled by Date.UTC). */
export function addDays(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
