/**
 * /pause (1 h, 8 h, 24 h) and /resume. Alerts are held during a pause and arrive grouped when
 * it ends; /resume ends it at once and so releases them (the settings service asks delivery).
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Clock } from '../../core/clock.js';
import type { ChatStore } from '../../store/ports.js';
import { pauseData } from '../callbacks.js';
import type { BotContext } from '../context.js';
import { formatTime } from '../format-time.js';
import { editScreen, HTML, refuse } from '../reply.js';
import type { ChatSettingsService } from '../services/chat-settings.js';
import { resolveTarget } from '../target.js';

export interface PauseFeatureDeps {
  readonly settings: ChatSettingsService;
  readonly chats: Pick<ChatStore, 'channelsOf' | 'get'>;
  readonly clock: Clock;
}

const HOURS = ['1', '8', '24'] as const;

export function createPauseFeature(deps: PauseFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('pause', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const keyboard = new InlineKeyboard();
    for (const h of HOURS) keyboard.text(ctx.t.pause.hours(Number(h)), pauseData.pack({ hours: h }));
    await ctx.reply(ctx.t.pause.choose, { ...HTML, reply_markup: keyboard });
  });

  feature.callbackQuery(pauseData.filter(), async (ctx, next) => {
    const data = pauseData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const until = deps.clock().getTime() + Number(data.hours) * 3_600_000;
    const chat = await deps.settings.change(resolved.target, { pausedUntil: until });
    await ctx.answerCallbackQuery();
    await editScreen(ctx, { text: ctx.t.pause.paused(formatTime(new Date(until), ctx.lang, chat.timeZone)) });
  });

  feature.command('resume', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await deps.settings.change(resolved.target, { pausedUntil: null });
    await ctx.reply(ctx.t.pause.resumed, HTML);
  });

  return feature;
}
