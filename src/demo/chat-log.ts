/**
 * What the page shows, read from the emulator's recorder of bot calls: every message sent
 * or edited in the people's chats, deletions, and callback answers (toasts). Each becomes a
 * numbered event the demo server streams (server-sent events) and replays to a new page.
 */
import type { InlineKeyboardButton, Message } from 'grammy/types';
import type { FakeTelegram, SentMessage } from './emulator.js';

export interface ButtonView {
  readonly text: string;
  readonly data?: string;
  readonly url?: string;
}

export interface MessageView {
  readonly chatId: number;
  readonly messageId: number;
  readonly from: 'bot' | 'user';
  /** The Telegram HTML the bot sent (parse_mode HTML); the page rebuilds it from allowed tags only. */
  readonly html?: string;
  /** Plain text (what Telegram shows once entities are parsed). */
  readonly text: string;
  readonly buttons: readonly (readonly ButtonView[])[];
  /** Unix seconds. */
  readonly date: number;
  readonly edited: boolean;
}

export type DemoEvent =
  | { readonly type: 'message'; readonly message: MessageView }
  | { readonly type: 'delete'; readonly chatId: number; readonly messageId: number }
  | { readonly type: 'toast'; readonly chatId: number; readonly text: string };

type Listener = (event: DemoEvent, id: number) => void;

/** An alert carries the renderer's link line; nothing else the bot sends does. */
export const isAlertHtml = (html: string | undefined): boolean => html !== undefined && html.includes('🔗 <a href=');

const buttonsOf = (message: Message): ButtonView[][] =>
  (message.reply_markup?.inline_keyboard ?? []).map((row: InlineKeyboardButton[]) => row.map((b) => ({
    text: b.text,
    ...('callback_data' in b ? { data: b.callback_data } : {}),
    ...('url' in b ? { url: b.url } : {}),
  })));

export class ChatLog {
  private readonly events: DemoEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly views = new Map<number, Map<number, MessageView>>();
  /** callback_query_id → chat, so an answerCallbackQuery toast shows in the right chat. */
  private readonly queries = new Map<string, number>();
  private seen = { sent: 0, answers: 0, deletes: 0 };
  private timer: NodeJS.Timeout | undefined;

  private readonly fake: FakeTelegram;

  constructor(fake: FakeTelegram) {
    this.fake = fake;
  }

  /** Reads the recorder every `everyMs` (it has no push hook; 50 ms feels instant on a page). */
  start(everyMs = 50): void {
    this.timer ??= setInterval(() => this.collect(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  userMessage(message: Message): void {
    this.upsert({
      chatId: message.chat.id, messageId: message.message_id, from: 'user', text: message.text ?? '',
      buttons: [], date: message.date, edited: false,
    });
  }

  tapped(queryId: string, chatId: number): void {
    this.queries.set(queryId, chatId);
  }

  /** Replays the events after `afterId` (ids start at 1), then calls `listener` for each new one. Returns unsubscribe. */
  subscribe(afterId: number, listener: Listener): () => void {
    this.events.slice(Math.max(0, afterId)).forEach((event, i) => listener(event, afterId + i + 1));
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A chat's messages as they are now, oldest first. */
  messages(chatId: number): MessageView[] {
    return [...(this.views.get(chatId)?.values() ?? [])].toSorted((a, b) => a.messageId - b.messageId);
  }

  /** Turns what the recorder gained since the last look into events. */
  collect(): void {
    const sent = this.fake.sent();
    for (; this.seen.sent < sent.length; this.seen.sent++) this.botMessage(sent[this.seen.sent] as SentMessage);
    const answers = this.fake.calls('answerCallbackQuery');
    for (; this.seen.answers < answers.length; this.seen.answers++) {
      const { params, response } = answers[this.seen.answers]!;
      const chatId = this.queries.get(String(params['callback_query_id']));
      if (response?.ok && chatId !== undefined && typeof params['text'] === 'string' && params['text'] !== '') {
        this.emit({ type: 'toast', chatId, text: params['text'] });
      }
    }
    const deletes = this.fake.calls('deleteMessage');
    for (; this.seen.deletes < deletes.length; this.seen.deletes++) {
      const { params, response } = deletes[this.seen.deletes]!;
      const chatId = Number(params['chat_id']);
      const messageId = Number(params['message_id']);
      if (!response?.ok) continue;
      this.views.get(chatId)?.delete(messageId);
      this.emit({ type: 'delete', chatId, messageId });
    }
  }

  private botMessage(sent: SentMessage): void {
    const before = this.views.get(sent.chatId)?.get(sent.messageId);
    // editMessageReplyMarkup carries no text: the message keeps the HTML it had.
    const carriesText = sent.method !== 'editMessageReplyMarkup';
    const html = carriesText
      ? (sent.params['parse_mode'] === 'HTML' && typeof sent.params['text'] === 'string' ? sent.params['text'] : undefined)
      : before?.html;
    this.upsert({
      chatId: sent.chatId, messageId: sent.messageId, from: 'bot',
      ...(html !== undefined ? { html } : {}),
      text: sent.text ?? sent.message.text ?? before?.text ?? '',
      buttons: buttonsOf(sent.message), date: sent.message.date, edited: sent.method.startsWith('edit'),
    });
  }

  private upsert(view: MessageView): void {
    let chat = this.views.get(view.chatId);
    if (!chat) this.views.set(view.chatId, (chat = new Map()));
    chat.set(view.messageId, view);
    this.emit({ type: 'message', message: view });
  }

  private emit(event: DemoEvent): void {
    this.events.push(event);
    const id = this.events.length;
    for (const listener of this.listeners) listener(event, id);
  }
}
