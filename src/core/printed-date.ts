/**
 * A publication time as a source gives it (JSON `published`/`publishedAt`, a feed's pubDate) → an
 * instant. Machine forms come first (ISO 8601, RFC 2822, epoch numbers), then the printed forms
 * outlets use (see readPrintedDateline). An ISO time without an offset is a wall time in the
 * source's zone, never the server's.
 */
import { readPrintedDateline, type DatelineContext } from './dateline.js';
import { wallTimeToUtc } from './parse/zoned-time.js';

export interface PrintedTime {
  readonly date: Date;
  /** 'day' when the value names a date but no time of day. */
  readonly precision: 'minute' | 'day';
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/;
const RFC_2822 = /^(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[a-z]{1,4}|[+-]\d{4})$/i;

/**
 * A date in a machine format that carries its own zone (ISO 8601 with an offset, RFC 2822), else
 * undefined. Deliberately not `new Date(anything)`: V8 reads `11.08.2025` as 8 November.
 */
export function readMachineDate(value: string): Date | undefined {
  const text = value.trim();
  if (!ISO_INSTANT.test(text) && !RFC_2822.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Epoch seconds or milliseconds (a number below 10^11 is seconds: ms would be before 1973). */
function fromEpoch(value: number): Date | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const date = new Date(value < 1e11 ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Reads a source's publication time in the source's zone (`ctx.timeZone`; a year-less date counts
 * from `ctx.now`). Undefined when the value holds no readable date; an empty string is the
 * caller's "absent", not an unreadable value.
 */
export function readPrintedTime(value: string | number, ctx: DatelineContext): PrintedTime | undefined {
  if (typeof value === 'number') {
    const date = fromEpoch(value);
    return date ? { date, precision: 'minute' } : undefined;
  }
  const machine = readMachineDate(value);
  if (machine) return { date: machine, precision: 'minute' };
  const local = ISO_LOCAL.exec(value.trim());
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number) as number[];
    const wall = { year: y ?? 0, month: mo ?? 0, day: d ?? 0, hour: h ?? 0, minute: mi ?? 0 };
    if (wall.month >= 1 && wall.month <= 12 && wall.day >= 1 && wall.day <= 31 && wall.hour < 24 && wall.minute < 60) {
      return { date: new Date(wallTimeToUtc(wall, ctx.timeZone).getTime() + (Number.isNaN(s) ? 0 : (s ?? 0)) * 1000), precision: 'minute' };
    }
  }
  const printed = readPrintedDateline(value, ctx);
  return printed ? { date: printed.date, precision: printed.precision } : undefined;
}
