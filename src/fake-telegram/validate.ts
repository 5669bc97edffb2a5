import type { MessageEntity } from 'grammy/types';
import { validateTelegramHtml } from '../core/telegram-html.js';
import { htmlEntities } from './html-entities.js';
import { fail, type ApiFailure } from './replies.js';

/** Telegram's limits, in UTF-16 code units after entity parsing. */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT = 64;

/** Text as the user will read it. */
export interface ParsedText {
  readonly text: string;
  readonly entities?: MessageEntity[];
}

/**
 * Parses text or a caption the way Telegram does: HTML goes through the project's
 * `validateTelegramHtml` (the single authority on what Telegram accepts); the limit is
 * checked on the parsed length. Missing text counts as empty for messages.
 */
export function parseText(raw: unknown, parseMode: unknown, kind: 'text' | 'caption'): ParsedText | ApiFailure {
  if (raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number') {
    return fail.badRequest(`${kind === 'text' ? 'message text' : 'caption'} must be a string`);
  }
  const source = raw === undefined ? '' : String(raw);
  let parsed: ParsedText & { readonly length: number };
  if (parseMode === 'HTML' || parseMode === 'html') {
    const check = validateTelegramHtml(source);
    if (!check.ok) return fail.cantParse(check.reason);
    const entities = htmlEntities(source, check.text);
    parsed = entities === undefined || entities.length === 0
      ? { text: check.text, length: check.length }
      : { text: check.text, length: check.length, entities };
  } else if (parseMode === undefined || parseMode === '' || parseMode === 'MarkdownV2' || parseMode === 'Markdown') {
    // Markdown is not parsed by the fake: the project sends HTML. The raw text is echoed.
    parsed = { text: source, length: source.length };
  } else {
    return fail.badRequest(`unsupported parse_mode "${String(parseMode)}"`);
  }
  if (kind === 'text' && parsed.text.trim() === '') return fail.textEmpty();
  const limit = kind === 'text' ? TEXT_LIMIT : CAPTION_LIMIT;
  if (parsed.length > limit) return kind === 'text' ? fail.tooLong() : fail.captionTooLong();
  return parsed.entities ? { text: parsed.text, entities: parsed.entities } : { text: parsed.text };
}

/** Checks reply_markup as Telegram does: inline buttons need text and one action; callback_data 1–64 bytes. */
export function checkReplyMarkup(markup: unknown): ApiFailure | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== 'object' || Array.isArray(markup)) return fail.badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows)) return fail.badRequest('field "inline_keyboard" must be an Array');
  for (const row of rows) {
    if (!Array.isArray(row)) return fail.badRequest('field "inline_keyboard" must be an Array of Arrays');
    for (const button of row) {
      const problem = checkButton(button);
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkButton(button: unknown): ApiFailure | undefined {
  if (typeof button !== 'object' || button === null) return fail.badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  const b = button as Record<string, unknown>;
  if (typeof b['text'] !== 'string' || b['text'] === '') return fail.badRequest("can't parse inline keyboard button: Text must be non-empty");
  if ('callback_data' in b) {
    const data = b['callback_data'];
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
    if (bytes < 1 || bytes > CALLBACK_DATA_LIMIT) return fail.buttonDataInvalid();
    return undefined;
  }
  if ('url' in b) {
    const url = b['url'];
    if (typeof url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(url)) return fail.buttonUrlInvalid();
    return undefined;
  }
  const actions = ['login_url', 'switch_inline_query', 'switch_inline_query_current_chat', 'switch_inline_query_chosen_chat',
    'copy_text', 'callback_game', 'pay', 'web_app'];
  if (actions.some((a) => a in b)) return undefined;
  return fail.badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
}
