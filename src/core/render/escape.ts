/**
 * Escaping for Telegram HTML. Every piece of article or user text goes through `escapeHtml`
 * before it is placed in a message sent with parse_mode=HTML — no "trusted" exceptions.
 */

const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SPECIAL = /[&<>"]/g;
const ANY_SPECIAL = /[&<>"]/;

/**
 * Escapes `& < > "` with the only named entities Telegram knows (`&amp; &lt; &gt; &quot;`).
 * Safe for text content and for double-quoted attribute values (e.g. `<a href="…">`).
 */
export function escapeHtml(text: string): string {
  return ANY_SPECIAL.test(text) ? text.replace(SPECIAL, (ch) => REPLACEMENTS[ch] ?? ch) : text;
}
