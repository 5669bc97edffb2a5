/**
 * Settings a reader picks in /settings change what reaches them: quiet hours hold an
 * alert until the window ends; /pause holds alerts and /resume releases them; time zone and digest are saved.
 * Also: a failing handler gets an apology, and a flood of updates is slowed down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, User } from 'grammy/types';
import { asChatId } from '../../../src/core/ids.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { fixtureInput } from '../../integration/delivery/harness.js';

let h: BotHarness;
let huda: User;
let chat: Chat;

beforeAll(async () => {
  h = await startBotHarness('bot-settings', { rateLimit: { capacity: 30, refillPerSec: 1 } });
  huda = h.fake.user({ firstName: 'هدى' });
  chat = h.fake.privateChat(huda);
  await h.say(chat, '/follow أرمينيا');
});
afterAll(() => h.close());

const stored = () => h.wiring.stores.chats.get(asChatId(chat.id));
const alerts = () => h.sentTo(chat).filter((m) => m.text.includes('بوتين'));

describe('/settings', () => {
  it('sets a daily digest at an hour and a time zone typed as an IANA name', async () => {
    const [settings] = await h.say(chat, '/settings');
    await h.tap(chat, settings!.messageId, 'ملخص يومي');
    await h.tap(chat, settings!.messageId, '08:00');
    expect((await stored())?.delivery).toEqual({ kind: 'daily', hour: 8 });
    await h.tap(chat, settings!.messageId, 'فوري');
    expect((await stored())?.delivery).toEqual({ kind: 'instant' });
    const [bad] = await h.say(chat, '/timezone Mars/Olympus');
    expect(bad?.text).toContain('ليست منطقة زمنية');
    await h.say(chat, '/timezone africa/cairo');
    expect((await stored())?.timeZone).toBe('Africa/Cairo');
    await h.tap(chat, settings!.messageId, 'المنطقة الزمنية');
    await h.tap(chat, settings!.messageId, 'Riyadh');
    expect((await stored())?.timeZone).toBe('Asia/Riyadh');
  });
});

describe('quiet hours', () => {
  it('hold the alert until the window ends, then deliver it once', async () => {
    const [settings] = await h.say(chat, '/settings');
    await h.tap(chat, settings!.messageId, 'ساعات الهدوء');
    await h.tap(chat, settings!.messageId, '22:00–07:00');
    expect((await stored())?.quietHours).toEqual({ fromMinute: 22 * 60, toMinute: 7 * 60 });
    // 06:59:57 in Riyadh (UTC+3): the window ends in three seconds.
    h.setNow(Date.UTC(2026, 10, 30, 3, 59, 57));
    await h.wiring.delivery.ingest.ingest(fixtureInput('https://example.com/quiet'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(alerts()).toHaveLength(0);
    await h.fake.waitFor(() => alerts()[0], 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(alerts()).toHaveLength(1);
    h.setNow(0);
  });
});

describe('/pause and /resume', () => {
  it('holds alerts while paused, says until when, and /resume releases them at once', async () => {
    const [settings] = await h.say(chat, '/settings');
    await h.tap(chat, settings!.messageId, 'ساعات الهدوء');
    await h.tap(chat, settings!.messageId, 'بلا');
    const [choose] = await h.say(chat, '/pause');
    await h.tap(chat, choose!.messageId, '8 ساعات');
    expect(h.fake.message(chat.id, choose!.messageId)?.text).toContain('أوقفت التنبيهات حتى');
    expect((await stored())?.pausedUntil).toBeGreaterThan(Date.now());
    const before = alerts().length;
    const outcome = await h.wiring.delivery.ingest.ingest({ kind: 'text', url: 'https://example.com/paused', text: 'أرمينيا تستضيف قمة إقليمية\n\nاستضافت العاصمة الأرمينية يريفان اليوم قمة إقليمية بحضور قادة أرمينيا وجورجيا، وناقش المجتمعون ملفات الطاقة والنقل في أرمينيا والمنطقة.' });
    expect(outcome.status).toBe('queued');
    expect(outcome.recipients).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(h.sentTo(chat).filter((m) => m.text.includes('قمة إقليمية'))).toHaveLength(0);
    expect(alerts()).toHaveLength(before);
    const [resumed] = await h.say(chat, '/resume');
    expect(resumed?.text).toContain('استؤنفت');
    expect((await stored())?.pausedUntil).toBeUndefined();
    await h.fake.waitFor(() => h.sentTo(chat).find((m) => m.text.includes('قمة إقليمية')), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.sentTo(chat).filter((m) => m.text.includes('قمة إقليمية'))).toHaveLength(1);
  });
});

describe('when things go wrong', () => {
  it('apologizes instead of staying silent when a handler fails', async () => {
    const subscriptions = h.wiring.stores.subscriptions;
    const topicsOf = subscriptions.topicsOf;
    subscriptions.topicsOf = () => Promise.reject(new Error('Redis is unreachable'));
    try {
      const [reply] = await h.say(chat, '/mytopics');
      expect(reply?.text).toContain('عذرًا، حدث خطأ ما');
    } finally {
      subscriptions.topicsOf = topicsOf;
    }
  });

  it('slows down a user who floods the bot, and says so once', async () => {
    const flooder = h.fake.user({ firstName: 'سريع' });
    const pm = h.fake.privateChat(flooder);
    // The clock stands still during the burst: the bucket (30) cannot refill, however slow the machine.
    h.setNow(Date.UTC(2026, 10, 30, 12, 0, 0));
    try {
      const updates = Array.from({ length: 40 }, () => h.fake.sendUserMessage({ chat: pm, text: 'أرمينيا' }).update_id);
      await Promise.all(updates.map((id) => h.handled(id)));
      const texts = h.sentTo(pm).map((m) => m.text);
      expect(texts.filter((t) => t.includes('رسائل كثيرة'))).toHaveLength(1);
      expect(texts.filter((t) => t.includes('نتائج البحث'))).toHaveLength(30);
      // The bucket lives in Redis (a restart does not refill it) and expires on its own.
      expect(await h.wiring.redis.pttl(h.wiring.stores.keys.floodBucket(flooder.id))).toBeGreaterThan(0);
    } finally {
      h.setNow(0);
    }
  });
});
