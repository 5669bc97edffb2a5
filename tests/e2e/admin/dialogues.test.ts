/**
 * Admin dialogues survive a restart: they are @grammyjs/conversations kept in Redis, so a
 * redeploy between two steps leaves the admin exactly where they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../../integration/delivery/harness.js';
import { registerChats, startAdminRig, type AdminRig } from './admin-harness.js';

describe('admin dialogues across a restart', () => {
  let rig: AdminRig;
  let armenia: number[];
  beforeAll(async () => {
    rig = await startAdminRig('e2e-dialogues', { rate: 400 });
    armenia = await registerChats(rig.wiring(), 700_000, 4, 'country:AM');
  }, 60_000);
  afterAll(async () => rig.close(), 60_000);

  const last = () => rig.texts().at(-1)!;
  const copies = (id: number) => rig.fake.sent(id).filter((s) => s.method === 'copyMessage').length;

  it('restarts between two steps of a broadcast; the admin picks up the same draft and sends it', async () => {
    await rig.say('/broadcast');
    await rig.say('عاجل: وقف إطلاق النار في ناغورني قره باغ');
    const panel = last();
    expect(panel.text).toContain('الجمهور: الجميع');
    expect(await rig.wiring().redis.exists(rig.wiring().stores.keys.adminDialogues(rig.admin.id))).toBe(1);

    await rig.restart();

    await rig.tap(panel.messageId, 'حسب المواضيع');
    await rig.say('أرمينيا');
    expect(rig.fake.message(rig.adminChat.id, panel.messageId)?.text).toContain('متابعو أرمينيا — 4 مستلمين');
    await rig.restart();
    await rig.tap(panel.messageId, 'عاجل');
    expect(rig.fake.message(rig.adminChat.id, panel.messageId)?.text).toContain('عاجل: 🔴 نعم');
    await rig.tap(panel.messageId, 'أرسل إلى 4');
    const progress = rig.texts().findLast((t) => t.text.includes('جارٍ'))!;
    await rig.fake.waitFor(() => (rig.fake.message(rig.adminChat.id, progress.messageId)?.text ?? '').includes('اكتمل البث'), 15_000);
    expect(armenia.map(copies)).toEqual([1, 1, 1, 1]);
    // The copy is of the admin's own message: the content step survived the restart too.
    const [b] = await rig.wiring().stores.broadcasts.list(1);
    expect(b).toMatchObject({ state: 'done', breaking: true, audience: { kind: 'topics', topics: ['country:AM'] } });
    expect(await rig.wiring().redis.exists(rig.wiring().stores.keys.adminDialogues(rig.admin.id))).toBe(0);
  }, 60_000);

  it('restarts while the bot waits for the content; the next message is the broadcast', async () => {
    await rig.say('/broadcast');
    expect(last().text).toContain('أرسل الرسالة المراد بثّها');
    await rig.restart();
    await rig.say('بيان: اجتماع لوزراء الخارجية غدًا');
    expect(rig.texts().at(-2)?.text).toContain('هكذا تمامًا سيراها المستلمون');
    expect(last().text).toContain('الجمهور: الجميع');
    await rig.say('/cancel');
    expect(last().text).toBe('أُلغي.');
  });

  it('a draft cancelled with /cancel leaves its buttons answering that it expired', async () => {
    await rig.say('/broadcast');
    await rig.say('مسودة لن تُرسل');
    const panel = last();
    await rig.say('/cancel');
    const before = rig.fake.calls('copyMessage').length;
    await rig.tap(panel.messageId, 'أرسل إلى');
    const toast = rig.fake.calls('answerCallbackQuery').at(-1)?.params['text'];
    expect(toast).toBe('انتهت صلاحية هذه المسودة. ابدأ من جديد.');
    expect(rig.fake.calls('copyMessage').length).toBe(before);
  });

  it('restarts between the /ingest preview and the tap; the article is sent on the tap', async () => {
    await rig.say('/ingest');
    await rig.say(fixtureText());
    const summary = last();
    expect(summary.text).toContain('الجمهور: ');
    await rig.restart();
    await rig.tap(summary.messageId, 'أرسل إلى');
    expect(rig.fake.message(rig.adminChat.id, summary.messageId)?.text).toContain('أُدرج للإرسال إلى');
  }, 30_000);

  it('restarts between the Add button and the feed line; the feed is added', async () => {
    await rig.say('/feeds');
    await rig.tap(last().messageId, 'إضافة مصدر');
    expect(last().text).toContain('لإضافة مصدر');
    await rig.restart();
    await rig.say('https://example.com/caucasus.xml | أخبار القوقاز | Asia/Yerevan | 10');
    expect(last().text).toContain('أُضيف المصدر: أخبار القوقاز');
    expect((await rig.wiring().stores.feeds.list()).map((f) => f.name)).toContain('أخبار القوقاز');
  });
});
