/**
 * The bot's own membership (my_chat_member): added to a group or channel, removed,
 * blocked or unblocked in private; and group → supergroup migration. Each keeps the
 * chat's stored status true, so delivery skips chats it cannot reach.
 */
import { Composer } from 'grammy';
import type { ChatMember } from 'grammy/types';
import { asChatId } from '../../core/ids.js';
import type { ChatStore } from '../../store/ports.js';
import type { BotContext } from '../context.js';
import { HTML } from '../reply.js';

export interface MembershipFeatureDeps {
  readonly chats: Pick<ChatStore, 'register' | 'update' | 'migrate'>;
  readonly clock: () => Date;
}

const present = (m: ChatMember): boolean =>
  m.status === 'member' || m.status === 'administrator' || m.status === 'creator' || (m.status === 'restricted' && m.is_member);

export function createMembershipFeature(deps: MembershipFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on('my_chat_member', async (ctx) => {
    const { chat, old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    const id = asChatId(chat.id);
    if (present(after)) {
      const title = chat.type === 'private' ? undefined : chat.title;
      await deps.chats.register({ id, type: chat.type, language: ctx.lang, ...(title ? { title } : {}) });
      const joinedGroup = !present(before) && (chat.type === 'group' || chat.type === 'supergroup');
      if (joinedGroup) await ctx.api.sendMessage(chat.id, ctx.t.group.added, HTML);
      return;
    }
    if (!present(before)) return;
    const reason = chat.type === 'private' ? 'blocked' : after.status === 'kicked' ? 'kicked' : 'left';
    await deps.chats.update(id, { status: { kind: 'inactive', reason, since: deps.clock().getTime() } });
    ctx.logger.info({ chatId: chat.id, reason }, 'chat became inactive');
  });

  feature.on('message:migrate_to_chat_id', async (ctx) => {
    await deps.chats.migrate(asChatId(ctx.chat.id), asChatId(ctx.message.migrate_to_chat_id));
  });

  return feature;
}
