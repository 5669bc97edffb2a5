/**
 * What the bot accepts as a topic name or keyword from a user: invisible and
 * direction controls dropped, white space collapsed, at most MAX_QUERY characters,
 * at least one letter or digit. Anything else is a clear refusal, never an exception.
 */
export const MAX_QUERY = 60;

// Bidi controls, zero-width characters and the BOM: invisible, and able to reorder a line.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;

export type QueryCheck =
  | { readonly ok: true; readonly query: string }
  | { readonly ok: false; readonly reason: 'too-long'; readonly length: number }
  | { readonly ok: false; readonly reason: 'no-words' };

export function checkQuery(raw: string): QueryCheck {
  const query = raw.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  const length = [...query].length;
  if (length > MAX_QUERY) return { ok: false, reason: 'too-long', length };
  if (!/[\p{L}\p{N}]/u.test(query)) return { ok: false, reason: 'no-words' };
  return { ok: true, query };
}
