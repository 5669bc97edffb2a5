import { Api, Bot } from 'grammy';
import { describe, expect, it } from 'vitest';
import { useFakeTelegram } from './setup.js';

const t = useFakeTelegram();

describe('fake Telegram: updates', () => {
  it('holds getUpdates until a user writes, then answers at once', async () => {
    const reader = t.fake.privateChat(t.fake.user({ firstName: 'ليلى' }));
    const started = Date.now();
    const polling = t.api.getUpdates({ timeout: 10 });
    setTimeout(() => t.fake.sendUserMessage({ chat: reader, text: '/start' }), 50);
    const updates = await polling;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message).toMatchObject({
      text: '/start', chat: { id: reader.id, type: 'private' }, from: { id: reader.id, language_code: 'ar' },
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });
  });

  it('keeps updates until an offset confirms them, and honours limit', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const ids = ['أرمينيا', 'جورجيا', 'أذربيجان'].map((text) => t.fake.sendUserMessage({ chat: reader, text }).update_id);
    expect((await t.api.getUpdates({ limit: 2 })).map((u) => u.update_id)).toEqual(ids.slice(0, 2));
    expect((await t.api.getUpdates()).map((u) => u.update_id)).toEqual(ids);
    expect((await t.api.getUpdates({ offset: (ids[1] ?? 0) + 1 })).map((u) => u.message?.text)).toEqual(['أذربيجان']);
    expect(await t.api.getUpdates({ offset: (ids[2] ?? 0) + 1 })).toEqual([]);
  });

  it('loses nothing when the client aborts a held getUpdates', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    const abort = new AbortController();
    const held = t.api.getUpdates({ timeout: 30 }, abort.signal as Parameters<Api['getUpdates']>[1]).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    expect(await held).toBeInstanceOf(Error);
    await t.fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'));
    const update = t.fake.sendUserMessage({ chat: reader, text: 'هل وصلت؟' });
    expect((await t.api.getUpdates({ timeout: 5 })).map((u) => u.update_id)).toEqual([update.update_id]);
  });

  it('ends an older held getUpdates with 409 when a newer one arrives', async () => {
    const older = t.api.getUpdates({ timeout: 30 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const newer = t.api.getUpdates({ timeout: 0 });
    expect(await older).toMatchObject({ error_code: 409 });
    expect(await newer).toEqual([]);
  });

  it('drives a real grammY bot: /start, a button tap and its answer', async () => {
    const bot = new Bot(t.fake.token, { client: { apiRoot: t.fake.apiRoot }, botInfo: t.fake.botInfo });
    bot.command('start', (ctx) =>
      ctx.reply('أهلاً بك في <b>تنبيه</b>', {
        parse_mode: 'HTML',
        reply_markup: { inline_keyboard: [[{ text: 'أرمينيا', callback_data: 'follow:armenia' }]] },
      }));
    bot.callbackQuery('follow:armenia', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'تمت المتابعة' });
      await ctx.editMessageText('تتابع الآن: أرمينيا');
    });
    const reader = t.fake.privateChat(t.fake.user({ languageCode: 'ar' }));
    const running = bot.start({ drop_pending_updates: false, timeout: 1 });
    try {
      t.fake.sendUserMessage({ chat: reader, text: '/start' });
      const welcome = await t.fake.waitFor(() => t.fake.sent(reader.id)[0]);
      expect(welcome.text).toBe('أهلاً بك في تنبيه');
      t.fake.tapButton({ chat: reader, messageId: welcome.messageId, data: 'follow:armenia' });
      await t.fake.waitFor(() => t.fake.sent(reader.id)[1]);
      expect(t.fake.message(reader.id, welcome.messageId)?.text).toBe('تتابع الآن: أرمينيا');
      expect(t.fake.calls('answerCallbackQuery')[0]?.response).toEqual({ ok: true, result: true });
    } finally {
      await bot.stop();
      await running;
    }
  });
});
