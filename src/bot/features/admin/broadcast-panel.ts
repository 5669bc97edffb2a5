/** The broadcast draft's control panel: audience with its recipient count, breaking flag, confirm/cancel. */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { ChatId, TopicId } from '../../../core/ids.js';
import type { BroadcastService } from '../../../delivery/ports.js';
import type { BroadcastAudience, Language, SubscriptionStore } from '../../../store/ports.js';
import type { TopicCatalog } from '../../catalog.js';
import { draftData, draftTopicData } from './callbacks.js';
import { stringsFor } from '../../i18n/index.js';

/** A broadcast being composed: the admin's message, its audience (no topics: everyone) and flags. */
export interface Draft {
  readonly source: { readonly chatId: ChatId; readonly messageId: number };
  readonly topics: readonly TopicId[];
  readonly breaking: boolean;
  /** Waiting for topic names typed by the admin (the panel shows the topic picker). */
  readonly typingTopics?: boolean;
}

export interface PanelDeps {
  readonly service: Pick<BroadcastService, 'countAudience'>;
  readonly subscriptions: Pick<SubscriptionStore, 'topTopics'>;
  readonly catalog: Pick<TopicCatalog, 'get'>;
}

export const audienceOf = (d: Draft): BroadcastAudience =>
  d.topics.length === 0 ? { kind: 'everyone' } : { kind: 'topics', topics: d.topics };

/** Topic picker size: the most followed topics, plus whatever the admin already picked. */
const PICKER_TOPICS = 10;

/**
 * Renders the panel for a draft; `recipients` is counted now, so the number is current.
 * The result is plain data (a dialogue stores it to replay it after a restart).
 */
export async function renderPanel(d: Draft, lang: Language, deps: PanelDeps): Promise<{ text: string; keyboard: InlineKeyboardMarkup; recipients: number }> {
  const t = stringsFor(lang).admin.broadcast;
  const name = (id: TopicId): string => deps.catalog.get(id)?.names[lang] ?? id;
  const recipients = await deps.service.countAudience(audienceOf(d));
  const audience = d.topics.length === 0 ? t.everyone : t.followersOf(d.topics.map(name));
  let text = t.panel(audience, recipients, d.breaking);
  const keyboard = new InlineKeyboard()
    .text(`${d.topics.length === 0 ? '✓ ' : ''}${t.buttons.everyone}`, draftData.pack({ action: 'everyone' }))
    .text(t.buttons.topics, draftData.pack({ action: 'topics' }))
    .row();
  if (d.typingTopics) {
    text += `\n\n${t.askTopics}`;
    const top = await deps.subscriptions.topTopics(PICKER_TOPICS);
    const shown = [...new Set([...d.topics, ...top.map((x) => x.topicId)])];
    const followers = new Map(top.map((x) => [x.topicId, x.followers]));
    shown.forEach((id, i) => {
      const count = followers.get(id);
      keyboard.text(`${d.topics.includes(id) ? '✓ ' : ''}${name(id)}${count === undefined ? '' : ` (${count})`}`, draftTopicData.pack({ topic: id }));
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row().text(t.buttons.done, draftData.pack({ action: 'done' })).row();
  }
  keyboard
    .text(t.buttons.breaking(d.breaking), draftData.pack({ action: 'breaking' }))
    .row()
    .text(t.buttons.send(recipients), draftData.pack({ action: 'send' }))
    .text(t.buttons.cancel, draftData.pack({ action: 'cancel' }));
  return { text, keyboard: { inline_keyboard: keyboard.inline_keyboard }, recipients };
}
