import { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveUser, startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';

let fake: FakeTelegram;
let bot: Bot;
let running: Promise<void>;

beforeAll(async () => {
  fake = await startFakeTelegram();
  bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
  bot.command('start', (ctx) =>
    ctx.reply(ctx.from?.language_code === 'ar' ? 'مرحباً! اختر موضوعاً' : 'Welcome! Pick a topic', {
      reply_markup: { inline_keyboard: [[{ text: 'أرمينيا', callback_data: 'follow:armenia' }]] },
    }));
  bot.callbackQuery('follow:armenia', async (ctx) => {
    await ctx.answerCallbackQuery({ text: 'ستصلك أخبار أرمينيا' });
    await ctx.editMessageText('تتابع: أرمينيا');
  });
  running = bot.start({ timeout: 1 });
});
afterAll(async () => {
  await bot.stop();
  await running;
  await fake.close();
});

describe('fake Telegram: user driver', () => {
  it('lets an Arabic reader start the bot and follow Armenia by tapping the button', async () => {
    const sara = driveUser(fake, { firstName: 'سارة' });
    const welcome = await sara.say('/start');
    expect(welcome.text).toBe('مرحباً! اختر موضوعاً');
    const answer = await sara.tap(welcome.messageId, 'أرمينيا');
    expect(answer.params['text']).toBe('ستصلك أخبار أرمينيا');
    const [, edit] = await sara.received(2);
    expect(edit).toMatchObject({ method: 'editMessageText', text: 'تتابع: أرمينيا' });
  });

  it('speaks English to a reader whose Telegram is in English', async () => {
    const john = driveUser(fake, { firstName: 'John', languageCode: 'en' });
    const welcome = await john.say('/start');
    expect(welcome.text).toBe('Welcome! Pick a topic');
    await expect(john.tap(welcome.messageId, 'Georgia')).rejects.toThrow(/no button "Georgia".*buttons: أرمينيا/);
  });
});
