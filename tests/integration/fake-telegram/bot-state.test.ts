import { Api, GrammyError } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.js';

let fake: FakeTelegram;
let api: Api;

beforeAll(async () => {
  fake = await startFakeTelegram();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

async function refusal(call: Promise<unknown>): Promise<GrammyError> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe('fake Telegram: HTML, commands, members, callbacks', () => {
  it("refuses broken HTML with can't parse entities, and counts the limit after parsing", async () => {
    const reader = fake.privateChat(fake.user());
    const broken = await refusal(api.sendMessage(reader.id, '<b>أرمينيا</i>', { parse_mode: 'HTML' }));
    expect(broken.error_code).toBe(400);
    expect(broken.description).toMatch(/^Bad Request: can't parse entities: /);
    // 4,096 letters inside a link: far more than 4,096 characters of HTML, exactly 4,096 after parsing.
    const full = `<a href="https://example.com/armenia">${'أ'.repeat(4096)}</a>`;
    const sent = await api.sendMessage(reader.id, full, { parse_mode: 'HTML' });
    expect(sent.text).toHaveLength(4096);
    const over = await refusal(api.sendMessage(reader.id, `<b>${'أ'.repeat(4097)}</b>`, { parse_mode: 'HTML' }));
    expect(over.description).toBe('Bad Request: message is too long');
  });

  it('limits a copied caption to 1024 characters', async () => {
    const admin = fake.privateChat(fake.user());
    const reader = fake.privateChat(fake.user());
    const source = fake.sendUserMessage({ chat: admin, text: 'عاجل' }).message?.message_id ?? 0;
    const error = await refusal(api.copyMessage(reader.id, admin.id, source, { caption: 'ت'.repeat(1025) }));
    expect(error.description).toBe('Bad Request: message caption is too long');
    const copy = await api.copyMessage(reader.id, admin.id, source, { caption: 'ت'.repeat(1024) });
    expect(fake.message(reader.id, copy.message_id)?.text).toHaveLength(1024);
  });

  it('stores commands per scope and language', async () => {
    await api.setMyCommands([{ command: 'start', description: 'ابدأ' }, { command: 'topics', description: 'المواضيع' }], { language_code: 'ar' });
    await api.setMyCommands([{ command: 'start', description: 'Start' }]);
    expect((await api.getMyCommands({ language_code: 'ar' })).map((c) => c.description)).toEqual(['ابدأ', 'المواضيع']);
    expect(fake.commands()).toEqual([{ command: 'start', description: 'Start' }]);
    const invalid = await refusal(api.setMyCommands([{ command: 'Start-Now', description: 'x' }]));
    expect(invalid.description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('answers getChatMember and getChat from what the test set', async () => {
    const owner = fake.user({ firstName: 'المشرف' });
    const group = fake.supergroup({ title: 'أخبار القوقاز', username: 'caucasus_news' });
    fake.setChatMember(group.id, owner.id, 'creator');
    expect(await api.getChatMember(group.id, owner.id)).toMatchObject({ status: 'creator', user: { id: owner.id } });
    expect(await api.getChatMember(group.id, fake.botInfo.id)).toMatchObject({ status: 'administrator' });
    expect(await api.getChat('@caucasus_news')).toMatchObject({ id: group.id, type: 'supergroup', title: 'أخبار القوقاز' });
    expect((await refusal(api.getChatMember(group.id, 999))).description).toBe('Bad Request: PARTICIPANT_ID_INVALID');
  });

  it('answers a callback query once, and refuses unknown ids', async () => {
    const reader = fake.privateChat(fake.user());
    const menu = await api.sendMessage(reader.id, 'المواضيع', { reply_markup: { inline_keyboard: [[{ text: 'روسيا', callback_data: 't:ru' }]] } });
    const tap = fake.tapButton({ chat: reader, messageId: menu.message_id, data: 't:ru' });
    expect(tap.callback_query).toMatchObject({ data: 't:ru', from: { id: reader.id }, message: { message_id: menu.message_id } });
    expect(() => fake.tapButton({ chat: reader, messageId: menu.message_id, data: 't:xx' })).toThrow(/no button/);
    await api.answerCallbackQuery(tap.callback_query?.id ?? '');
    const again = await refusal(api.answerCallbackQuery(tap.callback_query?.id ?? ''));
    expect(again.description).toMatch(/query ID is invalid/);
  });

  it('replaces or removes an inline keyboard, refusing an identical one', async () => {
    const reader = fake.privateChat(fake.user());
    const follow = { inline_keyboard: [[{ text: 'متابعة', callback_data: 'f:am' }]] };
    const menu = await api.sendMessage(reader.id, 'أرمينيا', { reply_markup: follow });
    const same = await refusal(api.editMessageReplyMarkup(reader.id, menu.message_id, { reply_markup: follow }));
    expect(same.description).toMatch(/message is not modified/);
    const cleared = await api.editMessageReplyMarkup(reader.id, menu.message_id);
    expect(cleared).toMatchObject({ text: 'أرمينيا' });
    expect(fake.message(reader.id, menu.message_id)?.reply_markup).toBeUndefined();
  });

  it('records a webhook, refuses getUpdates while it is set, and forgets it on deleteWebhook', async () => {
    await api.setWebhook('https://tanbih.example/telegram');
    expect(fake.webhook()?.url).toBe('https://tanbih.example/telegram');
    expect((await refusal(api.getUpdates())).error_code).toBe(409);
    await api.deleteWebhook();
    expect(await api.getUpdates()).toEqual([]);
  });

  it('keeps a separate update queue for a second bot token', async () => {
    const other = new Api('42:another-bot-token', { apiRoot: fake.apiRoot });
    expect((await other.getMe()).id).toBe(42);
    fake.sendUserMessage({ chat: fake.privateChat(fake.user()), text: 'للبوت الرئيسي' });
    expect(await other.getUpdates()).toEqual([]);
    expect(await api.getUpdates()).toHaveLength(1);
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
