/**
 * /follow <name> follows the topic the words name exactly; otherwise it shows the closest
 * topics to tap (or offers the words as a keyword);
 * /unfollow <name> stops following the followed topic those words name. In groups only
 * admins may use them.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { checkQuery } from '../input.js';
import { HTML, refuse } from '../reply.js';
import { resolveTarget } from '../target.js';
import { followErrorText } from './follow-errors.js';
import { answerQuery, type SearchFeatureDeps } from './search.js';

export type FollowFeatureDeps = SearchFeatureDeps;

export function createFollowFeature(deps: FollowFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('follow', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    if (ctx.match.trim() === '') return void (await ctx.reply(ctx.t.follow.usage('follow'), HTML));
    const checked = checkQuery(ctx.match);
    const best = checked.ok ? deps.catalog.named(checked.query) : undefined;
    if (!best) return answerQuery(ctx, deps, ctx.match);
    const outcome = await deps.follows.follow(resolved.target, best.id);
    if (!outcome.ok) return void (await ctx.reply(followErrorText(ctx.t, outcome.error), HTML));
    const name = best.names[ctx.lang];
    await ctx.reply(outcome.already ? ctx.t.follow.already(name) : ctx.t.follow.followed(name), HTML);
  });

  feature.command('unfollow', async (ctx) => {
    const resolved = await resolveTarget(ctx, 0, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const checked = checkQuery(ctx.match);
    if (!checked.ok) return void (await ctx.reply(ctx.t.follow.usage('unfollow'), HTML));
    const topic = await deps.follows.unfollowByName(resolved.target, checked.query);
    await ctx.reply(topic ? ctx.t.follow.unfollowed(topic.names[ctx.lang]) : ctx.t.follow.notFollowing(checked.query), HTML);
  });

  return feature;
}
