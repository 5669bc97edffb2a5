import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { startFakeTelegram } from '../../../src/fake-telegram/index.js';
import { refusal, useFakeTelegram } from './setup.js';

const t = useFakeTelegram();


describe('fake Telegram: HTML, commands, members, callbacks', () => {
  it("refuses broken HTML with can't parse entities, and counts the limit after parsing", async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const broken = await refusal(t.api.sendMessage(reader.id, '<b>أرمينيا</i>', { parse_mode: 'HTML' }));
    expect(broken.error_code).toBe(400);
    expect(broken.description).toMatch(/^Bad Request: can't parse entities: /);
    // 4,096 letters inside a link: far more than 4,096 characters of HTML, exactly 4,096 after parsing.
    const full = `<a href="https://example.com/armenia">${'أ'.repeat(4096)}</a>`;
    const sent = await t.api.sendMessage(reader.id, full, { parse_mode: 'HTML' });
    expect(sent.text).toHaveLength(4096);
    const over = await refusal(t.api.sendMessage(reader.id, `<b>${'أ'.repeat(4097)}</b>`, { parse_mode: 'HTML' }));
    expect(over.description).toBe('Bad Request: message is too long');
  });

  it('limits a copied caption to 1024 characters', async () => {
    const admin = t.fake.privateChat(t.fake.user());
    const reader = t.fake.privateChat(t.fake.user());
    const source = t.fake.sendUserMessage({ chat: admin, text: 'عاجل' }).message?.message_id ?? 0;
    const error = await refusal(t.api.copyMessage(reader.id, admin.id, source, { caption: 'ت'.repeat(1025) }));
    expect(error.description).toBe('Bad Request: message caption is too long');
    const copy = await t.api.copyMessage(reader.id, admin.id, source, { caption: 'ت'.repeat(1024) });
    expect(t.fake.message(reader.id, copy.message_id)?.text).toHaveLength(1024);
  });

  it('stores commands per scope and language', async () => {
    await t.api.setMyCommands([{ command: 'start', description: 'ابدأ' }, { command: 'topics', description: 'المواضيع' }], { language_code: 'ar' });
    await t.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    expect((await t.api.getMyCommands({ language_code: 'ar' })).map((c) => c.description)).toEqual(['ابدأ', 'المواضيع']);
    expect(t.fake.commands()).toEqual([{ command: 'start', description: 'Start' }]);
    const invalid = await refusal(t.api.setMyCommands([{ command: 'Start-Now', description: 'x' }]));
    expect(invalid.description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('answers getChatMember and getChat from what the test set', async () => {
    const owner = t.fake.user({ firstName: 'المشرف' });
    const group = t.fake.supergroup({ title: 'أخبار القوقاز', username: 'caucasus_news' });
    t.fake.setChatMember(group.id, owner.id, 'creator');
    expect(await t.api.getChatMember(group.id, owner.id)).toMatchObject({ status: 'creator', user: { id: owner.id } });
    expect(await t.api.getChatMember(group.id, t.fake.botInfo.id)).toMatchObject({ status: 'administrator' });
    expect(await t.api.getChat('@caucasus_news')).toMatchObject({ id: group.id, type: 'supergroup', title: 'أخبار القوقاز' });
    expect((await refusal(t.api.getChatMember(group.id, 999))).description).toBe('Bad Request: PARTICIPANT_ID_INVALID');
  });

  it('answers a callback query once, and refuses unknown ids', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const menu = await t.api.sendMessage(reader.id, 'المواضيع', { reply_markup: { inline_keyboard: [[{ text: 'روسيا', callback_data: 't:ru' }]] } });
    const tap = t.fake.tapButton({ chat: reader, messageId: menu.message_id, data: 't:ru' });
    expect(tap.callback_query).toMatchObject({ data: 't:ru', from: { id: reader.id }, message: { message_id: menu.message_id } });
    expect(() => t.fake.tapButton({ chat: reader, messageId: menu.message_id, data: 't:xx' })).toThrow(/no button/);
    await t.api.answerCallbackQuery(tap.callback_query?.id ?? '');
    const again = await refusal(t.api.answerCallbackQuery(tap.callback_query?.id ?? ''));
    expect(again.description).toMatch(/query ID is invalid/);
  });

  it('replaces or removes an inline keyboard, refusing an identical one', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const follow = { inline_keyboard: [[{ text: 'متابعة', callback_data: 'f:am' }]] };
    const menu = await t.api.sendMessage(reader.id, 'أرمينيا', { reply_markup: follow });
    const same = await refusal(t.api.editMessageReplyMarkup(reader.id, menu.message_id, { reply_markup: follow }));
    expect(same.description).toMatch(/message is not modified/);
    const cleared = await t.api.editMessageReplyMarkup(reader.id, menu.message_id);
    expect(cleared).toMatchObject({ text: 'أرمينيا' });
    expect(t.fake.message(reader.id, menu.message_id)?.reply_markup).toBeUndefined();
  });

  it('records a webhook, refuses getUpdates while it is set, and forgets it on deleteWebhook', async () => {
    await t.api.setWebhook('https://tanbih.example/telegram');
    expect(t.fake.webhook()?.url).toBe('https://tanbih.example/telegram');
    expect((await refusal(t.api.getUpdates())).error_code).toBe(409);
    await t.api.deleteWebhook();
    expect(await t.api.getUpdates()).toEqual([]);
  });

  it('keeps a separate update queue for a second bot token', async () => {
    const other = new Api('42:another-bot-token', { apiRoot: t.fake.apiRoot });
    expect((await other.getMe()).id).toBe(42);
    t.fake.sendUserMessage({ chat: t.fake.privateChat(t.fake.user()), text: 'للبوت الرئيسي' });
    expect(await other.getUpdates()).toEqual([]);
    expect(await t.api.getUpdates()).toHaveLength(1);
  });

  it('treats any chat id as known with acceptAnyChat', async () => {
    const open = await startFakeTelegram({ acceptAnyChat: true });
    try {
      const anyApi = new Api(open.token, { apiRoot: open.apiRoot });
      const sent = await anyApi.sendMessage(-1_001_234_567_890, 'تنبيه');
      expect(sent.chat.type).toBe('supergroup');
      expect(open.sentChats()).toEqual(new Set([-1_001_234_567_890]));
    } finally {
      await open.close();
    }
  });
});
