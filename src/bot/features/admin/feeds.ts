/**
 * /feeds: every feed with its health (last success, last error, items seen), buttons to
 * pause/resume or remove each, and `/feeds add URL | name | zone | minutes` to add one; the
 * Add button (or `/feeds add` alone) opens a one-step dialogue that waits for that line.
 * A bare address (`/feeds add https://site.example`) is looked at first: a feed is added under
 * its own title, a web page's announced feeds are offered as buttons (the dialogue keeps them,
 * so a restart between the offer and the tap loses nothing).
 */
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import type { Document } from 'grammy/types';
import { readOpml } from '../../../core/feeds/opml.js';
import { addOpmlFeeds, feedsAsOpml } from '../../../sources/opml-feeds.js';
import { checkFeedFields } from '../../../core/feeds/feed-fields.js';
import { asFeedId } from '../../../core/ids.js';
import type { Feed, FeedStore } from '../../../store/ports.js';
import type { AdminContext, BotContext, Dialogue } from '../../context.js';
import type { DiscoverFeeds } from '../../../sources/discover-feeds.js';
import { nextText, nextUpdate, tappedOn } from './dialogue-waits.js';
import { feedData, feedPickData } from './callbacks.js';
import { formatWhen } from './format.js';

export interface FeedsFeatureDeps {
  readonly feeds: FeedStore;
  readonly defaultTimeZone: string;
  /** Minutes between polls when the admin gives none. */
  readonly defaultIntervalSec: number;
  /** Looks at a bare address (feed, or page announcing feeds); without it a name is required. */
  readonly discover?: DiscoverFeeds;
  /** A file a user sent, by file_id (getFile, then the Bot API's file URL); without it /feeds import is off. */
  readonly readFile?: (fileId: string) => Promise<Uint8Array>;
}

/** Larger files are not OPML lists of feeds: refused before downloading. */
const MAX_OPML_BYTES = 1024 * 1024;
const MAX_BROKEN_LISTED = 10;
export const FEED_IMPORT_DIALOGUE = 'feed-import';

type Imported = { readonly ok: true; readonly added: number; readonly skipped: number; readonly broken: readonly { outline: string; reason: string }[] } | { readonly ok: false; readonly reason: string };

/** Reads an OPML document the admin sent and adds its feeds (URLs already there are skipped, never changed). */
async function importOpml(deps: FeedsFeatureDeps, ctx: BotContext, document: Document): Promise<Imported> {
  if (!deps.readFile) return { ok: false, reason: 'file import is not available on this instance' };
  if ((document.file_size ?? 0) > MAX_OPML_BYTES) return { ok: false, reason: `the file is larger than ${MAX_OPML_BYTES} bytes` };
  let text: string;
  try {
    text = new TextDecoder().decode(await deps.readFile(document.file_id));
  } catch (e) {
    return { ok: false, reason: `the file could not be downloaded (${e instanceof Error ? e.message : String(e)})` };
  }
  const read = readOpml(text);
  if (!read.ok) return { ok: false, reason: read.error };
  const counts = await addOpmlFeeds(deps.feeds, read.value.feeds, { timeZone: deps.defaultTimeZone, intervalSec: deps.defaultIntervalSec });
  const added = counts.added;
  const skipped = counts.skipped + read.value.repeated;
  ctx.logger.info({ added, skipped, broken: read.value.broken.length }, 'feeds imported from OPML');
  return { ok: true, added, skipped, broken: read.value.broken };
}

const sayImported = (ctx: BotContext, r: Imported) => {
  const t = ctx.t.admin.feeds.opml;
  if (!r.ok) return ctx.reply(t.importFailed(r.reason), { parse_mode: 'HTML' });
  const lines = [t.importDone(r.added, r.skipped, r.broken.length), ...r.broken.slice(0, MAX_BROKEN_LISTED).map((b) => t.importBroken(b.outline, b.reason))];
  return ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
};

/** `/feeds import` without a file: waits for the admin's OPML document. */
export function feedImportDialogue(deps: FeedsFeatureDeps) {
  return async (conversation: Dialogue, ctx: BotContext): Promise<void> => {
    await ctx.reply(ctx.t.admin.feeds.opml.importAsk, { parse_mode: 'HTML' });
    const answer = await nextUpdate(conversation, (c) => c.message?.document !== undefined);
    const document = answer.message?.document;
    if (!document) return;
    await sayImported(answer, await conversation.external(() => importOpml(deps, answer, document)));
  };
}

/** Every feed as an OPML document, sent to the admin. */
async function exportOpml(deps: FeedsFeatureDeps, ctx: BotContext): Promise<void> {
  const t = ctx.t.admin.feeds.opml;
  const { count, xml } = await feedsAsOpml(deps.feeds, new Date());
  if (count === 0) return void (await ctx.reply(t.exportEmpty));
  await ctx.replyWithDocument(new InputFile(new TextEncoder().encode(xml), 'tanbih-feeds.opml'), { caption: t.exportCaption(count), parse_mode: 'HTML' });
}

/** A line that is only an http(s) address: what discovery looks at. */
const bareUrl = (line: string): string | undefined => (/^https?:\/\/\S+$/i.test(line.trim()) ? line.trim() : undefined);
const MAX_OFFERED = 8;

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

/** A name for a feed found without one: its title, else the host. */
const nameFor = (url: string, title?: string): string => {
  const clean = title?.replace(/\s+/g, ' ').trim().slice(0, 100);
  if (clean) return clean;
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 100);
  }
};

/** Looks at a bare address: adds the feed it is, or offers the feeds its page announces. */
async function discoverAndAdd(deps: FeedsFeatureDeps, discover: DiscoverFeeds, conversation: Dialogue, ctx: BotContext, url: string): Promise<void> {
  const t = ctx.t.admin.feeds;
  const found = await conversation.external(() => discover(url));
  if (!found.ok) return void (await ctx.reply(t.discover.failed(found.error), { parse_mode: 'HTML' }));
  if (found.value.kind === 'feed') {
    const { url: feedUrl, title } = found.value;
    return void (await sayAdded(ctx, await conversation.external(() => addFeed(deps, ctx, `${feedUrl} | ${nameFor(feedUrl, title).replaceAll('|', '/')}`))));
  }
  const offered = found.value.feeds.slice(0, MAX_OFFERED);
  if (offered.length === 0) return void (await ctx.reply(t.discover.none, { parse_mode: 'HTML' }));
  const keyboard = new InlineKeyboard();
  offered.forEach((f, index) => keyboard.text(`${f.format.toUpperCase()} · ${nameFor(f.url, f.title).slice(0, 40)}`, feedPickData.pack({ index })).row());
  const asked = await ctx.reply(t.discover.found(offered.length), { parse_mode: 'HTML', reply_markup: keyboard });
  const tap = await nextUpdate(conversation, (c) => tappedOn(c, asked.message_id) && feedPickData.unpack(c.callbackQuery?.data ?? '') !== undefined);
  const chosen = offered[feedPickData.unpack(tap.callbackQuery?.data ?? '')?.index ?? -1];
  await tap.answerCallbackQuery();
  if (!chosen) return;
  await tap.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() });
  await sayAdded(tap, await conversation.external(() => addFeed(deps, tap, `${chosen.url} | ${nameFor(chosen.url, chosen.title).replaceAll('|', '/')}`)));
}

/** The Add button's dialogue: the usage line, then the admin's line (a bare address is looked at first). */
export function feedAddDialogue(deps: FeedsFeatureDeps) {
  return async (conversation: Dialogue, ctx: BotContext, given?: unknown): Promise<void> => {
    const url = typeof given === 'string' ? bareUrl(given) : undefined;
    if (url && deps.discover) return discoverAndAdd(deps, deps.discover, conversation, ctx, url);
    await ctx.reply(ctx.t.admin.feeds.usage, { parse_mode: 'HTML' });
    const answer = await nextText(conversation);
    const line = answer.message.text;
    const bare = bareUrl(line);
    if (bare && deps.discover) return discoverAndAdd(deps, deps.discover, conversation, answer, bare);
    // In `external`: a replay must not add the feed twice.
    await sayAdded(answer, await conversation.external(() => addFeed(deps, answer, line)));
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
    if (sub === 'export') return exportOpml(deps, ctx);
    if (sub === 'import') {
      const attached = ctx.message?.document;
      return attached ? void (await sayImported(ctx, await importOpml(deps, ctx, attached))) : ctx.conversation.enter(FEED_IMPORT_DIALOGUE);
    }
    if (sub === 'add' && line === '') return ctx.conversation.enter(FEED_ADD_DIALOGUE);
    if (sub === 'add' && bareUrl(line) && deps.discover) return ctx.conversation.enter(FEED_ADD_DIALOGUE, line);
    if (sub === 'add') return void (await sayAdded(ctx, await addFeed(deps, ctx, line)));
    return list(ctx);
  });

  // An OPML file sent with the caption `/feeds import`: grammY's command() reads message text only.
  c.on('message:document', async (ctx, next) => {
    if (!/^\/feeds(?:@\w+)?\s+import\b/i.test(ctx.message.caption ?? '')) return next();
    await sayImported(ctx, await importOpml(deps, ctx, ctx.message.document));
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
