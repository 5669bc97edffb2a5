/**
 * Typing in a private chat searches the catalogue (Arabic or English) and offers follow
 * buttons; when nothing matches, it offers to follow the words as a keyword. Odd input
 * (very long, only emoji, direction controls, markup) gets a clear answer.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { asChatId, asTopicId } from '../../core/ids.js';
import { keywordTopic } from '../../core/keyword-topic.js';
import type { ChatStore } from '../../store/ports.js';
import type { TopicCatalog } from '../catalog.js';
import { followData, keywordData } from '../callbacks.js';
import type { BotContext } from '../context.js';
import { checkQuery, MAX_QUERY } from '../input.js';
import { HTML, notify, refuse } from '../reply.js';
import type { FollowService } from '../services/follows.js';
import type { PendingKeywords } from '../services/pending-keywords.js';
import { resolveTarget } from '../target.js';
import { followErrorText } from './follow-errors.js';

export const SEARCH_RESULTS = 6;

export interface SearchFeatureDeps {
  readonly follows: FollowService;
  readonly catalog: Pick<TopicCatalog, 'search' | 'get' | 'named'>;
  readonly chats: Pick<ChatStore, 'channelsOf' | 'get'>;
  readonly pending: PendingKeywords;
}

/** Replies to a topic query: results with follow buttons, or the keyword offer. Shared with /follow. */
export async function answerQuery(ctx: BotContext, deps: SearchFeatureDeps, raw: string, target = 0): Promise<void> {
  const checked = checkQuery(raw);
  if (!checked.ok) {
    const text = checked.reason === 'too-long' ? ctx.t.search.tooLong(checked.length, MAX_QUERY) : ctx.t.search.noWords;
    await ctx.reply(text, HTML);
    return;
  }
  const { query } = checked;
  const found = deps.catalog.search(query, SEARCH_RESULTS);
  const chatId = target === 0 ? ctx.chat?.id : target;
  const followed = chatId === undefined ? new Set() : await deps.follows.followed(asChatId(chatId));
  const keyboard = new InlineKeyboard();
  for (const topic of found) {
    const mark = followed.has(topic.id) ? '✅ ' : '➕ ';
    keyboard.text(`${mark}${topic.names[ctx.lang]}`, followData.pack({ target, topic: topic.id })).row();
  }
  const keywordOk = found.length === 0 && keywordTopic(query).ok;
  if (keywordOk) keyboard.text(ctx.t.follow.keywordButton(query), keywordData.pack({ target, topic: await deps.pending.put(query) }));
  const text = found.length > 0 ? ctx.t.search.results(query) : keywordOk ? ctx.t.search.none(query) : ctx.t.search.noKeyword(query);
  await ctx.reply(text, { ...HTML, reply_markup: keyboard });
}

export function createSearchFeature(deps: SearchFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.chatType('private').on('message:text', async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    await answerQuery(ctx, deps, ctx.message.text);
  });

  feature.callbackQuery(followData.filter(), async (ctx, next) => {
    const data = followData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const resolved = await resolveTarget(ctx, data.target, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const outcome = await deps.follows.follow(resolved.target, asTopicId(data.topic));
    if (!outcome.ok) return notify(ctx, followErrorText(ctx.t, outcome.error), true);
    const name = outcome.topic.names[ctx.lang];
    await notify(ctx, outcome.already ? ctx.t.follow.already(name) : ctx.t.follow.followed(name));
  });

  feature.callbackQuery(keywordData.filter(), async (ctx, next) => {
    const data = keywordData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    const words = await deps.pending.get(data.topic);
    if (!words) return notify(ctx, ctx.t.follow.keywordExpired, true);
    const resolved = await resolveTarget(ctx, data.target, deps.chats);
    if (!resolved.ok) return refuse(ctx, resolved.reason);
    const outcome = await deps.follows.followKeyword(resolved.target, words);
    if (!outcome.ok) return notify(ctx, followErrorText(ctx.t, outcome.error), true);
    await ctx.answerCallbackQuery();
    await ctx.reply(outcome.already ? ctx.t.follow.already(words) : ctx.t.follow.followed(words), HTML);
  });

  return feature;
}
