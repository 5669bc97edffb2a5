import type { Chat, Message, User } from 'grammy/types';
import type { ForbidReason } from './replies.js';

/** A chat the fake knows, with the message store Telegram would keep for it. */
export interface ChatEntry {
  readonly chat: Chat;
  nextMessageId: number;
  readonly messages: Map<number, Message>;
}

/** Member status answered by getChatMember. */
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/**
 * Everything Telegram remembers between calls: users, chats (by id and @username),
 * messages per chat, member statuses, chats that blocked the bot, migrations.
 * All look-ups are Map hits so 10,000 chats cost nothing per call.
 */
export class FakeState {
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, ChatEntry>();
  readonly usernames = new Map<string, number>();
  readonly members = new Map<string, MemberStatus>();
  readonly blocked = new Map<number, ForbidReason>();
  /** Group id → supergroup id, after an upgrade: sends to the old id answer 400 migrate. */
  readonly migrations = new Map<number, number>();

  readonly acceptAnyChat: boolean;

  constructor(acceptAnyChat: boolean) {
    this.acceptAnyChat = acceptAnyChat;
  }

  addUser(user: User): User {
    this.users.set(user.id, user);
    return user;
  }

  addChat(chat: Chat): ChatEntry {
    const existing = this.chats.get(chat.id);
    if (existing) return existing;
    const entry: ChatEntry = { chat, nextMessageId: 1, messages: new Map() };
    this.chats.set(chat.id, entry);
    if ('username' in chat && chat.username) this.usernames.set(chat.username.toLowerCase(), chat.id);
    return entry;
  }

  /** Resolves a chat_id parameter (number, numeric string or @username) to a known chat. */
  resolve(chatId: unknown): ChatEntry | undefined {
    if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const id = this.usernames.get(chatId.slice(1).toLowerCase());
      return id === undefined ? undefined : this.chats.get(id);
    }
    const id = typeof chatId === 'number' ? chatId : typeof chatId === 'string' && /^-?\d+$/.test(chatId) ? Number(chatId) : NaN;
    if (!Number.isSafeInteger(id)) return undefined;
    const entry = this.chats.get(id);
    if (entry || !this.acceptAnyChat || this.migrations.has(id)) return entry;
    return this.addChat(chatForId(id));
  }

  /** Uploaded files (a user's document, a bot's sendDocument), by file_id: getFile and /file/ serve them. */
  readonly files = new Map<string, { readonly name: string; readonly bytes: Uint8Array }>();

  /** Keeps a file and answers the Document Telegram would describe it with. */
  addFile(name: string, bytes: Uint8Array): { file_id: string; file_unique_id: string; file_name: string; file_size: number } {
    const id = `doc${this.files.size + 1}`;
    this.files.set(id, { name, bytes });
    return { file_id: id, file_unique_id: `u${id}`, file_name: name, file_size: bytes.byteLength };
  }

  /** Stores a message in its chat under the chat's next message id. */
  store(entry: ChatEntry, build: (messageId: number) => Message): Message {
    const message = build(entry.nextMessageId++);
    entry.messages.set(message.message_id, message);
    return message;
  }

  memberStatus(chatId: number, userId: number): MemberStatus | undefined {
    return this.members.get(`${chatId}:${userId}`);
  }

  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  clear(): void {
    for (const map of [this.users, this.chats, this.usernames, this.members, this.blocked, this.migrations, this.files]) map.clear();
  }
}

/** The chat a bare id implies: positive → private, -100… → supergroup, other negative → group. */
export function chatForId(id: number): Chat {
  if (id > 0) return { id, type: 'private', first_name: `User ${id}` };
  if (id <= -1_000_000_000_000) return { id, type: 'supergroup', title: `Supergroup ${id}` };
  return { id, type: 'group', title: `Group ${id}` };
}
