/**
 * The admin guard. Admin commands and admin buttons are claimed here for everyone:
 * an admin goes on to the admin features, anyone else gets a polite refusal and nothing
 * else (no state read, no service called). Other updates pass through untouched.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';
import { ADMIN_MENU } from '../../i18n/strings.js';
import { isAdminCallback } from './callbacks.js';

/** The admin commands a stranger is refused (the menu's list, less /cancel, which only leaves an open dialogue). */
export const ADMIN_COMMANDS = ADMIN_MENU.filter((c) => c !== 'cancel');

/** Is this update's sender an admin? */
export const isAdminOf = (adminIds: readonly number[]) => (ctx: BotContext): boolean =>
  ctx.from !== undefined && adminIds.includes(ctx.from.id);

/**
 * Returns a composer whose `admin` branch only admins reach; refusals are answered here.
 * Mount the admin features on the returned branch.
 */
export function createAdminGuard(adminIds: readonly number[]): { guard: Composer<BotContext>; admin: Composer<BotContext> } {
  const isAdmin = isAdminOf(adminIds);
  const guard = new Composer<BotContext>();
  guard.command([...ADMIN_COMMANDS], async (ctx, next) => {
    if (isAdmin(ctx)) return next();
    ctx.logger.info({ user: ctx.from?.id, command: ctx.msg.text.split(/\s/, 1)[0] }, 'admin command refused');
    if (ctx.chat.type === 'private') await ctx.reply(ctx.t.admin.refusal);
  });
  guard.on('callback_query:data', async (ctx, next) => {
    if (!isAdminCallback(ctx.callbackQuery.data) || isAdmin(ctx)) return next();
    ctx.logger.warn({ user: ctx.from.id }, 'admin button refused');
    await ctx.answerCallbackQuery({ text: ctx.t.admin.refusal, show_alert: true });
  });
  const admin = guard.filter(isAdmin);
  return { guard, admin };
}
