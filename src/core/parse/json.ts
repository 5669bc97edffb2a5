/**
 * JSON article input `{title?, body, url?, publishedAt?|published?, outlet?}` (HTTP API,
 * JSON Lines) → validated fields. Unknown keys (an `id` from JSON Lines) are ignored.
 */
import { z } from 'zod';
import type { Rejection } from '../article.js';
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
  /** Undefined when absent; a valid Date otherwise (a present but unreadable time is an error). */
  readonly published?: Date;
  readonly outlet?: string;
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

/** Validates a JSON article. A string is first parsed as JSON text. */
export function readJsonArticle(value: unknown): Result<JsonArticle, Rejection> {
  if (typeof value === 'string') {
    const parsed = parseJsonText(value);
    return parsed.ok ? readJsonArticle(parsed.value) : parsed;
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
  const time = publishedAt ?? published;
  const date = time === undefined ? undefined : new Date(time);
  if (date && Number.isNaN(date.getTime())) {
    return err({ code: 'invalid-field', reason: `publishedAt ${JSON.stringify(time)} is not a date` });
  }
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<JsonArticle, 'published'>;
  return ok({ ...fields, ...(date ? { published: date } : {}) });
}
