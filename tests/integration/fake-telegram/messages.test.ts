import { describe, expect, it } from 'vitest';
import { refusal, useFakeTelegram } from './setup.js';

const HEADLINE = 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية';

const t = useFakeTelegram();


describe('fake Telegram: messages', () => {
  it('answers getMe with the bot it was started with', async () => {
    const me = await t.api.getMe();
    expect(me).toEqual(t.fake.botInfo);
    expect(me.is_bot).toBe(true);
  });

  it('delivers an Arabic alert to a private chat and records it', async () => {
    const reader = t.fake.privateChat(t.fake.user({ firstName: 'سارة' }));
    const first = await t.api.sendMessage(reader.id, `🔴 <b>${HEADLINE}</b>`, { parse_mode: 'HTML' });
    const second = await t.api.sendMessage(reader.id, 'تنبيه ثانٍ');
    expect(first.chat).toEqual(reader);
    expect(first.from?.id).toBe(t.fake.botInfo.id);
    expect(second.message_id).toBe(first.message_id + 1);
    expect(t.fake.sent(reader.id).map((s) => s.messageId)).toEqual([first.message_id, second.message_id]);
    expect(t.fake.calls('sendMessage')).toHaveLength(2);
  });

  it('echoes entities for parse_mode HTML', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const sent = await t.api.sendMessage(reader.id, `🔴 <b>${HEADLINE}</b> &amp; <a href="https://example.com/a?b=1&amp;c=2">المزيد</a>`, { parse_mode: 'HTML' });
    expect(sent.text).toBe(`🔴 ${HEADLINE} & المزيد`);
    expect(sent.entities).toEqual([
      { type: 'bold', offset: 3, length: HEADLINE.length },
      { type: 'text_link', offset: 3 + HEADLINE.length + 3, length: 'المزيد'.length, url: 'https://example.com/a?b=1&c=2' },
    ]);
  });

  it('echoes the inline keyboard and refuses callback_data over 64 bytes', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const keyboard = { inline_keyboard: [[{ text: 'متابعة أرمينيا', callback_data: 'topic:follow:armenia' }]] };
    const sent = await t.api.sendMessage(reader.id, 'اختر موضوعاً', { reply_markup: keyboard });
    expect(sent.reply_markup).toEqual(keyboard);
    // 33 Arabic letters are 66 UTF-8 bytes: over the limit although only 33 characters.
    const tooLong = { inline_keyboard: [[{ text: 'زر', callback_data: 'ا'.repeat(33) }]] };
    const error = await refusal(t.api.sendMessage(reader.id, 'اختر', { reply_markup: tooLong }));
    expect([error.error_code, error.description]).toEqual([400, 'Bad Request: BUTTON_DATA_INVALID']);
  });

  it('refuses unknown chats, empty text and text over 4096 characters', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const unknown = await refusal(t.api.sendMessage(424242, 'مرحبا'));
    expect([unknown.error_code, unknown.description]).toEqual([400, 'Bad Request: chat not found']);
    const empty = await refusal(t.api.sendMessage(reader.id, '   '));
    expect(empty.description).toBe('Bad Request: message text is empty');
    await t.api.sendMessage(reader.id, 'خ'.repeat(4096));
    const long = await refusal(t.api.sendMessage(reader.id, 'خ'.repeat(4097)));
    expect(long.description).toBe('Bad Request: message is too long');
  });

  it('edits, refuses an identical edit, and deletes', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const sent = await t.api.sendMessage(reader.id, 'جارٍ الإرسال…');
    const edited = await t.api.editMessageText(reader.id, sent.message_id, 'أُرسل إلى ١٠٠ متابع');
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'أُرسل إلى ١٠٠ متابع' });
    const same = await refusal(t.api.editMessageText(reader.id, sent.message_id, 'أُرسل إلى ١٠٠ متابع'));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    expect(await t.api.deleteMessage(reader.id, sent.message_id)).toBe(true);
    expect(t.fake.message(reader.id, sent.message_id)).toBeUndefined();
  });

  it('copies a message into another chat', async () => {
    const admin = t.fake.privateChat(t.fake.user({ firstName: 'المحرر' }));
    const reader = t.fake.privateChat(t.fake.user());
    const source = await t.api.sendMessage(admin.id, `عاجل: ${HEADLINE}`);
    const copy = await t.api.copyMessage(reader.id, admin.id, source.message_id);
    expect(t.fake.message(reader.id, copy.message_id)?.text).toBe(`عاجل: ${HEADLINE}`);
    expect(t.fake.sent(reader.id)).toHaveLength(1);
  });

  it('answers 404 for unknown methods and 401 for malformed tokens', async () => {
    const notFound = await fetch(`${t.fake.apiRoot}/bot${t.fake.token}/sendTelepathy`, { method: 'POST' });
    expect([notFound.status, await notFound.json()]).toEqual([404, { ok: false, error_code: 404, description: 'Not Found' }]);
    const bad = await fetch(`${t.fake.apiRoot}/botnot-a-token/getMe`);
    expect(bad.status).toBe(401);
  });

  it('accepts urlencoded and multipart bodies as well as JSON', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const form = new URLSearchParams({ chat_id: String(reader.id), text: 'عبر النموذج', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'ب', callback_data: 'b' }]] }) });
    const viaForm = await (await fetch(`${t.fake.apiRoot}/bot${t.fake.token}/sendMessage`, { method: 'POST', body: form })).json();
    expect(viaForm).toMatchObject({ ok: true, result: { text: 'عبر النموذج', reply_markup: { inline_keyboard: [[{ text: 'ب' }]] } } });
    const multipart = new FormData();
    multipart.set('chat_id', String(reader.id));
    multipart.set('text', 'متعدد الأجزاء');
    const viaMultipart = await (await fetch(`${t.fake.apiRoot}/bot${t.fake.token}/sendMessage`, { method: 'POST', body: multipart })).json();
    expect(viaMultipart).toMatchObject({ ok: true, result: { text: 'متعدد الأجزاء' } });
    const query = new URLSearchParams({ chat_id: String(reader.id), text: 'عبر GET' });
    const viaGet = await (await fetch(`${t.fake.apiRoot}/bot${t.fake.token}/sendMessage?${query}`)).json();
    expect(viaGet).toMatchObject({ ok: true, result: { text: 'عبر GET' } });
  });
});
