/**
 * /broadcast: content → preview exactly as recipients will see it (copyMessage) → audience
 * (everyone or topics, with the recipient count) and breaking flag → confirm or cancel.
 * Confirming creates the broadcast, posts the live progress message and asks delivery to
 * start; sending itself happens in delivery's breaking lane, never in this handler.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import type { Clock } from '../../../core/clock.js';
import { asBroadcastId, asChatId, asTopicId, asUserId } from '../../../core/ids.js';
import type { BroadcastService } from '../../../delivery/ports.js';
import type { BroadcastStore } from '../../../store/ports.js';
import type { TopicCatalog } from '../../catalog.js';
import type { BotContext } from '../../context.js';
import type { AdminStateStore } from './admin-state.js';
import type { BroadcastProgress } from './broadcast-progress.js';
import type { ProgressBoard } from './progress-board.js';
import { audienceOf, type Draft, type PanelDeps, renderPanel } from './broadcast-panel.js';
import { draftData, draftTopicData, stopData } from './callbacks.js';

export interface BroadcastFeatureDeps extends PanelDeps {
  readonly service: BroadcastService;
  readonly broadcasts: Pick<BroadcastStore, 'create' | 'get' | 'update'>;
  readonly catalog: TopicCatalog;
  readonly state: AdminStateStore;
  /** Starts editing the progress message at once; without it, the reporter finds the broadcast on its next look. */
  readonly progress?: Pick<BroadcastProgress, 'watch' | 'refresh'>;
  /** Tells the progress reporter (in whichever process runs it) about a started or cancelled broadcast. */
  readonly board?: Pick<ProgressBoard, 'announce'>;
  readonly clock: Clock;
}

/** What copyMessage can carry with formatting and media intact. */
const copyable = (m: Message): boolean =>
  Boolean(m.text ?? m.photo ?? m.video ?? m.animation ?? m.document ?? m.audio ?? m.voice ?? m.video_note ?? m.sticker);

const admin = (ctx: BotContext) => asUserId(ctx.from?.id ?? 0);

export function createBroadcastFeature(deps: BroadcastFeatureDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  async function showPanel(ctx: BotContext, d: Draft, edit: boolean): Promise<void> {
    const { text, keyboard } = await renderPanel(d, ctx.lang, deps);
    if (edit && d.panelMessageId !== undefined) {
      await ctx.api.editMessageText(ctx.chat?.id ?? 0, d.panelMessageId, text, { parse_mode: 'HTML', reply_markup: keyboard }).catch(() => undefined);
      return;
    }
    const sent = await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
    await deps.state.set(admin(ctx), { ...d, panelMessageId: sent.message_id });
  }

  c.command('broadcast', async (ctx) => {
    await deps.state.set(admin(ctx), { step: 'broadcast-content' });
    await ctx.reply(ctx.t.admin.broadcast.askContent);
  });

  c.on('message', async (ctx, next) => {
    if (ctx.msg.text?.startsWith('/')) return next();
    const s = await deps.state.get(admin(ctx));
    if (s?.step === 'broadcast-content') {
      if (!copyable(ctx.msg)) return void (await ctx.reply(ctx.t.admin.broadcast.notContent));
      const draft: Draft = { step: 'broadcast-compose', source: { chatId: asChatId(ctx.chat.id), messageId: ctx.msg.message_id }, topics: [], breaking: false };
      await ctx.api.copyMessage(ctx.chat.id, ctx.chat.id, ctx.msg.message_id);
      await ctx.reply(ctx.t.admin.broadcast.previewNote);
      return showPanel(ctx, draft, false);
    }
    if (s?.step === 'broadcast-compose' && s.typingTopics && ctx.msg.text) {
      const found = [...s.topics];
      const missing: string[] = [];
      for (const word of ctx.msg.text.split(/[,،\n]/).map((w) => w.trim()).filter(Boolean).slice(0, 20)) {
        const topic = deps.catalog.search(word.slice(0, 100), 1)[0];
        if (topic && !found.includes(topic.id)) found.push(topic.id);
        if (!topic) missing.push(word);
      }
      if (missing.length > 0) await ctx.reply(ctx.t.admin.broadcast.topicsNotFound(missing.join('، ')), { parse_mode: 'HTML' });
      const draft: Draft = { ...s, topics: found.slice(0, 20) };
      await deps.state.set(admin(ctx), draft);
      return showPanel(ctx, draft, true);
    }
    return next();
  });

  c.callbackQuery(draftTopicData.filter(), async (ctx) => {
    const data = draftTopicData.unpack(ctx.callbackQuery.data);
    const s = await deps.state.get(admin(ctx));
    if (!data || s?.step !== 'broadcast-compose') return void (await ctx.answerCallbackQuery({ text: ctx.t.admin.expired }));
    const id = asTopicId(data.topic);
    const draft: Draft = { ...s, topics: s.topics.includes(id) ? s.topics.filter((t) => t !== id) : [...s.topics, id] };
    await deps.state.set(admin(ctx), draft);
    await ctx.answerCallbackQuery();
    await showPanel(ctx, draft, true);
  });

  c.callbackQuery(draftData.filter(), async (ctx) => {
    const t = ctx.t.admin;
    const data = draftData.unpack(ctx.callbackQuery.data);
    const s = await deps.state.get(admin(ctx));
    if (!data || s?.step !== 'broadcast-compose') return void (await ctx.answerCallbackQuery({ text: t.expired }));
    if (data.action === 'cancel') {
      await deps.state.clear(admin(ctx));
      await ctx.answerCallbackQuery();
      return void (await ctx.editMessageText(t.cancelled));
    }
    if (data.action !== 'send') {
      const draft: Draft =
        data.action === 'everyone' ? { ...s, topics: [], typingTopics: false }
        : data.action === 'topics' ? { ...s, typingTopics: true }
        : data.action === 'done' ? { ...s, typingTopics: false }
        : { ...s, breaking: !s.breaking };
      await deps.state.set(admin(ctx), draft);
      await ctx.answerCallbackQuery();
      return showPanel(ctx, draft, true);
    }
    const recipients = await deps.service.countAudience(audienceOf(s));
    if (recipients === 0) return void (await ctx.answerCallbackQuery({ text: t.broadcast.noRecipients, show_alert: true }));
    await deps.state.clear(admin(ctx));
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined);
    const b = await deps.broadcasts.create({ admin: admin(ctx), source: s.source, audience: audienceOf(s), breaking: s.breaking });
    // The first message already shows who it goes to; the reporter takes over from here.
    const start = { total: recipients, sent: 0, failed: 0, blocked: 0, remaining: recipients, rate: 0 };
    const msg = await ctx.reply(t.broadcast.progress(b.id, start, b.breaking), {
      parse_mode: 'HTML', reply_markup: new InlineKeyboard().text(t.broadcast.stop, stopData.pack({ id: b.id })),
    });
    await deps.broadcasts.update(b.id, { progressMessage: { chatId: asChatId(msg.chat.id), messageId: msg.message_id } });
    await deps.service.start(b.id);
    ctx.logger.info({ broadcastId: b.id, audience: audienceOf(s), breaking: s.breaking, recipients }, 'broadcast started');
    await deps.board?.announce(b.id);
    deps.progress?.watch(b.id);
  });

  c.callbackQuery(stopData.filter(), async (ctx) => {
    const t = ctx.t.admin.broadcast;
    const data = stopData.unpack(ctx.callbackQuery.data);
    const b = data ? await deps.broadcasts.get(asBroadcastId(data.id)) : undefined;
    if (!b || b.state === 'done' || b.state === 'cancelled') return void (await ctx.answerCallbackQuery({ text: t.alreadyOver }));
    await deps.service.cancel(b.id);
    ctx.logger.info({ broadcastId: b.id }, 'broadcast cancelled');
    await ctx.answerCallbackQuery({ text: t.stopping });
    await deps.board?.announce(b.id);
    await deps.progress?.refresh(b.id);
  });

  return c;
}
