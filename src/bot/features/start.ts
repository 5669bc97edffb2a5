/**
 * /start: registers the chat (reactivating one that had blocked the bot), says what the
 * bot does in three lines, then opens the topic picker under it — one message, so the
 * welcome and the first tap arrive together.
 */
import { Composer } from 'grammy';
import { asChatId } from '../../core/ids.js';
import type { ChatStore } from '../../store/ports.js';
import type { BotContext } from '../context.js';
import { categoriesScreen } from '../keyboards/picker.js';
import { replyScreen } from '../reply.js';

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
    const picker = categoriesScreen(ctx.t, 0);
    await replyScreen(ctx, { text: `${ctx.t.welcome}\n\n${picker.text}`, keyboard: picker.keyboard });
  });
  return feature;
}
