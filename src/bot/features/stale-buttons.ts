/**
 * The last callback handler: a button no feature claimed (an old keyboard from before a
 * deploy, a payload that does not parse, forged data, a game button) is answered with a
 * short toast, so the user's client never spins forever on it.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

export function createStaleButtonsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('callback_query', async (ctx) => {
    ctx.logger.debug({ data: ctx.callbackQuery.data?.slice(0, 64) }, 'button not recognised');
    await ctx.answerCallbackQuery({ text: ctx.t.buttonExpired });
  });
  return feature;
}
