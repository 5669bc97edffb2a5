/**
 * /feeds: every feed with its health (last success, last error, items seen), buttons to
 * pause/resume or remove each, and `/feeds add URL | name | zone | minutes` (or the Add
 * button, then the same line) to add one.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { asFeedId, asUserId } from '../../../core/ids.js';
import type { Feed, FeedStore } from '../../../store/ports.js';
import type { BotContext } from '../../context.js';
import type { AdminStateStore } from './admin-state.js';
import { feedData } from './callbacks.js';
import { formatWhen } from './format.js';

export interface FeedsFeatureDeps {
  readonly feeds: FeedStore;
  readonly state: AdminStateStore;
  readonly defaultTimeZone: string;
  /** Minutes between polls when the admin gives none. */
  readonly defaultIntervalSec: number;
}

const isZone = (tz: string): boolean => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
};

const feedLine = z.tuple([
  z.url({ protocol: /^https?$/, error: 'the URL must start with http:// or https://' }).max(2048),
  z.string().min(1, 'a display name is required').max(100),
  z.string().refine(isZone, 'unknown time zone (e.g. Asia/Riyadh)').optional(),
  z.coerce.number().int().min(1, 'interval: 1–1440 minutes').max(1440, 'interval: 1–1440 minutes').optional(),
]);

/** Parses `URL | name | zone | minutes` (zone and minutes optional). */
export function parseFeedLine(line: string): { ok: true; url: string; name: string; timeZone?: string; minutes?: number } | { ok: false; reason: string } {
  const parts = line.split('|').map((p) => p.trim());
  while (parts.length > 2 && parts.at(-1) === '') parts.pop();
  const parsed = feedLine.safeParse(parts);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  const [url, name, timeZone, minutes] = parsed.data;
  return { ok: true, url, name, ...(timeZone ? { timeZone } : {}), ...(minutes ? { minutes } : {}) };
}

export function createFeedsFeature(deps: FeedsFeatureDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
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

  async function add(ctx: BotContext, line: string): Promise<void> {
    const t = ctx.t.admin.feeds;
    const parsed = parseFeedLine(line);
    if (!parsed.ok) return void (await ctx.reply(t.invalid(parsed.reason), { parse_mode: 'HTML' }));
    const feed: Feed = await deps.feeds.add({
      url: parsed.url, name: parsed.name, timeZone: parsed.timeZone ?? deps.defaultTimeZone,
      intervalSec: parsed.minutes ? parsed.minutes * 60 : deps.defaultIntervalSec,
    });
    ctx.logger.info({ feed: feed.id, url: feed.url }, 'feed added');
    await ctx.reply(t.added(feed.name), { parse_mode: 'HTML' });
  }

  c.command('feeds', async (ctx) => {
    const [sub] = ctx.match.trim().split(/\s+/, 1);
    if (sub === 'add') return add(ctx, ctx.match.trim().slice(3).trim());
    return list(ctx);
  });

  c.on('message:text', async (ctx, next) => {
    if ((await deps.state.get(asUserId(ctx.from.id)))?.step !== 'feed-add' || ctx.msg.text.startsWith('/')) return next();
    await deps.state.clear(asUserId(ctx.from.id));
    return add(ctx, ctx.msg.text);
  });

  c.callbackQuery(feedData.filter(), async (ctx, next) => {
    const t = ctx.t.admin.feeds;
    const data = feedData.unpack(ctx.callbackQuery.data);
    if (!data) return next();
    if (data.action === 'add') {
      await deps.state.set(asUserId(ctx.from.id), { step: 'feed-add' });
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(t.usage, { parse_mode: 'HTML' }));
    }
    const id = asFeedId(data.id);
    const done = data.action === 'remove' ? await deps.feeds.remove(id) : Boolean(await deps.feeds.setPaused(id, data.action === 'pause'));
    await ctx.answerCallbackQuery({ text: !done ? t.gone : data.action === 'remove' ? t.removed : t.paused(data.action === 'pause') });
    ctx.logger.info({ feed: id, action: data.action }, 'feed changed');
  });

  return c;
}
