/**
 * Escaping for Telegram HTML. Every piece of article or user text goes through `escapeHtml`
 * before it is placed in a message sent with parse_mode=HTML — no "trusted" exceptions.
 */

import { stripControls } from '../control-chars.js';

const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SPECIAL = /[&<>"]/g;
const ANY_SPECIAL = /[&<>"]/;

/**
 * Escapes `& < > "` with the only named entities Telegram knows (`&amp; &lt; &gt; &quot;`), and
 * drops control characters (user text can carry them too).
 * Safe for text content and for double-quoted attribute values (e.g. `<a href="…">`).
 */
export function escapeHtml(raw: string): string {
  const text = stripControls(raw);
  return ANY_SPECIAL.test(text) ? text.replace(SPECIAL, (ch) => REPLACEMENTS[ch] ?? ch) : text;
}
