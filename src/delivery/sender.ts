/**
 * Sends one message through grammY's Api (no Bot): an alert as HTML, or a copy of an
 * admin's message (formatting and media kept). Paid broadcast mode adds allow_paid_broadcast.
 */
import type { Api } from 'grammy';
import { classifyTelegramError, type SendFailure } from './telegram-errors.js';

export type SendResult = { readonly ok: true; readonly messageId: number } | { readonly ok: false; readonly failure: SendFailure };

export type Message =
  | { readonly kind: 'html'; readonly html: string }
  /** `silent`: sent with disable_notification (the chat gets no sound or vibration). */
  | { readonly kind: 'copy'; readonly fromChat: number; readonly messageId: number; readonly silent?: boolean };

export interface Sender {
  send(chat: number, message: Message): Promise<SendResult>;
  /**
   * After a plain 400: does the chat still exist for the bot? Asks getChat: 400/403 means gone,
   * success means the message (not the chat) was refused. Transient errors propagate.
   */
  chatExists(chat: number): Promise<boolean>;
}

async function attempt(call: () => Promise<{ message_id: number }>): Promise<SendResult> {
  try {
    return { ok: true, messageId: (await call()).message_id };
  } catch (e) {
    return { ok: false, failure: classifyTelegramError(e) };
  }
}

export function createSender(api: Api, options: { readonly paidBroadcast: boolean }): Sender {
  const paid = options.paidBroadcast ? { allow_paid_broadcast: true } : {};
  return {
    send(chat, message) {
      if (message.kind === 'html') {
        return attempt(() => api.sendMessage(chat, message.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...paid }));
      }
      const silent = message.silent ? { disable_notification: true } : {};
      return attempt(() => api.copyMessage(chat, message.fromChat, message.messageId, { ...paid, ...silent }));
    },
    async chatExists(chat) {
      try {
        await api.getChat(chat);
        return true;
      } catch (e) {
        const f = classifyTelegramError(e);
        if (f.kind === 'bad-request' || f.kind === 'forbidden') return false;
        throw e;
      }
    },
  };
}
