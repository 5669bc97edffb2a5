/**
 * /channels, in private: link a channel where both the user and the bot are admins
 * (`/channels @name`, or forward one of its posts), list linked channels, open the
 * picker for one, unlink. Alerts for a channel's topics are posted to the channel.
 */
import { Composer, GrammyError, InlineKeyboard } from 'grammy';
import { asChatId, asUserId } from '../../core/ids.js';
import type { ChatStore } from '../../store/ports.js';
import { channelData } from '../callbacks.js';
import type { BotContext } from '../context.js';
import { categoriesScreen } from '../keyboards/picker.js';
import { editScreen, HTML, refuse, replyScreen } from '../reply.js';
import { isChatAdmin, resolveTarget } from '../target.js';

export interface ChannelsFeatureDeps {
  readonly chats: Pick<ChatStore, 'register' | 'linkChannel' | 'unlinkChannel' | 'channelsOf' | 'getMany' | 'get'>;
}

const CHANNEL_NAME = /^@[A-Za-z][A-Za-z0-9_]{3,31}$/;

export function createChannelsFeature(deps: ChannelsFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const pm = feature.chatType('private');

  const listScreen = async (ctx: BotContext) => {
    const ids = await deps.chats.channelsOf(asUserId(ctx.from?.id ?? 0));
    const channels = (await deps.chats.getMany(ids)).flatMap((c) => c ?? []);
    if (channels.length === 0) return { text: ctx.t.channels.intro };
    const keyboard = new InlineKeyboard();
    for (const c of channels) {
      keyboard.text(ctx.t.channels.manageButton(c.title ?? String(c.id)), channelData.pack({ action: 'manage', channel: c.id }))
        .text(ctx.t.channels.unlinkButton, channelData.pack({ action: 'unlink', channel: c.id })).row();
    }
    return { text: `${ctx.t.channels.list(channels.length)}\n\n${ctx.t.channels.intro}`, keyboard };
  };

  /** Checks both admin rights and links; answers the user either way. */
  const link = async (ctx: BotContext, channel: number | string) => {
    const userId = ctx.from?.id ?? 0;
    try {
      const chat = await ctx.api.getChat(channel);
      if (chat.type !== 'channel') return void (await ctx.reply(ctx.t.channels.notFound, HTML));
      if (!(await isChatAdmin(ctx, chat.id, ctx.me.id))) return void (await ctx.reply(ctx.t.channels.botNotAdmin, HTML));
      if (!(await isChatAdmin(ctx, chat.id, userId))) return void (await ctx.reply(ctx.t.channels.userNotAdmin, HTML));
      await deps.chats.register({ id: asChatId(chat.id), type: 'channel', title: chat.title, language: ctx.lang });
      await deps.chats.linkChannel(asUserId(userId), asChatId(chat.id));
      await ctx.reply(ctx.t.channels.linked(chat.title), HTML);
      await replyScreen(ctx, categoriesScreen(ctx.t, chat.id, chat.title));
    } catch (e) {
      // 400 chat not found / 403 the bot is not in the channel: the user's input, not our bug.
      if (e instanceof GrammyError && (e.error_code === 400 || e.error_code === 403)) {
        return void (await ctx.reply(ctx.t.channels.notFound, HTML));
      }
      throw e;
    }
  };

  pm.command('channels', async (ctx) => {
    const name = ctx.match.trim();
    if (name === '') return void (await replyScreen(ctx, await listScreen(ctx)));
    if (!CHANNEL_NAME.test(name)) return void (await ctx.reply(ctx.t.channels.notFound, HTML));
    await link(ctx, name);
  });

  pm.on('message:forward_origin', async (ctx, next) => {
    const origin = ctx.message.forward_origin;
    if (origin.type !== 'channel') return next();
    await link(ctx, origin.chat.id);
  });

  feature.callbackQuery(channelData.filter(), async (ctx, next) => {
    const data = channelData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    if (data.action === 'unlink') {
      await deps.chats.unlinkChannel(asUserId(ctx.from.id), asChatId(data.channel));
      await ctx.answerCallbackQuery({ text: ctx.t.channels.unlinked });
      return editScreen(ctx, await listScreen(ctx));
    }
    const resolved = await resolveTarget(ctx, data.channel, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await ctx.answerCallbackQuery();
    await replyScreen(ctx, categoriesScreen(ctx.t, data.channel, resolved.target.title));
  });

  return feature;
}
