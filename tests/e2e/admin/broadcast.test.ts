import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asChatId } from '../../../src/core/ids.js';
import { registerChats, startAdminRig, type AdminRig } from './admin-harness.js';

const NEWS = 'عاجل: بوتين يوافق على سحب القوات الروسية من مناطق أرمينية';

describe('admin broadcasts, end to end through the fake Bot API', () => {
  let rig: AdminRig;
  beforeAll(async () => {
    rig = await startAdminRig('e2e-broadcast', { rate: 400, concurrency: 20 });
  }, 60_000);
  afterAll(async () => rig.close(), 60_000);

  const copies = (id: number) => rig.fake.sent(id).filter((s) => s.method === 'copyMessage').length;
  const progressText = (id: number) => rig.fake.message(rig.adminChat.id, id)?.text ?? '';

  /** /broadcast → content → panel; optionally picks topics by typing their names. Returns the panel's id. */
  async function compose(topicNames?: string): Promise<number> {
    await rig.say('/broadcast');
    await rig.say(NEWS, { entities: [{ type: 'bold', offset: 0, length: 4 }] });
    const panel = rig.texts().findLast((t) => t.text.includes('الجمهور'));
    if (!panel) throw new Error('no broadcast panel');
    if (topicNames) {
      await rig.tap(panel.messageId, 'حسب المواضيع');
      await rig.say(topicNames);
    }
    return panel.messageId;
  }
  async function send(panel: number): Promise<number> {
    await rig.tap(panel, 'أرسل إلى');
    const progress = rig.texts().findLast((t) => t.text.includes('جارٍ'));
    if (!progress) throw new Error('no progress message');
    return progress.messageId;
  }

  it('sends to 2,000 chats exactly once through 403 and 429, and the progress reaches the final counts', async () => {
    const chats = await registerChats(rig.wiring(), 100_000, 2000);
    const blocked = chats.filter((_, i) => i % 50 === 7); // 40 chats
    const panel = await compose();
    expect(rig.texts().map((t) => t.method)).toContain('copyMessage'); // the preview, as recipients will see it
    expect(rig.fake.message(rig.adminChat.id, panel)?.text).toContain('الجمهور: الجميع — 2000 مستلم');
    await rig.tap(panel, 'عاجل');
    expect(progressText(panel)).toContain('عاجل: 🔴 نعم');

    rig.fake.faults.forbid(blocked, 'blocked');
    rig.fake.faults.rateLimit({ retryAfter: 1, nextCalls: 3 });
    const progress = await send(panel);
    expect(rig.buttons(progress).map((b) => b.text)).toEqual(['⛔ إلغاء البث']);

    await rig.fake.waitFor(() => progressText(progress).includes('اكتمل البث'), 60_000);
    const active = chats.filter((id) => !blocked.includes(id));
    expect(active.filter((id) => copies(id) !== 1)).toEqual([]);
    expect(blocked.every((id) => copies(id) === 0)).toBe(true);
    expect(rig.fake.faults.stats.rateLimited).toBeGreaterThan(0);
    for (const id of blocked.slice(0, 5)) {
      expect((await rig.wiring().stores.chats.get(asChatId(id)))?.status).toMatchObject({ kind: 'inactive', reason: 'blocked' });
    }
    await rig.fake.waitFor(() => progressText(progress).includes('أُرسل: 1960 · فشل: 0 · محظور: 40 (من 2000)'), 5000);
    expect(rig.buttons(progress)).toEqual([]);
    const [b] = await rig.wiring().stores.broadcasts.list(1);
    expect(b).toMatchObject({ state: 'done', breaking: true, audience: { kind: 'everyone' } });
  }, 90_000);

  it('stops sending once an admin cancels half-way', async () => {
    rig.fake.faults.clear();
    const followers = await registerChats(rig.wiring(), 200_000, 2000, 'country:AM');
    const panel = await compose('أرمينيا');
    expect(rig.fake.message(rig.adminChat.id, panel)?.text).toContain('متابعو أرمينيا — 2000 مستلم');
    const progress = await send(panel);
    const reached = () => followers.filter((id) => copies(id) > 0).length;
    await rig.fake.waitFor(() => reached() >= 500, 30_000);
    await rig.tap(progress, 'إلغاء البث');
    const atCancel = reached();
    await rig.fake.waitFor(() => progressText(progress).includes('أُلغي البث'), 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(reached()).toBeLessThanOrEqual(atCancel + 20); // only sends already in flight
    expect(reached()).toBeLessThan(1000);
    expect(followers.every((id) => copies(id) <= 1)).toBe(true);
    expect(progressText(progress)).toMatch(/لم يُرسل: \d+/);
  }, 90_000);

  it('resumes a broadcast after a restart, sending nothing twice', async () => {
    const followers = await registerChats(rig.wiring(), 300_000, 2000, 'country:AZ');
    const panel = await compose('أذربيجان');
    const progress = await send(panel);
    const reached = () => followers.filter((id) => copies(id) > 0).length;
    await rig.fake.waitFor(() => reached() >= 400, 30_000);
    await rig.restart();
    expect(reached()).toBeLessThan(2000);
    await rig.fake.waitFor(() => progressText(progress).includes('اكتمل البث'), 60_000);
    expect(followers.filter((id) => copies(id) !== 1)).toEqual([]);
    expect(progressText(progress)).toContain('أُرسل: 2000 · فشل: 0 · محظور: 0 (من 2000)');
  }, 120_000);

  it("refuses a non-admin's /broadcast politely and does nothing else", async () => {
    const stranger = rig.fake.user({ firstName: 'زائر' });
    const chat = rig.fake.privateChat(stranger);
    const before = (await rig.wiring().stores.broadcasts.list(100)).length;
    const sendsBefore = rig.fake.calls('copyMessage').length;
    await rig.say('/broadcast', { chat });
    expect(rig.texts(chat).map((t) => t.text)).toEqual(['عذرًا، هذا الأمر مخصّص لمشرفي البوت فقط.']);
    await rig.say('رسالة للجميع', { chat });
    const refusal = rig.texts(chat)[0]!.messageId;
    // A forged admin button (callback data crafted by hand) meets the same refusal.
    rig.fake.tapButton({ chat, messageId: refusal, data: 'abd|send', forged: true });
    await rig.fake.waitFor(() => rig.fake.calls('answerCallbackQuery').some((c) => String(c.params.text ?? '').includes('لمشرفي البوت')));
    expect(rig.fake.calls('copyMessage').length).toBe(sendsBefore);
    expect((await rig.wiring().stores.broadcasts.list(100)).length).toBe(before);
    expect(rig.texts(chat).length).toBeLessThanOrEqual(2);
  });
});
