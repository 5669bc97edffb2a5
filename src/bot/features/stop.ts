/** /stop: after a confirmation, unfollows everything (the chat stays registered, so /start brings it back). */
import { Composer, InlineKeyboard } from 'grammy';
import type { ChatStore } from '../../store/ports.js';
import { stopData } from '../callbacks.js';
import type { BotContext } from '../context.js';
import { editScreen, HTML, refuse } from '../reply.js';
import type { FollowService } from '../services/follows.js';
import { resolveTarget } from '../target.js';

export interface StopFeatureDeps {
  readonly follows: Pick<FollowService, 'unfollowAll'>;
  readonly chats: Pick<ChatStore, 'channelsOf' | 'get'>;
}

export function createStopFeature(deps: StopFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('stop', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const keyboard = new InlineKeyboard()
      .text(ctx.t.stop.yes, stopData.pack({ answer: 'yes' }))
      .text(ctx.t.stop.no, stopData.pack({ answer: 'no' }));
    await ctx.reply(ctx.t.stop.confirm, { ...HTML, reply_markup: keyboard });
  });

  feature.callbackQuery(stopData.filter(), async (ctx, next) => {
    const data = stopData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await ctx.answerCallbackQuery();
    if (data.answer === 'no') return editScreen(ctx, { text: ctx.t.stop.kept });
    const count = await deps.follows.unfollowAll(resolved.target.id);
    await editScreen(ctx, { text: ctx.t.stop.done(count) });
  });

  return feature;
}
