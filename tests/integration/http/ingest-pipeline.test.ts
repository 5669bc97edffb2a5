import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticlesRoute } from '../../../src/http/articles-route.js';
import { createHealthCheck } from '../../../src/http/health.js';
import { createMetrics } from '../../../src/http/metrics.js';
import { createHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/logger.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureText, wire, type Wiring } from '../delivery/harness.js';

const TOKEN = 'pipeline-ingest-token-0123456789';
const WORDS = ('الحكومة البرلمان الاقتصاد النفط الحدود الجيش المفاوضات الرئيس الوزير الانتخابات الميزانية المعارضة ' +
  'الاتفاق القمة العاصمة الشركة المصرف الطاقة الزراعة المياه الجامعة المستشفى الطريق الميناء المطار السوق العملة ' +
  'التضخم الاستثمار التجارة السياحة الثقافة الرياضة المحكمة الدستور الشرطة السلام الأمن اللاجئين المساعدات').split(' ');

/** Random words marked with the article's number: each article has a vocabulary of its own. */
const pick = (k: number, n: number) => Array.from({ length: k }, () => `${WORDS[Math.floor(Math.random() * WORDS.length)]}${n}`).join(' ');

/** A distinct article about Armenia: its own words, so no two are the same story (nor the same event). */
function article(n: number) {
  return {
    title: `أرمينيا: ${pick(5, n)} (${n})`,
    body: `يريفان - قالت الحكومة الأرمينية إن ${pick(25, n)}.\n\nوأضاف المتحدث أن ${pick(25, n)} في أرمينيا.`,
    url: `https://example.com/am/${n}`,
    outlet: 'وكالة الأنباء',
  };
}

describe('POST /articles through the real pipeline and delivery', () => {
  const prefix = testPrefix('http-pipeline');
  const metrics = createMetrics();
  let fake: FakeTelegram;
  let wiring: Wiring;
  let http: HttpServer;
  let base: string;
  let followers: number[];

  beforeAll(async () => {
    fake = await startFakeTelegram({ acceptAnyChat: true });
    wiring = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 1000, extra: { metrics: metrics.delivery } });
    metrics.trackQueues(wiring.delivery.stats);
    followers = await addFollowers(wiring.stores, 'country:AM', 500_000, 20);
    const logger = createLogger('silent');
    http = createHttpServer({
      articles: createArticlesRoute({ ingest: wiring.delivery.ingest, token: TOKEN, bodyLimitBytes: 1024 * 1024, logger }),
      health: createHealthCheck({ pingRedis: () => wiring.redis.ping(), stats: wiring.delivery.stats }),
      metrics,
      logger,
    });
    base = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;
  }, 60_000);
  afterAll(async () => {
    await http.close();
    await wiring.close();
    const redis = connectRedis();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await fake.close();
  }, 60_000);

  const post = (body: string, type = 'application/json', query = '') =>
    fetch(`${base}/articles${query}`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type } });
  const alertsTo = (chat: number) => fake.sent(chat).filter((s) => s.method === 'sendMessage');
  /** Until no send or fan-out job is waiting, delayed or running. */
  const drained = async (): Promise<void> => {
    for (let i = 0; i < 300; i++) {
      const { send, fanout } = await wiring.delivery.stats.queueDepths();
      if (send.waiting + send.active + send.delayed + fanout.waiting + fanout.active + fanout.delayed === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('delivery queues never drained');
  };

  it('alerts the followers of Armenia once, and a repeat is a 200 duplicate', async () => {
    const res = await post(fixtureText(), 'text/plain; charset=utf-8', '?url=https://example.com/news/armenia-withdrawal&outlet=روسيا اليوم');
    expect(res.status).toBe(202);
    const body = (await res.json()) as { articleId: string; recipients: number; topics: { id: string }[] };
    expect(body.recipients).toBe(20);
    expect(body.topics.map((t) => t.id)).toContain('country:AM');
    await fake.waitFor(() => followers.every((id) => alertsTo(id).length === 1), 15_000);
    const again = await post(fixtureText(), 'text/plain', '?url=https://example.com/news/armenia-withdrawal');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate', duplicateOf: { articleId: body.articleId } });
    await new Promise((r) => setTimeout(r, 300));
    expect(followers.every((id) => alertsTo(id).length === 1)).toBe(true);
  });

  it('escapes HTML and script in a title: followers read it as text', async () => {
    const res = await post(JSON.stringify({ ...article(1), title: '<script>alert(1)</script> <b>أرمينيا</b> & روسيا' }));
    expect(res.status).toBe(202);
    const alert = await fake.waitFor(() => alertsTo(followers[0]!).find((s) => (s.text ?? '').includes('<script>')), 15_000);
    expect(String(alert.params.text)).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;أرمينيا&lt;/b&gt; &amp; روسيا');
    // The only bold is our headline, which carries the title's tags as plain text.
    const text = alert.message?.text ?? '';
    const bold = (alert.message?.entities ?? []).filter((e) => e.type === 'bold').map((e) => text.slice(e.offset, e.offset + e.length));
    expect(bold).toEqual(['<script>alert(1)</script> <b>أرمينيا</b> & روسيا']);
  });

  it('accepts an article published long ago as 202 stale: stored and searchable, alerting no one', async () => {
    const old = { ...article(7), publishedAt: '1990-08-02T06:00:00Z', url: 'https://example.com/am/archive' };
    const res = await post(JSON.stringify(old));
    expect(res.status).toBe(202);
    const body = (await res.json()) as { status: string; articleId: string };
    expect(body.status).toBe('stale');
    expect(await wiring.stores.articles.get(body.articleId as never)).toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(followers.some((id) => alertsTo(id).some((s) => (s.text ?? '').includes('(7)')))).toBe(false);
  });

  it('keeps serving through a burst of valid and invalid requests, storing only the valid ones', async () => {
    const before = (await wiring.stores.articles.latest(undefined, 1000)).length;
    const requests = Array.from({ length: 200 }, (_, i) => {
      if (i % 4 === 1) return post('{"title": "أرمينيا", "body": ').then((r) => r.status);
      if (i % 4 === 2) return post(JSON.stringify({ title: 'أرمينيا' })).then((r) => r.status);
      if (i % 4 === 3) return post(JSON.stringify(article(1000 + i)), 'text/html').then((r) => r.status);
      return post(JSON.stringify(article(1000 + i))).then((r) => r.status);
    });
    const statuses = await Promise.all(requests);
    expect(statuses.filter((s) => s === 202)).toHaveLength(50);
    expect(statuses.filter((s) => s === 400)).toHaveLength(50);
    expect(statuses.filter((s) => s === 422)).toHaveLength(50);
    expect(statuses.filter((s) => s === 415)).toHaveLength(50);
    expect((await wiring.stores.articles.latest(undefined, 1000)).length - before).toBe(50);
    await fake.waitFor(() => followers.every((id) => alertsTo(id).length === 52), 30_000);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('tanbih_articles_ingested_total{status="queued"} 52');
    expect(text).toContain('tanbih_articles_ingested_total{status="duplicate"} 1');
    expect(text).toMatch(/tanbih_messages_total\{outcome="sent"\} 10[0-9]{2}/);
    expect(text).toMatch(/tanbih_queue_depth\{queue="send",state="waiting"\} \d+/);
  }, 60_000);

  it('keeps an article whose date is unreadable, warns in the 202 answer, and the alert says so', async () => {
    const res = await post(JSON.stringify({ ...article(2000), published: 'قبل قليل' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'queued', warnings: [{ code: 'unreadable-date', field: 'published', value: 'قبل قليل' }] });
    await fake.waitFor(() => followers.every((id) => alertsTo(id).length === 53), 30_000);
    expect(alertsTo(followers[0] ?? 0).at(-1)?.text).toContain('تعذّرت قراءة وقت النشر في المصدر؛ وصلنا الخبر');
  }, 60_000);

  it('reads a printed publishedAt instead of refusing it', async () => {
    const res = await post(JSON.stringify({ ...article(2001), publishedAt: 'نشر في 25.03.2023 11:08', timeZone: 'Asia/Beirut' }));
    expect(res.status).toBe(202);
    expect(await res.json()).not.toHaveProperty('warnings');
  });

  it('50 identical posts at once: one 202, 49 duplicates (200) naming the same article, one alert each', async () => {
    await drained(); // alerts of earlier tests still going out would be counted as ours
    const before = followers.map((id) => alertsTo(id).length);
    const same = JSON.stringify({ ...article(9000), title: 'أرمينيا تعلن فتح معبر حدودي جديد مع جورجيا' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(same).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string; articleId?: string; duplicateOf?: { articleId: string } } }))));
    const accepted = answers.filter((a) => a.status === 202);
    expect(accepted).toHaveLength(1);
    const id = accepted[0]!.body.articleId;
    const duplicates = answers.filter((a) => a.status === 200);
    expect(duplicates).toHaveLength(49);
    expect(duplicates.every((a) => a.body.status === 'duplicate' && a.body.duplicateOf?.articleId === id)).toBe(true);
    await fake.waitFor(() => followers.every((chat, i) => alertsTo(chat).length === before[i]! + 1), 30_000);
    // Drained: no send job left that could deliver a second copy.
    await drained();
    expect(followers.every((chat, i) => alertsTo(chat).length === before[i]! + 1)).toBe(true);
  }, 60_000);
});
