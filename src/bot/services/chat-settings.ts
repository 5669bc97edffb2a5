/**
 * The chat's own settings (pause, delivery mode, quiet hours, time zone, language).
 * Registers the chat first, so a settings change never hits a chat the store lacks.
 */
import type { Chat, ChatPatch, ChatStore } from '../../store/ports.js';
import type { TargetChat } from './follows.js';

export interface ChatSettingsService {
  get(target: TargetChat): Promise<Chat>;
  change(target: TargetChat, patch: ChatPatch): Promise<Chat>;
}

export function createChatSettingsService(deps: { readonly chats: Pick<ChatStore, 'register' | 'update'> }): ChatSettingsService {
  const register = (t: TargetChat) =>
    deps.chats.register({ id: t.id, type: t.type, language: t.language, ...(t.title ? { title: t.title } : {}) });
  return {
    get: register,
    async change(target, patch) {
      const registered = await register(target);
      return (await deps.chats.update(target.id, patch)) ?? registered;
    },
  };
}
