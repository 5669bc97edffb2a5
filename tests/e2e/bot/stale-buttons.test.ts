/**
 * Every tap is answered: a button the bot no longer knows (a keyboard from an older version,
 * a payload that does not parse, forged data) gets a short toast instead of a spinner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, User } from 'grammy/types';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

let h: BotHarness;
let layla: User;
let chat: Chat;

beforeAll(async () => {
  h = await startBotHarness('bot-stale-buttons');
  layla = h.fake.user({ firstName: 'ليلى' });
  chat = h.fake.privateChat(layla);
});
afterAll(() => h.close());

/** Taps `data` on the message and returns the toast the bot answered with. */
async function tapData(messageId: number, data: string, from: User = layla, where: Chat = chat): Promise<unknown> {
  const update = h.fake.tapButton({ chat: where, from, messageId, data, forged: true });
  await h.handled(update.update_id);
  const id = update.callback_query?.id;
  const answer = await h.fake.waitFor(() => h.fake.calls('answerCallbackQuery').find((c) => c.params['callback_query_id'] === id));
  return answer.params['text'];
}

const GARBAGE = [
  'zzz',                                   // no such prefix
  'tog|0|countries|0',                     // a known prefix with a field missing
  'tog|0|planets|0|country:AM',            // a category that does not exist
  'pause|99',                              // a duration we never offered
  'set|nope|0',                            // a settings key we never offered
  'page|0|countries|1e9',                  // not an integer
  'fol|0|<script>',                        // not a topic id
  'mnu|0',                                 // an old payload (a prefix this version dropped)
  '\u202Eمرحبا|0',                         // direction controls and Arabic
  'x'.repeat(64),                          // at Telegram's limit
];

describe('buttons the bot does not know', () => {
  it('answers each garbage payload with «انتهت صلاحية هذا الزر», once per tap', async () => {
    const [welcome] = await h.say(chat, '/start');
    const before = h.fake.calls('answerCallbackQuery').length;
    const toasts = [];
    for (const data of GARBAGE) toasts.push(await tapData(welcome!.messageId, data));
    expect(toasts).toEqual(GARBAGE.map(() => 'انتهت صلاحية هذا الزر'));
    expect(h.fake.calls('answerCallbackQuery').length - before).toBe(GARBAGE.length);
    // Nothing else happened: no message sent, the keyboard is as it was.
    expect(h.sentTo(chat)).toHaveLength(1);
  });

  it('says it in English to an English reader', async () => {
    const john = h.fake.user({ firstName: 'John', languageCode: 'en' });
    const johnChat = h.fake.privateChat(john);
    const [welcome] = await h.say(johnChat, '/start', john);
    expect(await tapData(welcome!.messageId, 'pause|99', john, johnChat)).toBe('This button has expired');
  });

  it('still tells a stale keyword offer apart (the words are gone, type them again)', async () => {
    const [offer] = await h.say(chat, 'كلمات لا يعرفها الفهرس');
    const kw = h.buttons(chat, offer!.messageId).find((b) => b.callback_data.startsWith('kw|'));
    expect(kw).toBeDefined();
    expect(await tapData(offer!.messageId, 'kw|0|0123456789abcdef')).toBe('انتهت صلاحية هذا الزر. اكتب الكلمات من جديد.');
  });

  it('keeps a keyword offer in Redis for a week, so a restart does not expire the button', async () => {
    const [offer] = await h.say(chat, 'مفاوضات ممر زنغزور');
    const kw = h.buttons(chat, offer!.messageId).find((b) => b.callback_data.startsWith('kw|'))!;
    const key = h.wiring.stores.keys.keywordOffer(kw.callback_data.split('|')[2]!);
    expect(await h.wiring.redis.get(key)).toBe('مفاوضات ممر زنغزور');
    expect(await h.wiring.redis.ttl(key)).toBeGreaterThan(6 * 24 * 3600);
  });
});
