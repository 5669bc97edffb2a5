/**
 * Small reply helpers shared by features: HTML replies, toasts (plain text, so the HTML
 * a string function made is turned back into text), in-place screen edits, refusals.
 */
import { GrammyError, type InlineKeyboard } from 'grammy';
import type { BotContext } from './context.js';
import type { TargetRefusal } from './target.js';

export const HTML = { parse_mode: 'HTML' } as const;

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

/** Our own HTML back to plain text (for toasts, which Telegram does not parse). */
export function toPlain(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|quot|amp);/g, (e) => ENTITIES[e] ?? e);
}

export interface ScreenLike {
  readonly text: string;
  readonly keyboard?: InlineKeyboard;
}

/** Replies with a screen (HTML text and optional keyboard). */
export function replyScreen(ctx: BotContext, screen: ScreenLike): Promise<unknown> {
  return ctx.reply(screen.text, { ...HTML, ...(screen.keyboard ? { reply_markup: screen.keyboard } : {}) });
}

/**
 * Redraws the message the button was on. A 400 here means the message is gone, too old
 * to edit, or already shows this screen (a double tap); none is worth an apology.
 */
export async function editScreen(ctx: BotContext, screen: ScreenLike): Promise<void> {
  try {
    await ctx.editMessageText(screen.text, { ...HTML, ...(screen.keyboard ? { reply_markup: screen.keyboard } : {}) });
  } catch (e) {
    if (e instanceof GrammyError && e.error_code === 400) ctx.logger.debug({ err: e }, 'screen not edited');
    else throw e;
  }
}

/** Same, for the keyboard only (the picker's toggles keep their text). */
export async function editKeyboard(ctx: BotContext, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
  } catch (e) {
    if (e instanceof GrammyError && e.error_code === 400) ctx.logger.debug({ err: e }, 'keyboard not edited');
    else throw e;
  }
}

/** Answers a button with a toast, or a message with a reply. */
export async function notify(ctx: BotContext, html: string, alert = false): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: toPlain(html), show_alert: alert });
  else await ctx.reply(html, HTML);
}

export function refuse(ctx: BotContext, reason: TargetRefusal): Promise<void> {
  const text = reason === 'not-admin' ? ctx.t.refusal.notAdmin : reason === 'not-linked' ? ctx.t.refusal.notLinked : ctx.t.refusal.noChat;
  return notify(ctx, text, true);
}
