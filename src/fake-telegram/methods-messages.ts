import type { Message } from 'grammy/types';
import { botUser, type CallContext, type FakeDeps, type MethodHandler } from './context.js';
import { int } from './params.js';
import { fail, forbidden, success, type ApiFailure, type ApiReply } from './replies.js';
import type { ChatEntry } from './state.js';
import { checkReplyMarkup, parseText, type ParsedText } from './validate.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const isFailure = (v: object): v is ApiFailure => 'ok' in v && v.ok === false;

/** The chat a call targets, or the failure Telegram gives: migrated, not found, forbidden. */
function target(call: CallContext, deps: FakeDeps, key = 'chat_id'): ChatEntry | ApiFailure {
  const raw = call.params[key];
  const id = int(call.params, key);
  const movedTo = id === undefined ? undefined : deps.state.migrations.get(id);
  if (movedTo !== undefined) {
    deps.faults.stats.migrated++;
    return fail.migrated(movedTo);
  }
  if (raw === undefined) return fail.badRequest(`${key} is empty`);
  const entry = deps.state.resolve(raw);
  if (!entry) return fail.chatNotFound();
  const reason = deps.faults.forbiddenFor(entry.chat.id);
  if (reason !== undefined) {
    deps.faults.stats.forbidden++;
    return forbidden(reason, entry.chat.type);
  }
  return entry;
}

/** The bot's own message, as Telegram returns it. */
function outgoing(call: CallContext, entry: ChatEntry, id: number, body: ParsedText, markup: unknown): Message {
  const author = entry.chat.type === 'channel' ? { sender_chat: entry.chat } : { from: botUser(call.bot.info) };
  const keyboard = markup && typeof markup === 'object' && 'inline_keyboard' in markup ? { reply_markup: markup } : {};
  const preview = call.params['link_preview_options'];
  return {
    message_id: id, date: Math.floor(call.now / 1000), chat: entry.chat, ...author, text: body.text,
    ...(body.entities ? { entities: body.entities } : {}), ...keyboard,
    ...(preview && typeof preview === 'object' ? { link_preview_options: preview } : {}),
  } as Message;
}

function recordSent(call: CallContext, deps: FakeDeps, entry: ChatEntry, message: Message): void {
  deps.recorder.recordSent({
    method: call.method, chatId: entry.chat.id, messageId: message.message_id,
    text: message.text ?? message.caption, params: call.params, message, at: call.now,
  });
}

export const sendMessage: MethodHandler = (call, deps) => {
  const entry = target(call, deps);
  if (isFailure(entry)) return entry;
  const body = parseText(call.params['text'], call.params['parse_mode'], 'text');
  if (isFailure(body)) return body;
  const markup = call.params['reply_markup'];
  const bad = checkReplyMarkup(markup);
  if (bad) return bad;
  const message = deps.state.store(entry, (id) => outgoing(call, entry, id, body, markup));
  recordSent(call, deps, entry, message);
  return success(message);
};

export const copyMessage: MethodHandler = (call, deps) => {
  const entry = target(call, deps);
  if (isFailure(entry)) return entry;
  const from = deps.state.resolve(call.params['from_chat_id']);
  if (!from) return fail.chatNotFound();
  const original = from.messages.get(int(call.params, 'message_id') ?? -1);
  if (!original) return fail.badRequest('message to copy not found');
  const markup = call.params['reply_markup'];
  const bad = checkReplyMarkup(markup);
  if (bad) return bad;
  let body: ParsedText = { text: original.text ?? original.caption ?? '', ...(original.entities ? { entities: original.entities } : {}) };
  if (call.params['caption'] !== undefined) {
    const caption = parseText(call.params['caption'], call.params['parse_mode'], 'caption');
    if (isFailure(caption)) return caption;
    body = caption;
  }
  const message = deps.state.store(entry, (id) => outgoing(call, entry, id, body, markup));
  recordSent(call, deps, entry, message);
  return success({ message_id: message.message_id });
};

/** A document, uploaded in the call (multipart) or named by a known file_id, with an optional caption. */
export const sendDocument: MethodHandler = (call, deps) => {
  const entry = target(call, deps);
  if (isFailure(entry)) return entry;
  const raw = call.params['document'];
  const upload = raw && typeof raw === 'object' && 'bytes' in raw ? (raw as { file: string; bytes: Uint8Array }) : undefined;
  const known = typeof raw === 'string' ? deps.state.files.get(raw) : undefined;
  if (!upload && !known) return fail.badRequest('there is no document in the request');
  const document = upload ? deps.state.addFile(upload.file || 'document', upload.bytes) : deps.state.addFile(known!.name, known!.bytes);
  const caption = call.params['caption'] === undefined ? { text: '' } : parseText(call.params['caption'], call.params['parse_mode'], 'caption');
  if (isFailure(caption)) return caption;
  const message = deps.state.store(entry, (id) => {
    const { text, ...rest } = outgoing(call, entry, id, caption, call.params['reply_markup']) as Message & { text?: string };
    return { ...rest, document, ...(text ? { caption: text } : {}) } as Message;
  });
  recordSent(call, deps, entry, message);
  return success(message);
};

/** The bot's message a call edits or deletes, or Telegram's failure. */
function ownMessage(call: CallContext, deps: FakeDeps, verb: 'edit' | 'delete'): { entry: ChatEntry; message: Message } | ApiFailure {
  if (call.params['inline_message_id'] !== undefined) return fail.badRequest('inline messages are not supported by the fake');
  const entry = target(call, deps);
  if (isFailure(entry)) return entry;
  const message = entry.messages.get(int(call.params, 'message_id') ?? -1);
  if (!message) return fail.badRequest(`message to ${verb} not found`);
  if (verb === 'edit' && message.from?.id !== call.bot.info.id && entry.chat.type !== 'channel') {
    return fail.badRequest("message can't be edited");
  }
  return { entry, message };
}

function replaceMessage(call: CallContext, deps: FakeDeps, entry: ChatEntry, old: Message, body: ParsedText, markup: unknown): ApiReply {
  const keyboard = markup && typeof markup === 'object' && 'inline_keyboard' in markup ? markup : undefined;
  if (old.text === body.text && same(old.entities, body.entities) && same(old.reply_markup, keyboard)) return fail.notModified();
  const { entities: _e, reply_markup: _r, ...rest } = old;
  const edited = {
    ...rest, text: body.text, edit_date: Math.floor(call.now / 1000),
    ...(body.entities ? { entities: body.entities } : {}), ...(keyboard ? { reply_markup: keyboard } : {}),
  } as Message;
  entry.messages.set(edited.message_id, edited);
  recordSent(call, deps, entry, edited);
  return success(edited);
}

export const editMessageText: MethodHandler = (call, deps) => {
  const own = ownMessage(call, deps, 'edit');
  if (isFailure(own)) return own;
  const body = parseText(call.params['text'], call.params['parse_mode'], 'text');
  if (isFailure(body)) return body;
  const markup = call.params['reply_markup'];
  const bad = checkReplyMarkup(markup);
  return bad ?? replaceMessage(call, deps, own.entry, own.message, body, markup);
};

export const editMessageReplyMarkup: MethodHandler = (call, deps) => {
  const own = ownMessage(call, deps, 'edit');
  if (isFailure(own)) return own;
  const markup = call.params['reply_markup'];
  const bad = checkReplyMarkup(markup);
  const { message } = own;
  const body: ParsedText = { text: message.text ?? '', ...(message.entities ? { entities: message.entities } : {}) };
  return bad ?? replaceMessage(call, deps, own.entry, message, body, markup);
};

export const deleteMessage: MethodHandler = (call, deps) => {
  const own = ownMessage(call, deps, 'delete');
  if (isFailure(own)) return own;
  own.entry.messages.delete(own.message.message_id);
  return success(true);
};
