/**
 * /mytopics: the chat's topics, each with an unfollow button; a tap unfollows and the
 * list is redrawn in place.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { asTopicId } from '../../core/ids.js';
import type { Topic } from '../../core/topic.js';
import type { ChatStore } from '../../store/ports.js';
import { unfollowData } from '../callbacks.js';
import type { BotContext } from '../context.js';
import { editScreen, refuse, replyScreen, type ScreenLike } from '../reply.js';
import type { FollowService } from '../services/follows.js';
import { resolveTarget } from '../target.js';

export interface MyTopicsFeatureDeps {
  readonly follows: FollowService;
  readonly chats: Pick<ChatStore, 'channelsOf' | 'get'>;
}

/** Telegram allows 100 buttons; long lists show the first ones (the header has the count). */
const MAX_BUTTONS = 90;

function listScreen(ctx: BotContext, topics: readonly Topic[], target: number): ScreenLike {
  if (topics.length === 0) return { text: ctx.t.mytopics.empty };
  const keyboard = new InlineKeyboard();
  for (const topic of topics.slice(0, MAX_BUTTONS)) {
    keyboard.text(ctx.t.mytopics.unfollowButton(topic.names[ctx.lang]), unfollowData.pack({ target, topic: topic.id })).row();
  }
  return { text: ctx.t.mytopics.header(topics.length), keyboard };
}

export function createMyTopicsFeature(deps: MyTopicsFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('mytopics', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await replyScreen(ctx, listScreen(ctx, await deps.follows.list(resolved.target.id), 0));
  });

  feature.callbackQuery(unfollowData.filter(), async (ctx, next) => {
    const data = unfollowData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, data.target, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await deps.follows.unfollow(resolved.target, asTopicId(data.topic));
    await ctx.answerCallbackQuery();
    await editScreen(ctx, listScreen(ctx, await deps.follows.list(resolved.target.id), data.target));
  });

  return feature;
}
