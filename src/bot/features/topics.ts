/**
 * The topic picker: categories → paginated topics with ✅ on those followed; one tap
 * toggles and the keyboard is redrawn in place. Every tap re-checks who may change the
 * target chat (group admins, linked channel admins).
 */
import { Composer } from 'grammy';
import { asTopicId } from '../../core/ids.js';
import type { ChatStore } from '../../store/ports.js';
import type { TopicCatalog } from '../catalog.js';
import { menuData, pageData, toggleData } from '../callbacks.js';
import type { BotContext } from '../context.js';
import { categoriesScreen, pageScreen } from '../keyboards/picker.js';
import { editKeyboard, editScreen, notify, refuse } from '../reply.js';
import type { FollowService } from '../services/follows.js';
import { resolveTarget } from '../target.js';
import { followErrorText } from './follow-errors.js';

export interface TopicsFeatureDeps {
  readonly follows: FollowService;
  readonly catalog: Pick<TopicCatalog, 'inCategory' | 'get'>;
  readonly chats: Pick<ChatStore, 'channelsOf' | 'get'>;
}

export function createTopicsFeature(deps: TopicsFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(menuData.filter(), async (ctx, next) => {
    const data = menuData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, data.target, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    await ctx.answerCallbackQuery();
    await editScreen(ctx, categoriesScreen(ctx.t, data.target, data.target === 0 ? undefined : resolved.target.title));
  });

  feature.callbackQuery(pageData.filter(), async (ctx, next) => {
    const data = pageData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, data.target, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const followed = await deps.follows.followed(resolved.target.id);
    await ctx.answerCallbackQuery();
    const title = data.target === 0 ? undefined : resolved.target.title;
    await editScreen(ctx, pageScreen({
      t: ctx.t, lang: ctx.lang, target: data.target, category: data.cat, page: data.page,
      topics: deps.catalog.inCategory(data.cat), followed, ...(title ? { chatTitle: title } : {}),
    }));
  });

  feature.callbackQuery(toggleData.filter(), async (ctx, next) => {
    const data = toggleData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, data.target, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const topic = asTopicId(data.topic);
    const { outcome, followed } = await deps.follows.toggle(resolved.target, topic);
    const name = deps.catalog.get(topic)?.names[ctx.lang] ?? data.topic;
    if (outcome === 'unfollowed') await notify(ctx, ctx.t.follow.unfollowed(name));
    else if (outcome.ok) await notify(ctx, ctx.t.follow.followed(name));
    else return notify(ctx, followErrorText(ctx.t, outcome.error), true);
    const screen = pageScreen({
      t: ctx.t, lang: ctx.lang, target: data.target, category: data.cat, page: data.page,
      topics: deps.catalog.inCategory(data.cat), followed,
    });
    await editKeyboard(ctx, screen.keyboard);
  });

  return feature;
}
