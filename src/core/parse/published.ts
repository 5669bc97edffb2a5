/**
 * Which time an article gets: a machine-readable time (feed pubDate, meta tags, JSON publishedAt)
 * wins over a dateline read from the text; a time in the future, or none, falls back to the ingest
 * time and says so (timeSource 'ingest-time').
 */
import type { TimeSource } from '../article.js';
import { findDateline, type DatelineMatch } from '../dateline.js';
import type { PrintedTime } from '../printed-date.js';

/** Clocks disagree a little; a source time this far ahead of ours still counts as "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Older metadata times are placeholders (0 → 1970), not publication times. */
const EARLIEST = Date.UTC(1990, 0, 1);

export interface PublishedTime {
  readonly publishedAt: Date;
  readonly timeSource: TimeSource;
  readonly timePrecision: 'minute' | 'day';
}

export interface TimeEvidence {
  readonly metadata?: PrintedTime;
  readonly dateline?: DatelineMatch;
  /** The first paragraph, whose opening may carry "موسكو - 9 مايو 2024:" when no dateline line exists. */
  readonly lead?: string;
}

/** Resolves the publication time against the ingest clock `now` in the source's `timeZone`. */
export function resolvePublished(evidence: TimeEvidence, now: Date, timeZone: string): PublishedTime {
  const limit = now.getTime() + FUTURE_TOLERANCE_MS;
  const metadata = evidence.metadata && todayAsNow(evidence.metadata, now);
  if (metadata && metadata.date.getTime() <= limit && metadata.date.getTime() >= EARLIEST) {
    return { publishedAt: metadata.date, timeSource: 'metadata', timePrecision: metadata.precision };
  }
  const leadDate = evidence.lead ? findDateline(evidence.lead.slice(0, 120), { timeZone, now }) : undefined;
  // Only a date at the very start of the lead is a dateline; later ones are events the text mentions.
  const dateline = evidence.dateline ?? (leadDate && leadDate.start < 40 ? leadDate : undefined);
  if (dateline) {
    const time = todayAsNow(dateline, now).date;
    if (time.getTime() <= limit) return { publishedAt: time, timeSource: 'dateline', timePrecision: dateline.precision };
  }
  return { publishedAt: now, timeSource: 'ingest-time', timePrecision: 'minute' };
}

/** A bare date of today (read as its noon, still ahead) stands for "today": the ingest time is the best reading of it. */
function todayAsNow(time: PrintedTime, now: Date): PrintedTime {
  return time.precision === 'day' && time.date.getTime() > now.getTime() ? { ...time, date: now } : time;
}
