/**
 * /broadcast, a dialogue (@grammyjs/conversations, stored in Redis, so a restart between two
 * steps loses nothing): content → preview exactly as recipients will see it (copyMessage) →
 * audience (everyone or topics, with the recipient count) and breaking flag → confirm or
 * cancel. Confirming creates the broadcast, posts the live progress message and asks delivery
 * to start; sending itself happens in delivery's breaking lane, never in this handler.
 *
 * A dialogue is replayed from its stored updates on every step: whatever reads or writes
 * Redis runs in `conversation.external`, whose results are stored and replayed, so the
 * services are called once per real step.
 */
import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import type { Clock } from '../../../core/clock.js';
import { asBroadcastId, asChatId, asTopicId, asUserId, type TopicId } from '../../../core/ids.js';
import type { BroadcastService } from '../../../delivery/ports.js';
import type { BroadcastStore } from '../../../store/ports.js';
import type { TopicCatalog } from '../../catalog.js';
import type { AdminContext, BotContext, Dialogue } from '../../context.js';
import { audienceOf, type Draft, type PanelDeps, renderPanel } from './broadcast-panel.js';
import { draftData, draftTopicData, stopData } from './callbacks.js';
import { nextMessage, nextUpdate, tappedOn } from './dialogue-waits.js';
import type { ProgressBoard } from '../../../store/redis-progress-board.js';
import type { ProgressWatcher } from './progress-view.js';

export interface BroadcastFeatureDeps extends PanelDeps {
  readonly service: BroadcastService;
  readonly broadcasts: Pick<BroadcastStore, 'create' | 'get' | 'update'>;
  readonly catalog: TopicCatalog;
  /** Starts editing the progress message at once; without it, the reporter finds the broadcast on its next look. */
  readonly progress?: ProgressWatcher;
  /** Tells the progress reporter (in whichever process runs it) about a started or cancelled broadcast. */
  readonly board?: Pick<ProgressBoard, 'announce'>;
  readonly clock: Clock;
}

export const BROADCAST_DIALOGUE = 'broadcast';

/** What copyMessage can carry with formatting and media intact. */
const copyable = (m: Message): boolean =>
  Boolean(m.text ?? m.photo ?? m.video ?? m.animation ?? m.document ?? m.audio ?? m.voice ?? m.video_note ?? m.sticker);

const HTML = { parse_mode: 'HTML' } as const;
const MAX_TOPICS = 20;

/** Topic names typed by the admin (comma or line separated) → topics found, and the words that named none. */
function topicsFromText(text: string, catalog: Pick<TopicCatalog, 'search'>, current: readonly TopicId[]): { topics: TopicId[]; missing: string[] } {
  const topics = [...current];
  const missing: string[] = [];
  for (const word of text.split(/[,،\n]/).map((w) => w.trim()).filter(Boolean).slice(0, MAX_TOPICS)) {
    const topic = catalog.search(word.slice(0, 100), 1)[0];
    if (topic && !topics.includes(topic.id)) topics.push(topic.id);
    if (!topic) missing.push(word);
  }
  return { topics: topics.slice(0, MAX_TOPICS), missing };
}

/** The dialogue, read top to bottom as the admin lives it. */
export function broadcastDialogue(deps: BroadcastFeatureDeps) {
  return async (conversation: Dialogue, ctx: BotContext): Promise<void> => {
    const chatId = ctx.chat?.id ?? 0;
    await ctx.reply(ctx.t.admin.broadcast.askContent);

    // 1. The content: anything copyMessage can carry.
    let content = await nextMessage(conversation);
    while (!copyable(content.message)) {
      await content.reply(content.t.admin.broadcast.notContent);
      content = await nextMessage(conversation);
    }
    let draft: Draft = { source: { chatId: asChatId(chatId), messageId: content.message.message_id }, topics: [], breaking: false };
    await content.api.copyMessage(chatId, chatId, content.message.message_id);
    await content.reply(content.t.admin.broadcast.previewNote);

    // 2. The panel, edited in place until the admin sends or cancels.
    const lang = content.lang;
    const render = () => conversation.external(() => renderPanel(draft, lang, deps));
    let panel = await render();
    const panelId = (await content.reply(panel.text, { ...HTML, reply_markup: panel.keyboard })).message_id;
    const redraw = async (at: BotContext): Promise<void> => {
      panel = await render();
      await at.api.editMessageText(chatId, panelId, panel.text, { ...HTML, reply_markup: panel.keyboard }).catch(() => undefined);
    };
    const wanted = (c: BotContext): boolean =>
      (tappedOn(c, panelId) && (draftData.unpack(c.callbackQuery?.data ?? '') ?? draftTopicData.unpack(c.callbackQuery?.data ?? '')) !== undefined) ||
      (draft.typingTopics === true && c.message?.text !== undefined && !c.message.text.startsWith('/'));

    for (;;) {
      const step = await nextUpdate(conversation, wanted);
      const t = step.t.admin;
      const text = step.message?.text;
      if (text !== undefined) {
        const found = topicsFromText(text, deps.catalog, draft.topics);
        if (found.missing.length > 0) await step.reply(t.broadcast.topicsNotFound(found.missing.join('، ')), HTML);
        draft = { ...draft, topics: found.topics };
        await redraw(step);
        continue;
      }
      const data = step.callbackQuery?.data ?? '';
      const toggled = draftTopicData.unpack(data);
      if (toggled) {
        const id = asTopicId(toggled.topic);
        draft = { ...draft, topics: draft.topics.includes(id) ? draft.topics.filter((x) => x !== id) : [...draft.topics, id] };
        await step.answerCallbackQuery();
        await redraw(step);
        continue;
      }
      const action = draftData.unpack(data)?.action;
      if (action === 'cancel') {
        await step.answerCallbackQuery();
        await step.editMessageText(t.cancelled);
        return;
      }
      if (action === 'send') {
        const recipients = await conversation.external(() => deps.service.countAudience(audienceOf(draft)));
        if (recipients === 0) {
          await step.answerCallbackQuery({ text: t.broadcast.noRecipients, show_alert: true });
          continue;
        }
        await step.answerCallbackQuery();
        return send(conversation, step, draft, recipients);
      }
      draft =
        action === 'everyone' ? { ...draft, topics: [], typingTopics: false }
        : action === 'topics' ? { ...draft, typingTopics: true }
        : action === 'done' ? { ...draft, typingTopics: false }
        : { ...draft, breaking: !draft.breaking };
      await step.answerCallbackQuery();
      await redraw(step);
    }
  };

  async function send(conversation: Dialogue, ctx: BotContext, draft: Draft, recipients: number): Promise<void> {
    const t = ctx.t.admin.broadcast;
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    const admin = asUserId(ctx.from?.id ?? 0);
    const b = await conversation.external(() =>
      deps.broadcasts.create({ admin, source: draft.source, audience: audienceOf(draft), breaking: draft.breaking }));
    // The first message already shows who it goes to; the reporter takes over from here.
    const start = { total: recipients, sent: 0, failed: 0, blocked: 0, remaining: recipients, rate: 0 };
    const msg = await ctx.reply(t.progress(b.id, start, b.breaking), {
      ...HTML, reply_markup: { inline_keyboard: [[{ text: t.stop, callback_data: stopData.pack({ id: b.id }) }]] },
    });
    await conversation.external(async () => {
      await deps.broadcasts.update(b.id, { progressMessage: { chatId: asChatId(msg.chat.id), messageId: msg.message_id } });
      await deps.service.start(b.id);
      ctx.logger.info({ broadcastId: b.id, audience: audienceOf(draft), breaking: draft.breaking, recipients }, 'broadcast started');
      await deps.board?.announce(b.id);
      deps.progress?.watch(b.id);
    });
  }
}

/** /broadcast opens the dialogue; the Cancel button of a running broadcast stops it. */
export function createBroadcastFeature(deps: BroadcastFeatureDeps): Composer<AdminContext> {
  const c = new Composer<AdminContext>();

  c.command('broadcast', (ctx) => ctx.conversation.enter(BROADCAST_DIALOGUE));

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
