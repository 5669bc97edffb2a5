/**
 * /feeds: every feed with its health (last success, last error, items seen), buttons to
 * pause/resume or remove each, and `/feeds add URL | name | zone | minutes` to add one; the
 * Add button (or `/feeds add` alone) opens a one-step dialogue that waits for that line.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { checkFeedFields } from '../../../core/feeds/feed-fields.js';
import { asFeedId } from '../../../core/ids.js';
import type { Feed, FeedStore } from '../../../store/ports.js';
import type { AdminContext, BotContext, Dialogue } from '../../context.js';
import { nextText } from './dialogue-waits.js';
import { feedData } from './callbacks.js';
import { formatWhen } from './format.js';

export interface FeedsFeatureDeps {
  readonly feeds: FeedStore;
  readonly defaultTimeZone: string;
  /** Minutes between polls when the admin gives none. */
  readonly defaultIntervalSec: number;
}

/** Parses `URL | name | zone | minutes` (zone and minutes optional), checked as every feed is (core/feeds/feed-fields). */
export function parseFeedLine(line: string): { ok: true; url: string; name: string; timeZone?: string; minutes?: number } | { ok: false; reason: string } {
  const parts = line.split('|').map((p) => p.trim());
  while (parts.length > 2 && parts.at(-1) === '') parts.pop();
  if (parts.length > 4) return { ok: false, reason: 'at most four fields: URL | name | time zone | minutes' };
  const [url, name, timeZone, minutes] = parts;
  const checked = checkFeedFields({ url, name, ...(timeZone ? { timeZone } : {}), ...(minutes ? { minutes } : {}) });
  return checked.ok ? { ok: true, ...checked.value } : { ok: false, reason: checked.error };
}

export const FEED_ADD_DIALOGUE = 'feed-add';

type Added = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly reason: string };

/** Adds the feed a `URL | name | zone | minutes` line describes. */
async function addFeed(deps: FeedsFeatureDeps, ctx: BotContext, line: string): Promise<Added> {
  const parsed = parseFeedLine(line);
  if (!parsed.ok) return parsed;
  const feed: Feed = await deps.feeds.add({
    url: parsed.url, name: parsed.name, timeZone: parsed.timeZone ?? deps.defaultTimeZone,
    intervalSec: parsed.minutes ? parsed.minutes * 60 : deps.defaultIntervalSec,
  });
  ctx.logger.info({ feed: feed.id, url: feed.url }, 'feed added');
  return { ok: true, name: feed.name };
}

const sayAdded = (ctx: BotContext, added: Added) =>
  ctx.reply(added.ok ? ctx.t.admin.feeds.added(added.name) : ctx.t.admin.feeds.invalid(added.reason), { parse_mode: 'HTML' });

/** The Add button's dialogue: the usage line, then the admin's line. */
export function feedAddDialogue(deps: FeedsFeatureDeps) {
  return async (conversation: Dialogue, ctx: BotContext): Promise<void> => {
    await ctx.reply(ctx.t.admin.feeds.usage, { parse_mode: 'HTML' });
    const answer = await nextText(conversation);
    // In `external`: a replay must not add the feed twice.
    await sayAdded(answer, await conversation.external(() => addFeed(deps, answer, answer.message.text)));
  };
}

export function createFeedsFeature(deps: FeedsFeatureDeps): Composer<AdminContext> {
  const c = new Composer<AdminContext>();
  const zoneOf = (ctx: BotContext) => ctx.chatRecord?.timeZone ?? deps.defaultTimeZone;

  async function list(ctx: BotContext): Promise<void> {
    const t = ctx.t.admin.feeds;
    const feeds = (await deps.feeds.list()).slice(0, 25);
    const lines: string[] = [t.header(feeds.length)];
    const keyboard = new InlineKeyboard();
    for (const f of feeds) {
      const h = await deps.feeds.health(f.id);
      const when = (ms?: number) => (ms === undefined ? undefined : formatWhen(ms, zoneOf(ctx)));
      lines.push(t.line({
        name: f.name, url: f.url, paused: f.paused, intervalSec: f.intervalSec, itemsSeen: h.itemsSeen,
        ...(h.lastSuccessAt ? { lastSuccess: when(h.lastSuccessAt) } : {}),
        ...(h.lastError ? { lastError: h.lastError, lastErrorAt: when(h.lastErrorAt) ?? '' } : {}),
      }));
      const label = f.name.slice(0, 24);
      keyboard.text(t.buttons.pause(label, f.paused), feedData.pack({ action: f.paused ? 'resume' : 'pause', id: f.id }))
        .text(t.buttons.remove(label), feedData.pack({ action: 'remove', id: f.id })).row();
    }
    if (feeds.length === 0) lines.push(t.empty);
    lines.push('', t.usage);
    keyboard.text(t.buttons.add, feedData.pack({ action: 'add', id: 'new' }));
    await ctx.reply(lines.join('\n\n'), { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
  }

  c.command('feeds', async (ctx) => {
    const [sub] = ctx.match.trim().split(/\s+/, 1);
    const line = ctx.match.trim().slice(3).trim();
    if (sub === 'add' && line === '') return ctx.conversation.enter(FEED_ADD_DIALOGUE);
    if (sub === 'add') return void (await sayAdded(ctx, await addFeed(deps, ctx, line)));
    return list(ctx);
  });

  c.callbackQuery(feedData.filter(), async (ctx, next) => {
    const t = ctx.t.admin.feeds;
    const data = feedData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    if (data.action === 'add') {
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(FEED_ADD_DIALOGUE);
    }
    const id = asFeedId(data.id);
    const done = data.action === 'remove' ? await deps.feeds.remove(id) : Boolean(await deps.feeds.setPaused(id, data.action === 'pause'));
    await ctx.answerCallbackQuery({ text: !done ? t.gone : data.action === 'remove' ? t.removed : t.paused(data.action === 'pause') });
    ctx.logger.info({ feed: id, action: data.action }, 'feed changed');
  });

  return c;
}
