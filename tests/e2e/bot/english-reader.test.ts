/**
 * A reader whose Telegram speaks English: answers come in English, typing "armenia"
 * finds the topic, unknown words can be followed as a keyword, odd input gets a clear answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, User } from 'grammy/types';
import { asChatId } from '../../../src/core/ids.js';
import { validateTelegramHtml } from '../../../src/core/telegram-html.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { fixtureInput } from '../../integration/delivery/harness.js';

let h: BotHarness;
let john: User;
let chat: Chat;

beforeAll(async () => {
  h = await startBotHarness('bot-english');
  john = h.fake.user({ firstName: 'John', languageCode: 'en' });
  chat = h.fake.privateChat(john);
});
afterAll(() => h.close());

describe('an English-speaking reader', () => {
  it('follows Armenia by typing "armenia" and tapping the result', async () => {
    const [results] = await h.say(chat, 'armenia');
    expect(results?.text).toContain('Results for');
    await h.tap(chat, results!.messageId, 'Armenia');
    expect(await h.wiring.stores.subscriptions.topicsOf(asChatId(chat.id))).toContain('country:AM');
    const toast = h.fake.calls('answerCallbackQuery').at(-1)?.params.text;
    expect(toast).toContain('You now follow');
  });

  it('finds topics from Arabic spellings too', async () => {
    for (const query of ['ارمينيا', 'أرمينية', 'القوقاز', 'karabakh']) {
      const [results] = await h.say(chat, query);
      expect(h.buttons(chat, results!.messageId).length).toBeGreaterThan(0);
    }
  });

  it('receives the alert about Armenia', async () => {
    await h.wiring.delivery.ingest.ingest(fixtureInput());
    const alert = await h.fake.waitFor(() => h.sentTo(chat).find((m) => m.text.includes('بوتين')), 10_000);
    expect(validateTelegramHtml(alert.html ?? '').ok).toBe(true);
  });

  it('lists it first in /latest, as a link', async () => {
    const [latest] = await h.say(chat, '/latest');
    expect(latest?.text).toContain('Latest news in your topics');
    expect(latest?.text).toContain('بوتين يوافق');
    expect(latest?.html).toContain('<a href="https://example.com/news/armenia-withdrawal">');
    const [armenia] = await h.say(chat, '/latest armenia');
    expect(armenia?.text).toContain('Latest on');
  });

  it('offers unknown words as a keyword and follows them', async () => {
    const [offer] = await h.say(chat, 'Zangezur corridor');
    expect(offer?.text).toContain('No topic called');
    await h.tap(chat, offer!.messageId, 'as a keyword');
    const topics = await h.wiring.stores.subscriptions.topicsOf(asChatId(chat.id));
    expect(topics.some((t) => t.startsWith('kw:'))).toBe(true);
    const [mine] = await h.say(chat, '/mytopics');
    expect(h.buttons(chat, mine!.messageId).map((b) => b.text)).toEqual(expect.arrayContaining(['❌ Armenia', '❌ Zangezur corridor']));
  });

  it('unfollows from /mytopics with one tap', async () => {
    const mine = h.sentTo(chat).at(-1)!;
    await h.tap(chat, mine.messageId, 'Zangezur');
    expect(h.buttons(chat, mine.messageId).map((b) => b.text)).toEqual(['❌ Armenia']);
  });

  it('asks which topic when /follow words name none exactly', async () => {
    const [choices] = await h.say(chat, '/follow arme');
    expect(choices?.text).toContain('Results for');
    expect(h.buttons(chat, choices!.messageId).some((b) => b.text.includes('Armenia'))).toBe(true);
  });

  it('does not offer words that cannot be a keyword', async () => {
    const [reply] = await h.say(chat, 'one two three four five six seven');
    expect(reply?.text).toContain('fewer words');
    expect(h.buttons(chat, reply!.messageId)).toEqual([]);
  });

  it('answers odd input clearly and escapes it', async () => {
    const [long] = await h.say(chat, 'أ'.repeat(10_000));
    expect(long?.text).toContain('10000 characters');
    const [emoji] = await h.say(chat, '🔥🔥🔥');
    expect(emoji?.text).toContain('no words');
    const [markup] = await h.say(chat, '<b>bold</b> & co');
    expect(markup?.html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; co');
    const [rtl] = await h.say(chat, '\u202Earmenia\u202C');
    expect(rtl?.text).toContain('Results for');
  });

  it('switches the interface to Arabic in /settings', async () => {
    const [settings] = await h.say(chat, '/settings');
    await h.tap(chat, settings!.messageId, 'العربية');
    expect(h.fake.message(chat.id, settings!.messageId)?.text).toContain('الإعدادات');
    const [help] = await h.say(chat, '/help');
    expect(help?.text).toContain('تنبيه');
  });
});
