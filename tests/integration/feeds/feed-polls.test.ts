import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asArticleId } from '../../../src/core/ids.js';
import type { ArticleInput } from '../../../src/core/input.js';
import { parseFeed } from '../../../src/core/parse/feed.js';
import type { IngestService } from '../../../src/delivery/ports.js';
import { createFeedPolls, type FeedPolls } from '../../../src/jobs/feed-polls.js';
import { createFeedSchedules, type FeedSchedules } from '../../../src/jobs/feed-schedules.js';
import type { FeedParser, PollOutcome } from '../../../src/sources/poll-feed.js';
import { createLogger } from '../../../src/logger.js';
import { createRedisStores } from '../../../src/store/index.js';
import type { Feed } from '../../../src/store/ports.js';
import { bullConnection, connectRedis, deleteKeys, testPrefix } from '../../support/redis.js';

const item = (n: number, title: string) => `<item><guid>https://news.example/${n}</guid><title>${title}</title>
  <link>https://news.example/${n}</link><pubDate>Thu, 09 May 2024 13:${String(10 + n).padStart(2, '0')}:00 GMT</pubDate>
  <description>&lt;p&gt;${title}. وافق الرئيس الروسي على سحب القوات من عدة مناطق، بحسب ما نقلت وكالة إنترفاكس.&lt;/p&gt;</description></item>`;
const rss = (items: string[], encoding = 'UTF-8') =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>أخبار</title><link>https://news.example</link>${items.join('')}</channel></rss>`;

/** The feed under test: what it serves can change between polls; ETag is a version counter. */
const site = { version: 1, items: [item(1, 'قمة في يريفان'), item(2, 'أرمينيا وأذربيجان تتفاوضان')], requests: 0, hang: false };

function serve(req: IncomingMessage, res: ServerResponse): void {
  site.requests += 1;
  const path = req.url ?? '/';
  if (path === '/old-feed.xml') return void res.writeHead(301, { location: '/feed.xml' }).end();
  if (path === '/slow.xml') return; // never answers: the poller's timeout must fire
  if (path === '/broken.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>أرمينيا</title></chan');
  if (path === '/truncated.xml') {
    const whole = rss([item(21, 'يريفان تستضيف محادثات السلام'), item(22, 'باكو ترحب بالمقترح الأرميني'), item(23, 'موسكو تعلق على الاتفاق')]);
    return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(whole.slice(0, whole.lastIndexOf('<item>') + 80));
  }
  if (path === '/cp1256.xml') {
    const body = iconv.encode(rss([item(7, 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية')], 'windows-1256'), 'windows-1256');
    return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1256' }).end(body);
  }
  const etag = `"v${site.version}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': new Date(0).toUTCString() }).end(rss(site.items));
}

describe('feed polls on job schedulers, against a feed served over local HTTP', () => {
  const prefix = testPrefix('feeds');
  let redis: Redis;
  let server: Server;
  let base: string;
  let now = Date.UTC(2024, 4, 9, 14, 0);
  const clock = () => new Date(now);
  const ingested: ArticleInput[] = [];
  const ingest: Pick<IngestService, 'ingest'> = {
    async ingest(input) {
      ingested.push(input);
      return { status: 'queued', articleId: asArticleId(`a${ingested.length}`), topics: [], recipients: 1 };
    },
  };
  let parses = 0;
  const countingParse: FeedParser = (bytes, type) => {
    parses += 1;
    return parseFeed(bytes, type);
  };
  let stores: ReturnType<typeof createRedisStores>;
  let schedules: FeedSchedules;
  let polls: FeedPolls;
  const feeds: Record<string, Feed> = {};

  /**
   * One tick of every feed's scheduler, as BullMQ would run it but without waiting for the
   * interval: the schedulers follow the store, then each scheduled feed's poll job runs.
   * Resolves with what each feed that was due did.
   */
  async function tick(): Promise<Map<Feed['id'], PollOutcome>> {
    await schedules.sync();
    const outcomes = new Map<Feed['id'], PollOutcome>();
    for (const { feedId } of await schedules.scheduled()) {
      const outcome = await polls.pollIfDue(feedId);
      if (outcome) outcomes.set(feedId, outcome);
    }
    return outcomes;
  }

  beforeAll(async () => {
    redis = connectRedis();
    server = createServer(serve);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stores = createRedisStores({ redis, prefix, clock });
    schedules = createFeedSchedules({ feeds: stores.feeds, connection: bullConnection, prefix });
    polls = createFeedPolls({
      feeds: stores.feeds, ingest, parseFeed: countingParse, clock, logger: createLogger('silent'), timeoutMs: 500,
      schedules, connection: bullConnection, prefix,
    });
    const add = (url: string, name: string) => stores.feeds.add({ url: `${base}${url}`, name, timeZone: 'Asia/Yerevan', intervalSec: 300 });
    feeds.main = await add('/feed.xml', 'أخبار أرمينيا');
    feeds.broken = await add('/broken.xml', 'مصدر معطوب');
  });
  afterAll(async () => {
    await polls.stop();
    await schedules.close();
    server.closeAllConnections();
    server.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('marks the items of a new feed seen without alerting anyone', async () => {
    const outcomes = await tick();
    expect(outcomes.get(feeds.main!.id)).toMatchObject({ kind: 'polled', first: true, items: 2, fresh: 2 });
    expect(ingested).toHaveLength(0);
    expect(await stores.feeds.health(feeds.main!.id)).toMatchObject({ itemsSeen: 2, consecutiveErrors: 0, etag: '"v1"', lastSuccessAt: now });
  });

  it('reports a broken feed in its health instead of crashing, and backs off', async () => {
    const health = await stores.feeds.health(feeds.broken!.id);
    expect(health.lastError).toMatch(/^unreadable feed: not a readable RSS, Atom or JSON feed/);
    expect(health).toMatchObject({ consecutiveErrors: 1, lastErrorAt: now, nextPollAt: now + 600_000 });
    expect(health.lastSuccessAt).toBeUndefined();
  });

  it('does not poll a feed before its interval is up', async () => {
    const before = site.requests;
    now += 60_000;
    expect((await tick()).size).toBe(0);
    expect(site.requests).toBe(before);
  });

  it('costs no parsing when the feed answers 304 Not Modified', async () => {
    now += 300_000;
    const before = parses;
    const outcomes = await tick();
    expect(outcomes.get(feeds.main!.id)).toEqual({ kind: 'not-modified' });
    expect(parses - before).toBe(0); // the broken feed is still backing off (10 min)
  });

  it('ingests only the new items, oldest first, with the feed as outlet and zone', async () => {
    site.version = 2;
    site.items = [item(4, 'روسيا تسحب قواتها من أرمينيا'), item(3, 'باشينيان يلتقي بوتين'), ...site.items];
    now += 300_000;
    const outcomes = await tick();
    expect(outcomes.get(feeds.main!.id)).toMatchObject({ kind: 'polled', first: false, items: 4, fresh: 2, ingested: { queued: 2 } });
    expect(ingested.map((i) => (i.kind === 'feed-item' ? i.item.title : ''))).toEqual(['باشينيان يلتقي بوتين', 'روسيا تسحب قواتها من أرمينيا']);
    expect(ingested[0]).toMatchObject({ kind: 'feed-item', outlet: 'أخبار أرمينيا', timeZone: 'Asia/Yerevan', url: 'https://news.example/3' });
    expect((await stores.feeds.health(feeds.main!.id)).itemsSeen).toBe(4);
  });

  it('follows redirects, reads windows-1256, and times out on a server that never answers', async () => {
    await stores.feeds.setPaused(feeds.main!.id, true);
    await stores.feeds.setPaused(feeds.broken!.id, true);
    const moved = await stores.feeds.add({ url: `${base}/old-feed.xml`, name: 'منقول', timeZone: 'Asia/Riyadh', intervalSec: 60 });
    const arabic = await stores.feeds.add({ url: `${base}/cp1256.xml`, name: 'ترميز عربي', timeZone: 'Asia/Riyadh', intervalSec: 60 });
    const slow = await stores.feeds.add({ url: `${base}/slow.xml`, name: 'بطيء', timeZone: 'Asia/Riyadh', intervalSec: 60 });
    await tick(); // first polls: seen, not alerted
    expect(await stores.feeds.health(moved.id)).toMatchObject({ itemsSeen: 4, consecutiveErrors: 0 });
    expect(await stores.feeds.health(arabic.id)).toMatchObject({ itemsSeen: 1 });
    expect(await stores.feeds.health(slow.id)).toMatchObject({ lastError: 'timed out after 500 ms', consecutiveErrors: 1 });
    await stores.feeds.remove(arabic.id);
    const again = await stores.feeds.add({ url: `${base}/cp1256.xml`, name: 'ترميز عربي', timeZone: 'Asia/Riyadh', intervalSec: 60 });
    await stores.feeds.recordPoll(again.id, { lastSuccessAt: now - 1 }); // as if polled before: its item is new
    await stores.feeds.setPaused(moved.id, true);
    await stores.feeds.setPaused(slow.id, true);
    const before = ingested.length;
    await tick();
    const last = ingested.slice(before);
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ kind: 'feed-item', item: { title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية' } });
  });

  it('reads the complete items of a feed cut short, and says in its health what was lost', async () => {
    for (const f of await stores.feeds.list()) await stores.feeds.setPaused(f.id, true);
    const cut = await stores.feeds.add({ url: `${base}/truncated.xml`, name: 'مقطوع', timeZone: 'Asia/Baku', intervalSec: 60 });
    await stores.feeds.recordPoll(cut.id, { lastSuccessAt: now - 1 }); // polled before: its items are new
    const before = ingested.length;
    const outcomes = await tick();
    expect(outcomes.get(cut.id)).toMatchObject({ kind: 'polled', items: 2, fresh: 2 });
    expect(ingested.slice(before).map((i) => (i.kind === 'feed-item' ? i.item.title : ''))).toEqual(['باكو ترحب بالمقترح الأرميني', 'يريفان تستضيف محادثات السلام']);
    const health = await stores.feeds.health(cut.id);
    expect(health).toMatchObject({ consecutiveErrors: 0, lastSuccessAt: now, itemsSeen: 2 });
    expect(health.lastError).toMatch(/cut short or malformed: read 2 complete item\(s\), 1 unreadable item\(s\) skipped/);
    await stores.feeds.setPaused(cut.id, true);
  });

  it('schedules each active feed once, however many workers sync, and drops the scheduler of a removed or paused feed', async () => {
    const other = createFeedSchedules({ feeds: stores.feeds, connection: bullConnection, prefix });
    await stores.feeds.setPaused(feeds.main!.id, false);
    await Promise.all([schedules.sync(), other.sync()]);
    expect(await schedules.scheduled()).toEqual([{ feedId: feeds.main!.id, everyMs: 300_000 }]);
    expect(await other.sync()).toEqual({ added: 0, removed: 0 }); // already right: left alone
    await stores.feeds.setPaused(feeds.main!.id, true);
    const gone = await stores.feeds.add({ url: `${base}/feed.xml?gone`, name: 'يُحذف', timeZone: 'Asia/Riyadh', intervalSec: 120 });
    expect(await other.sync()).toEqual({ added: 1, removed: 1 });
    expect(await schedules.scheduled()).toEqual([{ feedId: gone.id, everyMs: 120_000 }]);
    await stores.feeds.remove(gone.id);
    expect(await polls.pollIfDue(gone.id)).toBeUndefined(); // a job of a feed removed since: nothing fetched, its scheduler goes
    expect(await schedules.scheduled()).toEqual([]);
    await other.close();
  });

  it('a worker takes the poll jobs its schedulers produce: a new feed is polled at once', async () => {
    const fresh = await stores.feeds.add({ url: `${base}/feed.xml?fresh`, name: 'جديد', timeZone: 'Asia/Yerevan', intervalSec: 600 });
    await polls.start(); // syncs: the new feed's scheduler makes its first job now
    const health = await new Promise<Awaited<ReturnType<typeof stores.feeds.health>>>((resolve) => {
      const look = async (): Promise<void> => {
        const h = await stores.feeds.health(fresh.id);
        if (h.lastSuccessAt === undefined) setTimeout(() => void look(), 50);
        else resolve(h);
      };
      void look();
    });
    expect(health).toMatchObject({ lastSuccessAt: now, consecutiveErrors: 0, itemsSeen: 4 });
    expect(polls.status()).toMatchObject({ ok: true, detail: { running: true } });
    await polls.stop();
    expect(polls.status().ok).toBe(false);
  });
});
