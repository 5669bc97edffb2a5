import type { Chat, InlineKeyboardButton, Message, User } from 'grammy/types';
import type { Directory, UserOptions } from './people.js';
import type { CallRecord, SentMessage } from './recorder.js';
import type { Simulator } from './simulate.js';

/**
 * The part of the fake Bot API a driver uses (startFakeTelegram's result has it all). Named
 * here rather than imported from index.ts, which re-exports this module: no import circle.
 */
export interface DrivableFake {
  user: Directory['user'];
  privateChat: Directory['privateChat'];
  sendUserMessage: Simulator['sendUserMessage'];
  tapButton: Simulator['tapButton'];
  sent(chatId?: number): readonly SentMessage[];
  calls(method?: string): readonly CallRecord[];
  message(chatId: number, messageId: number): Message | undefined;
  waitFor<T>(probe: (calls: readonly CallRecord[]) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
}

/** A user talking to the bot in one chat, the way an e2e test reads. */
export interface UserDriver {
  readonly user: User;
  readonly chat: Chat;
  /** Sends `text` and resolves with the bot's next message (or edit) in this chat. */
  say(text: string, timeoutMs?: number): Promise<SentMessage>;
  /** Sends `text` without waiting for anything. */
  send(text: string): void;
  /**
   * Taps the button whose text or callback_data is `button` on the bot's message, and resolves
   * with the bot's answerCallbackQuery call (its `params.text` is what the user would see).
   */
  tap(messageId: number, button: string, timeoutMs?: number): Promise<CallRecord>;
  /** Resolves once the chat has received `count` messages in all (sends and edits). */
  received(count: number, timeoutMs?: number): Promise<readonly SentMessage[]>;
  /** What the bot sent or edited in this chat so far. */
  inbox(): readonly SentMessage[];
}

export interface DriverOptions extends UserOptions {
  /** Talk in this chat (a group, say) instead of the user's private chat. */
  readonly chat?: Chat;
}

/** Builds a user (Arabic by default) and a driver for their chat with the bot. */
export function driveUser(fake: DrivableFake, options: DriverOptions = {}): UserDriver {
  const user = fake.user(options);
  const chat: Chat = options.chat ?? fake.privateChat(user);
  const inbox = (): readonly SentMessage[] => fake.sent(chat.id);
  const received = (count: number, timeoutMs = 5_000): Promise<readonly SentMessage[]> =>
    fake.waitFor(() => (inbox().length >= count ? inbox() : undefined), timeoutMs);
  const send = (text: string): void => {
    fake.sendUserMessage({ chat, from: user, text });
  };
  return {
    user,
    chat,
    inbox,
    received,
    send,
    async say(text, timeoutMs) {
      const seen = inbox().length;
      send(text);
      const all = await received(seen + 1, timeoutMs);
      return all[seen] as SentMessage;
    },
    async tap(messageId, button, timeoutMs = 5_000) {
      const buttons: InlineKeyboardButton[] = fake.message(chat.id, messageId)?.reply_markup?.inline_keyboard.flat() ?? [];
      const match = buttons.find((b) => 'callback_data' in b && (b.text === button || b.callback_data === button));
      if (!match || !('callback_data' in match)) {
        throw new Error(`fake Telegram: no button "${button}" on message ${messageId} in chat ${chat.id}; ` +
          `buttons: ${buttons.map((b) => b.text).join(' | ') || 'none'}`);
      }
      const id = fake.tapButton({ chat, from: user, messageId, data: match.callback_data }).callback_query?.id;
      return fake.waitFor(() => fake.calls('answerCallbackQuery').find((c) => c.params['callback_query_id'] === id), timeoutMs);
    },
  };
}
