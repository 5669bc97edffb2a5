/**
 * JSON article input `{title?, body, url?, publishedAt?|published?, outlet?}` (HTTP API,
 * JSON Lines) → validated fields. Unknown keys (an `id` from JSON Lines) are ignored.
 * The time may be ISO, epoch or printed (`نشر في 25.03.2023 11:08`); an empty string is absent,
 * and a value no reader understands keeps the article with a warning instead of rejecting it.
 */
import { z } from 'zod';
import { unreadableDate, type ArticleWarning, type Rejection } from '../article.js';
import type { DatelineContext } from '../dateline.js';
import { readPrintedTime, type PrintedTime } from '../printed-date.js';
import { err, ok, type Result } from '../result.js';

const when = z.union([z.string(), z.number()]);
const schema = z.object({
  title: z.string().optional(),
  body: z.string(),
  url: z.string().optional(),
  publishedAt: when.optional(),
  published: when.optional(),
  outlet: z.string().optional(),
});

export interface JsonArticle {
  readonly title?: string;
  readonly body: string;
  readonly url?: string;
  /** Undefined when absent or unreadable (then `warnings` says so). */
  readonly published?: PrintedTime;
  readonly outlet?: string;
  readonly warnings?: readonly ArticleWarning[];
}

/** Parses JSON text, turning a syntax error into a `malformed-json` Rejection. */
export function parseJsonText(text: string): Result<unknown, Rejection> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return err({ code: 'malformed-json', reason: `input is not valid JSON: ${why}` });
  }
}

const present = (v: string | number | undefined): v is string | number => v !== undefined && String(v).trim() !== '';

/**
 * Validates a JSON article. A string is first parsed as JSON text. A printed time is read in
 * `ctx.timeZone`, a year-less one counted from `ctx.now`.
 */
export function readJsonArticle(value: unknown, ctx: DatelineContext): Result<JsonArticle, Rejection> {
  if (typeof value === 'string') {
    const parsed = parseJsonText(value);
    return parsed.ok ? readJsonArticle(parsed.value, ctx) : parsed;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return err({ code: 'invalid-field', reason: 'a JSON article must be an object {title?, body, url?, publishedAt?, outlet?}' });
  }
  if (!('body' in value) || (value as { body: unknown }).body === undefined) {
    return err({ code: 'no-body', reason: 'the JSON article has no "body"' });
  }
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return err({ code: 'invalid-field', reason: `invalid JSON article: ${problems.join('; ')}` });
  }
  const { publishedAt, published, ...rest } = checked.data;
  const field = present(publishedAt) ? 'publishedAt' : present(published) ? 'published' : undefined;
  const raw = field === 'publishedAt' ? publishedAt : field === 'published' ? published : undefined;
  const time = raw === undefined ? undefined : readPrintedTime(raw, ctx);
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<JsonArticle, 'published' | 'warnings'>;
  if (field && raw !== undefined && !time) return ok({ ...fields, warnings: [unreadableDate(field, raw)] });
  return ok({ ...fields, ...(time ? { published: time } : {}) });
}
