/**
 * Telegram HTML validation (placeholder: implemented with the alert renderer).
 * Contract: parses `html` as Telegram's parse_mode=HTML does; ok with the plain text and its
 * UTF-16 length after entity parsing, or the reason Telegram would refuse it.
 */
export type TelegramHtmlCheck =
  | { readonly ok: true; readonly text: string; readonly length: number }
  | { readonly ok: false; readonly reason: string };

export function validateTelegramHtml(html: string): TelegramHtmlCheck {
  return { ok: true, text: html, length: html.length };
}
