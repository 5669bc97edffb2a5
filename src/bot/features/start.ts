/**
 * /start: registers the chat (reactivating one that had blocked the bot), says what the
 * bot does in three lines, then opens the topic picker.
 */
import { Composer } from 'grammy';
import { asChatId } from '../../core/ids.js';
import type { ChatStore } from '../../store/ports.js';
import type { BotContext } from '../context.js';
import { categoriesScreen } from '../keyboards/picker.js';
import { HTML, replyScreen } from '../reply.js';

export interface StartFeatureDeps {
  readonly chats: Pick<ChatStore, 'register'>;
}

export function createStartFeature(deps: StartFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('start', async (ctx) => {
    const chat = ctx.chat;
    if (chat.type !== 'channel') {
      const title = chat.type === 'private' ? undefined : chat.title;
      await deps.chats.register({ id: asChatId(chat.id), type: chat.type, language: ctx.lang, ...(title ? { title } : {}) });
    }
    await ctx.reply(ctx.t.welcome, HTML);
    await replyScreen(ctx, categoriesScreen(ctx.t, 0));
  });
  return feature;
}
