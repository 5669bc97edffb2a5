/**
 * Per-update context: a logger child bound to the update id, the chat's stored record
 * (one read per update) and the interface language. Redis being down must not silence
 * the bot, so a failed read is logged and the update goes on without the record.
 */
import type { MiddlewareFn } from 'grammy';
import type { Logger } from '../../logger.js';
import { asChatId } from '../../core/ids.js';
import type { ChatStore } from '../../store/ports.js';
import type { BotContext } from '../context.js';
import { languageFromTelegram, stringsFor } from '../i18n/index.js';

export interface ContextSetupDeps {
  readonly logger: Logger;
  readonly chats: Pick<ChatStore, 'get'>;
}

export function contextSetup(deps: ContextSetupDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id });
    ctx.chatRecord = undefined;
    if (ctx.chat) {
      try {
        ctx.chatRecord = await deps.chats.get(asChatId(ctx.chat.id));
      } catch (e) {
        ctx.logger.warn({ err: e }, 'chat record unavailable');
      }
    }
    ctx.lang = ctx.chatRecord?.language ?? languageFromTelegram(ctx.from?.language_code);
    ctx.t = stringsFor(ctx.lang);
    await next();
  };
}
