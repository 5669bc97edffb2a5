import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/parse/feed.js';
import { createFeedPolls, type FeedPolls } from '../../../src/jobs/feed-polls.js';
import { createFeedSchedules, type FeedSchedules } from '../../../src/jobs/feed-schedules.js';
import { bullConnection } from '../../support/redis.js';
import { createLogger } from '../../../src/logger.js';
import { fixtureText } from '../../integration/delivery/harness.js';
import { registerChats, startAdminRig, type AdminRig } from './admin-harness.js';

const item = (n: number, title: string, body: string) =>
  `<item><guid>https://feed.example/${n}</guid><title>${title}</title><link>https://feed.example/${n}</link>` +
  `<pubDate>Thu, 09 May 2024 13:${String(10 + n).padStart(2, '0')}:00 GMT</pubDate><description>${body}</description></item>`;
const items = [
  item(1, 'الرئيس الأرميني يزور موسكو', 'يريفان - يزور رئيس أرمينيا موسكو الأسبوع المقبل لبحث العلاقات الثنائية والتعاون الاقتصادي بين البلدين.'),
];
const feedXml = () => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title>${items.join('')}</channel></rss>`;

const shape = (f: { url: string; name: string; timeZone: string; intervalSec: number }) => ({ url: f.url, name: f.name, timeZone: f.timeZone, intervalSec: f.intervalSec });

// A news site's home page that announces two feeds in its head.
const SITE_PAGE = '<!doctype html><html lang="ar" dir="rtl"><head><title>أخبار المنطقة</title>' +
  '<link rel="alternate" type="application/rss+xml" title="آخر الأخبار" href="/latest.xml">' +
  '<link rel="alternate" type="application/atom+xml" title="اقتصاد" href="/economy.atom"></head><body><h1>أخبار المنطقة</h1></body></html>';

describe('admin sources: /feeds, /ingest and /stats', () => {
  let rig: AdminRig;
  let site: Server;
  let base: string;
  let schedules: FeedSchedules;
  let polls: FeedPolls;
  let followers: number[];

  beforeAll(async () => {
    rig = await startAdminRig('e2e-sources');
    followers = await registerChats(rig.wiring(), 600_000, 10, 'country:AM');
    site = createServer((req, res) => {
      if (req.url === '/broken.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>أرمينيا');
      if (req.url === '/site') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SITE_PAGE);
      if (req.url === '/about') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>من نحن</title></head><body>لا مصادر</body></html>');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml());
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const w = rig.wiring();
    schedules = createFeedSchedules({ feeds: w.stores.feeds, connection: bullConnection, prefix: rig.prefix });
    polls = createFeedPolls({
      feeds: w.stores.feeds, ingest: w.delivery.ingest, parseFeed, clock: () => new Date(), logger: createLogger('silent'),
      schedules, connection: bullConnection, prefix: rig.prefix,
    });
  }, 60_000);
  afterAll(async () => {
    await polls.stop();
    await schedules.close();
    site.closeAllConnections();
    site.close();
    await rig.close();
  }, 60_000);

  const last = () => rig.texts().at(-1)?.text ?? '';
  const alertsTo = (chat: number) => rig.fake.sent(chat).filter((s) => s.method === 'sendMessage');
  /** Makes every feed due now (as if its interval had passed) and runs each scheduled feed's poll job, as a worker would. */
  async function pollAll(): Promise<void> {
    for (const f of await rig.wiring().stores.feeds.list()) await rig.wiring().stores.feeds.recordPoll(f.id, { nextPollAt: 0 });
    await schedules.sync();
    for (const { feedId } of await schedules.scheduled()) await polls.pollIfDue(feedId);
  }

  it('adds feeds, then reports a broken one in /feeds', async () => {
    await rig.say('/feeds');
    expect(last()).toContain('لا توجد مصادر بعد.');
    await rig.say(`/feeds add ${base}/feed.xml | أخبار القوقاز | Asia/Yerevan | 5`);
    expect(last()).toContain('أُضيف المصدر: أخبار القوقاز');
    await rig.say(`/feeds add ${base}/broken.xml | مصدر معطوب`);
    await rig.say('/feeds add ftp://example.com/x | خطأ');
    expect(last()).toContain('تعذّرت إضافة المصدر: the URL must start with http:// or https://');
    await pollAll();
    await rig.say('/feeds');
    const listing = last();
    expect(listing).toContain('أخبار القوقاز — كل 5 دقائق');
    expect(listing).toContain('عناصر شوهدت: 1');
    expect(listing).toMatch(/مصدر معطوب[\s\S]*آخر نجاح: أبدًا[\s\S]*⚠️ آخر خطأ \([\d: -]+\): unreadable feed: not a readable RSS/);
  });

  it('finds the feeds a site announces from its bare address, and adds a bare feed address under its own title', async () => {
    await rig.say(`/feeds add ${base}/site`);
    const offer = rig.texts().at(-1)!;
    expect(offer.text).toContain('وجدتُ في هذه الصفحة مصدرين');
    await rig.tap(offer.messageId, 'آخر الأخبار');
    expect(last()).toContain('أُضيف المصدر: آخر الأخبار');
    const feeds = await rig.wiring().stores.feeds.list();
    expect(feeds.map((f) => f.url)).toContain(`${base}/latest.xml`);
    expect(feeds.map((f) => f.url)).not.toContain(`${base}/economy.atom`);

    await rig.say(`/feeds add ${base}/direct.xml`);
    expect(last()).toContain('أُضيف المصدر: أخبار'); // the feed's own <title>
    await rig.say(`/feeds add ${base}/about`);
    expect(last()).toContain('لم أجد مصدر أخبار');
    for (const f of await rig.wiring().stores.feeds.list()) {
      if (f.url.endsWith('/latest.xml') || f.url.endsWith('/direct.xml')) await rig.wiring().stores.feeds.remove(f.id);
    }
  });

  it('alerts followers of new feed items only, not of the items present when it was added', async () => {
    expect(followers.every((id) => alertsTo(id).length === 0)).toBe(true);
    items.unshift(item(2, 'روسيا توافق على سحب قواتها من أرمينيا', 'موسكو - وافق الرئيس الروسي فلاديمير بوتين على سحب القوات الروسية من عدة مناطق في أرمينيا، بحسب ما نقلت وكالة إنترفاكس.'));
    await pollAll();
    await rig.fake.waitFor(() => followers.every((id) => alertsTo(id).length === 1), 15_000);
    expect(alertsTo(followers[0]!)[0]?.text).toContain('روسيا توافق على سحب قواتها من أرمينيا');
    expect(alertsTo(followers[0]!)[0]?.text).not.toContain('يزور موسكو');
  });

  it('pauses a feed from its button', async () => {
    await rig.say('/feeds');
    const listing = rig.texts().at(-1)!;
    await rig.tap(listing.messageId, '⏸ إيقاف أخبار القوقاز');
    const feeds = await rig.wiring().stores.feeds.list();
    expect(feeds.find((f) => f.name === 'أخبار القوقاز')?.paused).toBe(true);
    await rig.say('/feeds');
    expect(last()).toContain('⏸ أخبار القوقاز');
  });

  it('/ingest shows the alert and its audience, and sends it on confirmation', async () => {
    await rig.say('/ingest');
    await rig.say(fixtureText());
    const [alert, summary] = rig.texts().slice(-2);
    expect(alert?.text).toContain('بوتين يوافق على سحب القوات الروسية من مناطق أرمينية');
    expect(summary?.text).toMatch(/الجمهور: 10 محادثات/);
    expect(followers.every((id) => alertsTo(id).length === 1)).toBe(true); // nothing sent before confirming
    await rig.tap(summary!.messageId, 'أرسل إلى 10');
    expect(rig.fake.message(rig.adminChat.id, summary!.messageId)?.text).toContain('أُدرج للإرسال إلى 10 محادثات');
    await rig.fake.waitFor(() => followers.every((id) => alertsTo(id).length === 2), 15_000);
  });

  it('/stats shows followers, top topics, the last 24 h and the queues', async () => {
    await rig.say('/stats');
    const stats = last();
    expect(stats).toContain('المحادثات: 10 (نشطة 10، غير نشطة 0)');
    expect(stats).toContain('أرمينيا: 10');
    expect(stats).toMatch(/آخر 24 ساعة: (?:لا تنبيهات|تنبيه واحد|تنبيهان|\d+ تنبيهات?|\d+ تنبيهًا)، /);
    expect(stats).toMatch(/طابور send: منتظر \d+/);
  });

  // Last: it replaces the feeds (imported feeds start fresh, their current items marked seen).
  it('/feeds export sends every feed as OPML; importing that file into an empty list gives the same feeds back', async () => {
    const before = (await rig.wiring().stores.feeds.list()).map(shape);
    expect(before.length).toBeGreaterThan(1);
    await rig.say('/feeds export');
    const sent = rig.fake.sent(rig.adminChat.id).filter((m) => m.method === 'sendDocument').at(-1);
    expect(sent?.text).toContain('بصيغة OPML');
    const bytes = rig.fake.file(sent?.message?.document?.file_id ?? '');
    expect(new TextDecoder().decode(bytes)).toContain('<opml version="2.0">');

    for (const f of await rig.wiring().stores.feeds.list()) await rig.wiring().stores.feeds.remove(f.id);
    await rig.sendFile('tanbih-feeds.opml', bytes!, '/feeds import');
    expect(last()).toContain(`📥 الاستيراد: أُضيف ${before.length}، وتُخطّي 0`);
    expect((await rig.wiring().stores.feeds.list()).map(shape)).toEqual(before);

    // Without a file, /feeds import asks for one; a file that is not OPML is refused with the reason.
    await rig.say('/feeds import');
    expect(last()).toContain('أرسل ملف OPML');
    await rig.sendFile('notes.txt', new TextEncoder().encode('ليست قائمة مصادر'));
    expect(last()).toContain('تعذّر استيراد الملف: not an OPML document');
  });
});
