/**
 * The error boundary around every feature: a handler error is logged with the update
 * id and the user gets a short apology instead of silence. The apology itself may fail
 * (the user blocked the bot, Telegram is down); that is logged, never thrown.
 */
import type { BotError, NextFunction } from 'grammy';
import type { BotContext } from './context.js';

export async function apologize(error: BotError<BotContext>, _next: NextFunction): Promise<void> {
  const ctx = error.ctx;
  // contextSetup runs outside the boundary, so the logger and strings are always set here.
  const log = ctx.logger;
  log.error({ err: error.error, updateId: ctx.update.update_id }, 'handler failed');
  const text = ctx.t.apology;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat && ctx.chat.type !== 'channel') await ctx.reply(text);
  } catch (e) {
    log.warn({ err: e, updateId: ctx.update.update_id }, 'apology not delivered');
  }
}
