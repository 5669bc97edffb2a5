/**
 * The bot's context type, assembled from flavors. Only per-update values live on ctx
 * (the logger child, the chat's language and strings, its stored record); services are
 * passed to feature factories as narrow dependencies, never hung on ctx.
 */
import type { Conversation, ConversationFlavor } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { Logger } from '../logger.js';
import type { Chat, Language } from '../store/ports.js';
import type { Strings } from './i18n/index.js';

/** A child logger bound to this update's id. */
export interface LoggerFlavor {
  logger: Logger;
}

/** The interface language for this update and its strings. */
export interface LocaleFlavor {
  lang: Language;
  t: Strings;
}

/** The stored chat record, when this update's chat is registered (loaded once per update). */
export interface ChatRecordFlavor {
  chatRecord: Chat | undefined;
}

export type BotContext = Context & LoggerFlavor & LocaleFlavor & ChatRecordFlavor;

/**
 * An admin's update in a private chat: the conversations plugin (admin branch only, so
 * readers never pay its storage read) adds `ctx.conversation` to enter and leave dialogues.
 */
export type AdminContext = ConversationFlavor<BotContext>;

/** A multi-step admin dialogue; inside it, each update is a BotContext built by the same context setup. */
export type Dialogue = Conversation<AdminContext, BotContext>;
