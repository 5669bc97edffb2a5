/** /help: what the bot does and its commands. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { HTML } from '../reply.js';

export function createHelpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('help', (ctx) => ctx.reply(ctx.t.help, HTML));
  return feature;
}
