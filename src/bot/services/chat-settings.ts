/**
 * The chat's own settings (pause, delivery mode, quiet hours, time zone, language).
 * Registers the chat first, so a settings change never hits a chat the store lacks.
 * A change that stops holding alerts (quiet hours off or shorter, /resume, back to instant) asks
 * delivery to release what it held, so the grouped message arrives at once, not at the
 * old end of the window.
 */
import type { HeldRelease } from '../../delivery/release-held.js';
import type { Logger } from '../../logger.js';
import type { Chat, ChatPatch, ChatStore } from '../../store/ports.js';
import type { TargetChat } from './follows.js';

export interface ChatSettingsService {
  get(target: TargetChat): Promise<Chat>;
  change(target: TargetChat, patch: ChatPatch): Promise<Chat>;
}

export interface ChatSettingsDeps {
  readonly chats: Pick<ChatStore, 'register' | 'update'>;
  readonly releaseHeld?: HeldRelease;
  readonly logger?: Logger;
}

const holdsAlerts = (patch: ChatPatch): boolean =>
  patch.quietHours !== undefined || patch.delivery !== undefined || patch.timeZone !== undefined || patch.pausedUntil !== undefined;

export function createChatSettingsService(deps: ChatSettingsDeps): ChatSettingsService {
  const register = (t: TargetChat) =>
    deps.chats.register({ id: t.id, type: t.type, language: t.language, ...(t.title ? { title: t.title } : {}) });
  return {
    get: register,
    async change(target, patch) {
      const before = await register(target);
      const after = (await deps.chats.update(target.id, patch)) ?? before;
      if (deps.releaseHeld && holdsAlerts(patch)) {
        // The setting is saved either way; a failed release only means the alerts come at the old time.
        const released = await deps.releaseHeld(before, after).catch((err: unknown) => {
          deps.logger?.warn({ err, chatId: target.id }, 'held alerts not released');
          return 'none' as const;
        });
        if (released !== 'none') deps.logger?.info({ chatId: target.id, released }, 'held alerts released');
      }
      return after;
    },
  };
}
