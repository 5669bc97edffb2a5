/**
 * Turning quiet hours off releases the alerts they held at once, grouped as they would
 * have arrived at the end of the window, instead of at 07:00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, User } from 'grammy/types';
import { asChatId } from '../../../src/core/ids.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { fixtureInput } from '../../integration/delivery/harness.js';

let h: BotHarness;
let salma: User;
let chat: Chat;

beforeAll(async () => {
  h = await startBotHarness('bot-release-held');
  salma = h.fake.user({ firstName: 'سلمى' });
  chat = h.fake.privateChat(salma);
  await h.say(chat, '/follow أرمينيا');
});
afterAll(() => h.close());

const SUMMIT = {
  kind: 'text' as const, url: 'https://example.com/summit',
  text: 'أرمينيا تستضيف قمة إقليمية\n\nاستضافت العاصمة الأرمينية يريفان اليوم قمة إقليمية بحضور قادة أرمينيا وجورجيا، وناقش المجتمعون ملفات الطاقة والنقل في أرمينيا والمنطقة.',
};
const mentions = (words: string) => h.sentTo(chat).filter((m) => m.text.includes(words));

describe('quiet hours turned off', () => {
  it('release the held alerts within seconds, in one grouped message', async () => {
    const [settings] = await h.say(chat, '/settings');
    await h.tap(chat, settings!.messageId, 'ساعات الهدوء');
    await h.tap(chat, settings!.messageId, '22:00–07:00');
    // 23:00 in Riyadh (UTC+3): eight hours of quiet left.
    h.setNow(Date.UTC(2026, 10, 30, 20, 0, 0));
    const a = await h.wiring.delivery.ingest.ingest(fixtureInput('https://example.com/quiet-1'));
    const b = await h.wiring.delivery.ingest.ingest(SUMMIT);
    expect([a.status, b.status]).toEqual(['queued', 'queued']);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mentions('بوتين')).toHaveLength(0);

    await h.tap(chat, settings!.messageId, 'ساعات الهدوء');
    await h.tap(chat, settings!.messageId, 'بلا');
    expect((await h.wiring.stores.chats.get(asChatId(chat.id)))?.quietHours).toBeUndefined();

    const grouped = await h.fake.waitFor(() => mentions('بوتين')[0], 10_000);
    expect(grouped.text).toContain('قمة إقليمية');
    await new Promise((r) => setTimeout(r, 500));
    expect(mentions('بوتين')).toHaveLength(1);
    h.setNow(0);
  });
});
