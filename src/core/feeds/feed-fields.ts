/**
 * What a feed needs to be added, checked in one place for every way an operator brings one
 * (`/feeds add`, an OPML outline, the `feeds` CLI): an http(s) URL, a display name, an optional
 * IANA zone for its datelines and an optional poll interval of 1–1440 minutes.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result.js';
import { isValidTimeZone } from '../time.js';

export interface FeedFields {
  readonly url: string;
  readonly name: string;
  readonly timeZone?: string;
  readonly minutes?: number;
}

const fields = z.object({
  url: z.url({ protocol: /^https?$/, error: 'the URL must start with http:// or https://' }).max(2048, 'the URL is longer than 2048 characters'),
  name: z.string().trim().min(1, 'a display name is required').max(100, 'the name is longer than 100 characters'),
  timeZone: z.string().refine(isValidTimeZone, 'unknown time zone (e.g. Asia/Riyadh)').optional(),
  minutes: z.coerce.number().int('interval: whole minutes, 1–1440').min(1, 'interval: 1–1440 minutes').max(1440, 'interval: 1–1440 minutes').optional(),
});

/** Checks raw feed fields; the reason lists every problem, in English, for an admin or operator. */
export function checkFeedFields(raw: { url?: unknown; name?: unknown; timeZone?: unknown; minutes?: unknown }): Result<FeedFields, string> {
  const parsed = fields.safeParse(raw);
  if (!parsed.success) return err(parsed.error.issues.map((i) => i.message).join('; '));
  const { url, name, timeZone, minutes } = parsed.data;
  return ok({ url, name, ...(timeZone ? { timeZone } : {}), ...(minutes ? { minutes } : {}) });
}
