/**
 * The broadcast progress message is pushed, not only found by looking: the reporter here
 * looks only once a minute, yet the admin sees the real recipient count at once and the
 * final report as soon as a small broadcast is over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBroadcastId } from '../../../src/core/ids.js';
import { createRedisProgressBoard } from '../../../src/store/redis-progress-board.js';
import { registerChats, startAdminRig, type AdminRig } from './admin-harness.js';

describe('broadcast progress, pushed', () => {
  let rig: AdminRig;
  beforeAll(async () => {
    rig = await startAdminRig('e2e-broadcast-progress', { rate: 400, progressIntervalMs: 60_000 });
  }, 60_000);
  afterAll(async () => rig.close(), 60_000);

  it('a 3-chat broadcast that ends before the first look still gets its final report', async () => {
    const chats = await registerChats(rig.wiring(), 500_000, 3, 'country:AM');
    await rig.say('/broadcast');
    await rig.say('تنبيه: اجتماع طارئ لمجلس الأمن بشأن جنوب القوقاز');
    const panel = rig.texts().findLast((t) => t.text.includes('الجمهور'))!.messageId;
    await rig.tap(panel, 'حسب المواضيع');
    await rig.say('أرمينيا');
    expect(rig.fake.message(rig.adminChat.id, panel)?.text).toContain('متابعو أرمينيا — 3 مستلمين');
    await rig.tap(panel, 'أرسل إلى 3');

    const progress = rig.texts().findLast((t) => t.text.includes('جارٍ'))!;
    // The first message already counts the recipients (not «0 من 0»).
    const first = rig.fake.sent(rig.adminChat.id).find((s) => s.messageId === progress.messageId);
    expect(first?.text).toContain('المتبقي: 3 من 3');

    await rig.fake.waitFor(() => (rig.fake.message(rig.adminChat.id, progress.messageId)?.text ?? '').includes('اكتمل البث'), 15_000);
    const final = rig.fake.message(rig.adminChat.id, progress.messageId)!;
    expect(final.text).toContain('أُرسل: 3 · فشل: 0 · محظور: 0 (من 3)');
    expect(final.reply_markup?.inline_keyboard.flat() ?? []).toEqual([]);
    expect(chats.map((id) => rig.fake.sent(id).filter((s) => s.method === 'copyMessage').length)).toEqual([1, 1, 1]);

    // Once shown, the final report is no longer owed.
    const board = createRedisProgressBoard(rig.wiring().redis, rig.wiring().stores.keys);
    const [b] = await rig.wiring().stores.broadcasts.list(1);
    for (let i = 0; i < 100 && (await board.pending()).includes(asBroadcastId(b!.id)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await board.pending()).not.toContain(b!.id);
  }, 60_000);

  it('a restart right after sending does not lose the final report', async () => {
    await registerChats(rig.wiring(), 600_000, 2, 'country:AZ');
    await rig.say('/broadcast');
    await rig.say('خبر عاجل عن أذربيجان');
    const panel = rig.texts().findLast((t) => t.text.includes('الجمهور'))!.messageId;
    await rig.tap(panel, 'حسب المواضيع');
    await rig.say('أذربيجان');
    await rig.tap(panel, 'أرسل إلى 2');
    const progress = rig.texts().findLast((t) => t.text.includes('جارٍ'))!.messageId;
    await rig.restart();
    await rig.fake.waitFor(() => (rig.fake.message(rig.adminChat.id, progress)?.text ?? '').includes('اكتمل البث'), 15_000);
    expect(rig.fake.message(rig.adminChat.id, progress)?.text).toContain('أُرسل: 2 · فشل: 0 · محظور: 0 (من 2)');
  }, 60_000);
});
