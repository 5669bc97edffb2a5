/**
 * What admin dialogues wait for, and how long. An update a dialogue does not want (a
 * command, another feature's button) goes on to the rest of the bot (`next: true`), so an
 * admin can still use the reader's commands while a draft is open.
 */
import type { Message } from 'grammy/types';
import type { BotContext, Dialogue } from '../../context.js';

/** Drafts live for an hour: long enough to compose, short enough not to linger (also the storage TTL). */
export const DIALOGUE_TTL_SEC = 3600;
const options = { next: true, maxMilliseconds: DIALOGUE_TTL_SEC * 1000 } as const;

const isCommand = (m: Message): boolean => m.text?.startsWith('/') === true;

/** The admin's next message that is not a command. */
export async function nextMessage(conversation: Dialogue): Promise<BotContext & { message: Message }> {
  const ctx = await conversation.waitUntil((c) => c.message !== undefined && !isCommand(c.message), options);
  return ctx as BotContext & { message: Message };
}

/** The admin's next text that is not a command. */
export async function nextText(conversation: Dialogue): Promise<BotContext & { message: Message & { text: string } }> {
  const ctx = await conversation.waitUntil((c) => c.message?.text !== undefined && !isCommand(c.message), options);
  return ctx as BotContext & { message: Message & { text: string } };
}

/** The next update `accept` takes (a tap on this dialogue's buttons, say). */
export function nextUpdate(conversation: Dialogue, accept: (ctx: BotContext) => boolean): Promise<BotContext> {
  return conversation.waitUntil(accept, options);
}

/** Whether a callback query comes from a button on this message. */
export const tappedOn = (ctx: BotContext, messageId: number): boolean => ctx.callbackQuery?.message?.message_id === messageId;
