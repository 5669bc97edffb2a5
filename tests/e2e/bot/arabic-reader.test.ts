/**
 * An Arabic reader's first minutes: /start, the picker, South Caucasus, then the
 * canonical article arrives once as a valid HTML alert; /why explains it; /stop ends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, User } from 'grammy/types';
import { validateTelegramHtml } from '../../../src/core/telegram-html.js';
import { asChatId } from '../../../src/core/ids.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { fixtureInput } from '../../integration/delivery/harness.js';

let h: BotHarness;
let sara: User;
let chat: Chat;

beforeAll(async () => {
  h = await startBotHarness('bot-arabic');
  sara = h.fake.user({ firstName: 'سارة', languageCode: 'ar' });
  chat = h.fake.privateChat(sara);
});
afterAll(() => h.close());

/** Alerts are the messages delivery sent: they carry the article's link line. */
const alertsTo = (c: Chat) => h.sentTo(c).filter((m) => m.text.includes('بوتين'));

describe('an Arabic reader', () => {
  it('gets a three-line welcome and the topic picker on /start', async () => {
    const replies = await h.say(chat, '/start');
    expect(replies).toHaveLength(1);
    const [picker] = replies;
    const [welcome, choose] = picker!.text.split('\n\n');
    expect(welcome?.split('\n')).toHaveLength(3);
    expect(welcome).toContain('تنبيه');
    expect(choose).toContain('اختر فئة');
    expect(h.buttons(chat, picker!.messageId).map((b) => b.text)).toEqual(['دول', 'مناطق', 'نزاعات', 'شخصيات', 'مواضيع']);
    const stored = await h.wiring.stores.chats.get(asChatId(chat.id));
    expect(stored?.language).toBe('ar');
  });

  it('follows South Caucasus with one tap and sees ✅ on it, in place', async () => {
    const picker = h.sentTo(chat).at(-1)!;
    await h.tap(chat, picker.messageId, 'مناطق');
    for (let page = 0; page < 10 && !h.buttons(chat, picker.messageId).some((b) => b.text.includes('جنوب القوقاز')); page++) {
      await h.tap(chat, picker.messageId, 'التالي');
    }
    await h.tap(chat, picker.messageId, 'جنوب القوقاز');
    expect(h.buttons(chat, picker.messageId).find((b) => b.text.includes('جنوب القوقاز'))?.text).toMatch(/^✅/);
    expect(await h.wiring.stores.subscriptions.topicsOf(asChatId(chat.id))).toHaveLength(1);
    expect(h.sentTo(chat)).toHaveLength(1); // the picker was edited, not re-sent
  });

  it('receives the Armenia withdrawal alert exactly once, in valid HTML', async () => {
    const outcome = await h.wiring.delivery.ingest.ingest(fixtureInput());
    expect(outcome.status).toBe('queued');
    const alert = await h.fake.waitFor(() => alertsTo(chat)[0], 10_000);
    expect(validateTelegramHtml(alert.html ?? '').ok).toBe(true);
    await h.wiring.delivery.ingest.ingest(fixtureInput()); // the same article again is a duplicate
    await new Promise((r) => setTimeout(r, 700));
    expect(alertsTo(chat)).toHaveLength(1);
  });

  it('learns with /why which words matched and the path to South Caucasus', async () => {
    const alert = alertsTo(chat)[0]!;
    const [why] = await h.say(chat, '/why', undefined, { reply_to_message: alert.message as never });
    expect(why?.text).toContain('جنوب القوقاز');
    expect(why?.text).toMatch(/أرميني/);
    expect(why?.text).toContain('→');
  });

  it('asks before /stop, then no new article reaches it (while it still reaches others)', async () => {
    const omar = h.fake.user({ firstName: 'عمر' });
    const omarChat = h.fake.privateChat(omar);
    const [followed] = await h.say(omarChat, '/follow جنوب القوقاز');
    expect(followed?.text).toContain('✅');
    const [confirm] = await h.say(chat, '/stop');
    await h.tap(chat, confirm!.messageId, 'نعم');
    expect(h.fake.message(chat.id, confirm!.messageId)?.text).toContain('ألغيت متابعة موضوع واحد.');
    expect(await h.wiring.stores.subscriptions.topicsOf(asChatId(chat.id))).toEqual([]);
    const other = { kind: 'text' as const, url: 'https://example.com/news/armenia-2', text: 'يريفان تعلن انسحاب القوات\n\nأعلنت الحكومة الأرمينية في يريفان اليوم عن اتفاق جديد مع أذربيجان بشأن ترسيم الحدود في جنوب القوقاز، وقال رئيس الوزراء الأرميني إن الاتفاق تاريخي.' };
    await h.wiring.delivery.ingest.ingest(other);
    await h.fake.waitFor(() => h.sentTo(omarChat).find((m) => m.text.includes('يريفان تعلن')), 10_000);
    expect(h.sentTo(chat).filter((m) => m.text.includes('يريفان تعلن'))).toHaveLength(0);
  });
});
