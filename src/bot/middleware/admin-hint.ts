/**
 * First run without ADMIN_IDS: the operator has no way to learn their own Telegram user id
 * from the bot's replies, so the log says it — once per user, for private chats only, and only
 * while no admin is configured (it never reveals anything to the chat itself).
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';
import type { Logger } from '../../logger.js';

const MAX_USERS_NAMED = 20;

export function adminIdHint(deps: { readonly adminIds: readonly number[]; readonly logger: Logger }): MiddlewareFn<BotContext> {
  const named = new Set<number>();
  return (ctx, next) => {
    const user = ctx.from;
    if (deps.adminIds.length === 0 && user && ctx.chat?.type === 'private' && !named.has(user.id) && named.size < MAX_USERS_NAMED) {
      named.add(user.id);
      deps.logger.warn(
        { userId: user.id, username: user.username, firstName: user.first_name },
        `ADMIN_IDS is empty: to make this user an admin, set ADMIN_IDS=${user.id} in .env and restart`,
      );
    }
    return next();
  };
}
