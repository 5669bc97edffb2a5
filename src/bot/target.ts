/**
 * Who may change which chat's topics. A private chat changes its own; in a group only
 * its administrators may (asked of Telegram with getChatMember on every change, so a
 * demoted admin loses the right at once); a channel is changed from the private chat
 * of a user who linked it and is still one of its administrators.
 */
import { asChatId, asUserId } from '../core/ids.js';
import type { ChatStore } from '../store/ports.js';
import type { BotContext } from './context.js';
import type { TargetChat } from './services/follows.js';

export type TargetRefusal = 'not-admin' | 'not-linked' | 'no-chat';

export type TargetResult = { readonly ok: true; readonly target: TargetChat } | { readonly ok: false; readonly reason: TargetRefusal };

const ADMIN_STATUSES = new Set(['creator', 'administrator']);

export async function isChatAdmin(ctx: BotContext, chatId: number, userId: number): Promise<boolean> {
  const member = await ctx.api.getChatMember(chatId, userId);
  return ADMIN_STATUSES.has(member.status);
}

/**
 * Resolves a button's or command's target (0 = this chat) and checks the sender's right
 * to change it.
 */
export async function resolveTarget(
  ctx: BotContext,
  target: number,
  chats: Pick<ChatStore, 'channelsOf' | 'get'>,
): Promise<TargetResult> {
  const chat = ctx.chat;
  const user = ctx.from;
  if (!chat || !user) return { ok: false, reason: 'no-chat' };
  if (target === 0 || target === chat.id) {
    if (chat.type === 'channel') return { ok: false, reason: 'no-chat' };
    if (chat.type !== 'private' && !(await isChatAdmin(ctx, chat.id, user.id))) return { ok: false, reason: 'not-admin' };
    const title = chat.type === 'private' ? undefined : chat.title;
    return { ok: true, target: { id: asChatId(chat.id), type: chat.type, language: ctx.lang, ...(title ? { title } : {}) } };
  }
  if (chat.type !== 'private') return { ok: false, reason: 'not-linked' };
  const linked = await chats.channelsOf(asUserId(user.id));
  if (!linked.includes(asChatId(target))) return { ok: false, reason: 'not-linked' };
  if (!(await isChatAdmin(ctx, target, user.id))) return { ok: false, reason: 'not-admin' };
  const stored = await chats.get(asChatId(target));
  return {
    ok: true,
    target: { id: asChatId(target), type: 'channel', language: stored?.language ?? ctx.lang, ...(stored?.title ? { title: stored.title } : {}) },
  };
}
