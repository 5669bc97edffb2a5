import type { Chat, ChatMember, Message, MessageEntity, Update, User } from 'grammy/types';
import type { BotEntry } from './context.js';
import type { Directory } from './people.js';
import type { ForbidReason } from './replies.js';
import type { FakeState, MemberStatus } from './state.js';
import type { UpdateBody } from './updates.js';

/** A chat given as its object or its id (the id must be known to the fake). */
export type ChatRef = Chat | number;

export interface UserMessage {
  readonly chat: ChatRef;
  /** Defaults to the private chat's user; required in groups. */
  readonly from?: User;
  readonly text: string;
  readonly entities?: MessageEntity[];
  /** Extra Message fields (forward_origin, reply_to_message, …) merged as given. */
  readonly extra?: Partial<Message>;
}

export interface ButtonTap {
  readonly chat: ChatRef;
  readonly from?: User;
  readonly messageId: number;
  readonly data: string;
  /** Allow data that no button of the message carries (a forged callback). */
  readonly forged?: boolean;
}

export interface MemberChange {
  readonly chat: ChatRef;
  readonly from?: User;
  readonly oldStatus?: MemberStatus;
  readonly newStatus: MemberStatus;
}

/**
 * Plays the users: turns their actions
 * (messages, button taps, adding or blocking the bot) into Updates for getUpdates.
 */
export class Simulator {
  private nextQuery = 4_000_000_000_000_001n;

  private readonly state: FakeState;
  private readonly people: Directory;
  private readonly bot: BotEntry;
  private readonly callbackQueries: Map<string, boolean>;

  constructor(state: FakeState, people: Directory, bot: BotEntry, callbackQueries: Map<string, boolean>) {
    this.state = state;
    this.people = people;
    this.bot = bot;
    this.callbackQueries = callbackQueries;
  }

  sendUserMessage(m: UserMessage): Update {
    const entry = this.entry(m.chat);
    const chat = entry.chat;
    const entities = m.entities ?? commandEntities(m.text);
    const message = this.state.store(entry, (id) => ({
      message_id: id, date: nowSeconds(), chat,
      ...(chat.type === 'channel' ? { sender_chat: chat } : { from: this.sender(chat, m.from) }),
      text: m.text, ...(entities.length > 0 ? { entities } : {}), ...m.extra,
    }) as Message);
    return this.bot.updates.push((chat.type === 'channel' ? { channel_post: message } : { message }) as UpdateBody);
  }

  /** A user sends a file (with an optional caption, e.g. a command); the bot reads it through getFile. */
  sendUserDocument(d: { readonly chat: ChatRef; readonly name: string; readonly bytes: Uint8Array; readonly caption?: string; readonly from?: User }): Update {
    const entry = this.entry(d.chat);
    const chat = entry.chat;
    const document = this.state.addFile(d.name, d.bytes);
    const entities = d.caption ? commandEntities(d.caption) : [];
    const message = this.state.store(entry, (id) => ({
      message_id: id, date: nowSeconds(), chat, from: this.sender(chat, d.from), document,
      ...(d.caption ? { caption: d.caption } : {}), ...(entities.length > 0 ? { caption_entities: entities } : {}),
    }) as Message);
    return this.bot.updates.push({ message } as UpdateBody);
  }

  tapButton(t: ButtonTap): Update {
    const entry = this.entry(t.chat);
    const message = entry.messages.get(t.messageId);
    if (!message) throw new Error(`fake Telegram: no message ${t.messageId} in chat ${entry.chat.id} to tap`);
    const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!t.forged && !buttons.some((b) => 'callback_data' in b && b.callback_data === t.data)) {
      throw new Error(`fake Telegram: message ${t.messageId} has no button with callback_data ${JSON.stringify(t.data)} ` +
        `(buttons: ${JSON.stringify(buttons)}); pass forged: true to send it anyway`);
    }
    const id = String(this.nextQuery++);
    this.callbackQueries.set(id, false);
    const callback_query = {
      id, from: this.sender(entry.chat, t.from), message, chat_instance: String(-entry.chat.id * 7919), data: t.data,
    };
    return this.bot.updates.push({ callback_query } as UpdateBody);
  }

  /** The bot's membership changes (added to a group, user blocks/unblocks it); 'kicked'/'left' block sends. */
  changeMyMember(c: MemberChange): Update {
    const entry = this.entry(c.chat);
    const chat = entry.chat;
    const reason: ForbidReason = chat.type === 'private' ? 'blocked' : 'kicked';
    if (c.newStatus === 'kicked' || c.newStatus === 'left') this.state.blocked.set(chat.id, reason);
    else this.state.blocked.delete(chat.id);
    const me = { id: this.bot.info.id, is_bot: true, first_name: this.bot.info.first_name, username: this.bot.info.username };
    const member = (status: MemberStatus): ChatMember => memberOf(status, me);
    const my_chat_member = {
      chat, from: this.sender(chat, c.from), date: nowSeconds(),
      old_chat_member: member(c.oldStatus ?? (chat.type === 'private' ? 'member' : 'left')), new_chat_member: member(c.newStatus),
    };
    return this.bot.updates.push({ my_chat_member } as UpdateBody);
  }

  private entry(ref: ChatRef) {
    const entry = typeof ref === 'number' ? this.state.resolve(ref) : this.state.addChat(ref);
    if (!entry) throw new Error(`fake Telegram: unknown chat ${String(ref)}; build it with fake.privateChat/group/…`);
    return entry;
  }

  private sender(chat: Chat, from: User | undefined): User {
    if (from) return this.state.addUser(from);
    if (chat.type !== 'private') throw new Error(`fake Telegram: say who acts in ${chat.type} ${chat.id} (from: fake.user())`);
    return this.state.users.get(chat.id) ?? this.people.user({ id: chat.id, firstName: chat.first_name });
  }
}

function memberOf(status: MemberStatus, user: User): ChatMember {
  if (status === 'administrator') {
    return { status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
      can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
      can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false } as ChatMember;
  }
  if (status === 'kicked') return { status, user, until_date: 0 };
  return { status, user } as ChatMember;
}

/** Telegram marks a leading /command (with optional @bot) as a bot_command entity. */
function commandEntities(text: string): MessageEntity[] {
  const m = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/.exec(text);
  return m ? [{ type: 'bot_command', offset: 0, length: m[0].length }] : [];
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
