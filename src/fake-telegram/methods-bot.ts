import type { BotCommand } from 'grammy/types';
import type { MethodHandler } from './context.js';
import { int, str } from './params.js';
import { fail, success } from './replies.js';

export const getMe: MethodHandler = (call) => success(call.bot.info);

export const getUpdates: MethodHandler = (call) => {
  if (call.bot.webhook) return fail.conflictWebhook();
  const allowed = call.params['allowed_updates'];
  return call.bot.updates.poll({
    offset: int(call.params, 'offset'),
    limit: int(call.params, 'limit'),
    timeoutSeconds: int(call.params, 'timeout'),
    allowedUpdates: Array.isArray(allowed) ? allowed.map(String) : undefined,
    signal: call.signal,
  });
};

export const setWebhook: MethodHandler = (call) => {
  const url = str(call.params, 'url') ?? '';
  if (url !== '' && !/^https:\/\//i.test(url)) return fail.badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  call.bot.webhook = url === '' ? undefined : { url, params: call.params };
  return success(true);
};

export const deleteWebhook: MethodHandler = (call) => {
  call.bot.webhook = undefined;
  return success(true);
};

export const getWebhookInfo: MethodHandler = (call) =>
  success({ url: call.bot.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: call.bot.updates.size });

const commandsKey = (scope: unknown, language: unknown): string =>
  JSON.stringify([scope ?? { type: 'default' }, typeof language === 'string' ? language : '']);

export const setMyCommands: MethodHandler = (call) => {
  const commands = call.params['commands'];
  if (!Array.isArray(commands)) return fail.badRequest('parameter "commands" is required');
  if (commands.length > 100) return fail.badRequest('too many commands');
  for (const c of commands as Partial<BotCommand>[]) {
    if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) return fail.badRequest('BOT_COMMAND_INVALID');
    if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
      return fail.badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
  }
  const key = commandsKey(call.params['scope'], call.params['language_code']);
  if (commands.length === 0) call.bot.commands.delete(key);
  else call.bot.commands.set(key, commands as BotCommand[]);
  return success(true);
};

export const getMyCommands: MethodHandler = (call) =>
  success(call.bot.commands.get(commandsKey(call.params['scope'], call.params['language_code'])) ?? []);

export const deleteMyCommands: MethodHandler = (call) => {
  call.bot.commands.delete(commandsKey(call.params['scope'], call.params['language_code']));
  return success(true);
};

export const answerCallbackQuery: MethodHandler = (call, deps) => {
  const id = str(call.params, 'callback_query_id') ?? '';
  if (deps.callbackQueries.get(id) !== false) {
    return fail.badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const text = str(call.params, 'text');
  if (text !== undefined && text.length > 200) return fail.badRequest('MESSAGE_TOO_LONG');
  deps.callbackQueries.set(id, true);
  return success(true);
};

export const getChat: MethodHandler = (call, deps) => {
  const entry = deps.state.resolve(call.params['chat_id']);
  if (!entry) return fail.chatNotFound();
  return success({ ...entry.chat, accent_color_id: 0, max_reaction_count: 11 });
};

export const getChatMember: MethodHandler = (call, deps) => {
  const entry = deps.state.resolve(call.params['chat_id']);
  if (!entry) return fail.chatNotFound();
  const userId = int(call.params, 'user_id');
  if (userId === undefined) return fail.badRequest('user_id is empty');
  const isBot = userId === call.bot.info.id;
  const user = isBot ? call.bot.info : deps.state.users.get(userId);
  const status = deps.state.memberStatus(entry.chat.id, userId)
    ?? (isBot && entry.chat.type !== 'private' ? 'administrator' : user || deps.state.acceptAnyChat ? 'member' : undefined);
  if (status === undefined) return fail.badRequest('PARTICIPANT_ID_INVALID');
  const who = user ?? { id: userId, is_bot: false, first_name: `User ${userId}` };
  const extra = status === 'administrator'
    ? { can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true, can_manage_video_chats: true,
      can_restrict_members: true, can_promote_members: false, can_change_info: true, can_invite_users: true,
      can_post_stories: false, can_edit_stories: false, can_delete_stories: false }
    : status === 'creator' ? { is_anonymous: false }
    : status === 'kicked' ? { until_date: 0 }
    : {};
  return success({ status, user: who, ...extra });
};

/** A stored file's path, for GET /file/bot<token>/<file_path>. */
export const getFile: MethodHandler = (call, deps) => {
  const id = String(call.params['file_id'] ?? '');
  const file = deps.state.files.get(id);
  if (!file) return fail.badRequest('invalid file_id');
  return success({ file_id: id, file_unique_id: `u${id}`, file_size: file.bytes.byteLength, file_path: `documents/${id}` });
};
