/**
 * The embedded Bot API emulator: the in-repo fake Telegram server on loopback, with the
 * playground's people and their private chats, and a bot token the app's config accepts.
 */
import { randomBytes } from 'node:crypto';
import type { Chat, Message } from 'grammy/types';
// One implementation for tests and playground: the emulator the whole suite runs against.
import { startFakeTelegram, type FakeTelegram } from '../fake-telegram/index.js';
import { PEOPLE, type PersonKey } from './people.js';

export type { FakeTelegram, SentMessage } from '../fake-telegram/index.js';

export interface Emulator {
  readonly fake: FakeTelegram;
  /** A token the emulator routes to its main bot and that passes BOT_TOKEN's format check. */
  readonly token: string;
  chatOf(key: PersonKey): Chat.PrivateChat;
  /** A person types `text` in their chat with the bot; the message as Telegram stored it. */
  say(key: PersonKey, text: string): Message;
  /** A person taps an inline button; the callback query id. Throws when the message has no such button. */
  tap(key: PersonKey, messageId: number, data: string): string;
  close(): Promise<void>;
}

export async function startEmulator(): Promise<Emulator> {
  const fake = await startFakeTelegram({ bot: { username: 'tanbih_playground_bot' } });
  // The fake routes by the number before the colon; BOT_TOKEN wants ≥ 30 characters after it.
  const token = `${fake.botInfo.id}:${randomBytes(24).toString('base64url')}`;
  const chats = new Map<PersonKey, Chat.PrivateChat>(PEOPLE.map((p) => [
    p.key, fake.privateChat(fake.user({ id: p.id, firstName: p.firstName, languageCode: p.languageCode })),
  ]));
  const chatOf = (key: PersonKey): Chat.PrivateChat => chats.get(key) as Chat.PrivateChat;
  return {
    fake,
    token,
    chatOf,
    say: (key, text) => fake.sendUserMessage({ chat: chatOf(key), text }).message as Message,
    tap: (key, messageId, data) => fake.tapButton({ chat: chatOf(key), messageId, data }).callback_query?.id ?? '',
    close: () => fake.close(),
  };
}
