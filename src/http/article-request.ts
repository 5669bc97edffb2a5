/** What POST /articles accepts, validated with zod before anything reaches the pipeline. */
import { z } from 'zod';
import type { ArticleInput } from '../core/input.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { isValidTimeZone } from '../core/time.js';
import type { BodyKind, HttpProblem } from './body.js';

const context = {
  url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
  timeZone: z.string().max(64).refine(isValidTimeZone, 'an IANA time zone such as Asia/Riyadh').optional(),
};

// ISO, epoch or printed as the outlet prints it ("نشر في 25.03.2023 11:08"): the pipeline reads it in
// the request's timeZone, and a value it cannot read keeps the article with a warning in the answer.
const time = z.union([z.string().max(200), z.number()]).optional();

/** The JSON body: `{ title?, body, url?, publishedAt? | published?, outlet?, timeZone? }`. */
export const articleJson = z.strictObject({
  title: z.string().trim().min(1).max(1000).optional(),
  body: z.string().trim().min(1, 'body is empty').max(500_000),
  publishedAt: time,
  published: time,
  ...context,
});

/** For text/plain bodies the context comes in the query string: `?url=&outlet=&tz=`. */
const textQuery = z.object({ ...context });

const describe = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

/** Turns a decoded body into an ArticleInput, or the problem to answer with (400/422). */
export function toArticleInput(kind: BodyKind, text: string, query: URLSearchParams): Result<ArticleInput, HttpProblem> {
  if (kind === 'text') {
    const q = textQuery.safeParse({
      url: query.get('url') ?? undefined,
      outlet: query.get('outlet') ?? undefined,
      timeZone: query.get('tz') ?? undefined,
    });
    if (!q.success) return err({ status: 422, reason: describe(q.error) });
    if (text.trim() === '') return err({ status: 422, reason: 'body is empty' });
    return ok({ kind: 'text', text, ...stripUndefined(q.data) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ status: 400, reason: 'malformed JSON' });
  }
  const parsed = articleJson.safeParse(json);
  if (!parsed.success) return err({ status: 422, reason: describe(parsed.error) });
  const { url, outlet, timeZone } = parsed.data;
  return ok({ kind: 'json', json: stripUndefined(parsed.data), ...stripUndefined({ url, outlet, timeZone }) });
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
