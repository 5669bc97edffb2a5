import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { asArticleId, asTopicId } from '../../../src/core/ids.js';
import type { ArticleInput } from '../../../src/core/input.js';
import type { IngestOutcome, IngestService } from '../../../src/delivery/ports.js';
import { createLogger } from '../../../src/logger.js';
import { createArticlesRoute } from '../../../src/http/articles-route.js';
import { createHealthCheck } from '../../../src/http/health.js';
import { createMetrics } from '../../../src/http/metrics.js';
import { createHttpServer, type HttpServer } from '../../../src/http/server.js';
import { connectRedis } from '../../support/redis.js';

const TOKEN = 'test-ingest-token-0123456789abcdef';
const armenia = { topicId: asTopicId('country:AM'), kind: 'country' as const, name: { ar: 'أرمينيا', en: 'Armenia' }, score: 5, evidence: [], path: [asTopicId('country:AM')] };

/** Stands in for the pipeline: remembers what it was given; a URL seen before is a duplicate. */
function stubIngest(): IngestService & { stored: ArticleInput[]; down: boolean } {
  const seen = new Set<string>();
  return {
    stored: [],
    down: false,
    async ingest(input) {
      if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      const key = input.url ?? JSON.stringify(input);
      if (seen.has(key)) return { status: 'duplicate', topics: [], recipients: 0, duplicateOf: { by: 'url', articleId: asArticleId('a1') } } satisfies IngestOutcome;
      seen.add(key);
      this.stored.push(input);
      return { status: 'queued', articleId: asArticleId(`a${this.stored.length}`), topics: [armenia], recipients: 3 };
    },
    async preview() {
      throw new Error('not used');
    },
  };
}

const article = (n: number) => ({
  title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية',
  body: 'وافق الرئيس الروسي فلاديمير بوتين على سحب القوات الروسية من عدة مناطق في أرمينيا، بحسب ما نقلت وكالة إنترفاكس.',
  url: `https://example.com/news/${n}`,
  outlet: 'الوكالة',
});

describe('POST /articles, /healthz and /metrics', () => {
  const ingest = stubIngest();
  const metrics = createMetrics();
  let redis: Redis;
  let http: HttpServer;
  let base: string;
  let redisUp = true;

  beforeAll(async () => {
    redis = connectRedis();
    const logger = createLogger('silent');
    http = createHttpServer({
      articles: createArticlesRoute({ ingest, token: TOKEN, bodyLimitBytes: 1024 * 1024, isAvailable: () => redisUp, logger }),
      health: createHealthCheck({ pingRedis: () => (redisUp ? redis.ping() : Promise.reject(new Error('down'))) }),
      metrics,
      logger,
    });
    const { port } = await http.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await http.close();
    redis.disconnect();
  });

  const post = (body: NonNullable<RequestInit['body']>, headers: Record<string, string> = {}, duplex?: 'half') =>
    fetch(`${base}/articles`, {
      method: 'POST',
      body,
      ...(duplex ? { duplex } : {}),
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    });

  it('accepts a valid Arabic article with 202, its id, topics and audience', async () => {
    const res = await post(JSON.stringify(article(1)));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'queued', articleId: 'a1', recipients: 3, topics: [{ id: 'country:AM', name: { ar: 'أرمينيا' } }] });
    expect(ingest.stored.at(-1)).toMatchObject({ kind: 'json', url: 'https://example.com/news/1', outlet: 'الوكالة' });
  });

  it('answers 200 for a duplicate and stores nothing more', async () => {
    const before = ingest.stored.length;
    const res = await post(JSON.stringify(article(1)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'duplicate', duplicateOf: { by: 'url' } });
    expect(ingest.stored.length).toBe(before);
  });

  it('takes text/plain with its context in the query string', async () => {
    const text = 'الخميس 9 مايو 2024 / 16:19\nبوتين يوافق على سحب القوات الروسية من مناطق أرمينية\nوافق الرئيس الروسي على سحب القوات.';
    const res = await fetch(`${base}/articles?url=https://example.com/text&tz=Asia/Yerevan`, {
      method: 'POST', body: text, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(res.status).toBe(202);
    expect(ingest.stored.at(-1)).toEqual({ kind: 'text', text, url: 'https://example.com/text', timeZone: 'Asia/Yerevan' });
  });

  it('refuses a missing or wrong token with 401 and stores nothing', async () => {
    const before = ingest.stored.length;
    const missing = await fetch(`${base}/articles`, { method: 'POST', body: JSON.stringify(article(2)), headers: { 'content-type': 'application/json' } });
    const wrong = await post(JSON.stringify(article(2)), { authorization: `Bearer ${TOKEN.slice(0, -1)}x` });
    const basic = await post(JSON.stringify(article(2)), { authorization: `Basic ${TOKEN}` });
    for (const res of [missing, wrong, basic]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({ error: 'missing or wrong bearer token' });
    }
    expect(ingest.stored.length).toBe(before);
  });

  it('names the problem: malformed JSON 400, invalid UTF-8 400, wrong type 415, bad fields 422', async () => {
    const before = ingest.stored.length;
    const cases: [Response, number, RegExp][] = [
      [await post('{"title": "أرمينيا", "body": '), 400, /malformed JSON/],
      [await post(Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xd8, 0xff, 0xfe, 0x22, 0x7d])), 400, /UTF-8/],
      [await post('<p>أرمينيا</p>', { 'content-type': 'text/html' }), 415, /application\/json or text\/plain/],
      [await post(JSON.stringify(article(3)), { 'content-type': 'application/json; charset=windows-1256' }), 415, /UTF-8/],
      [await post(JSON.stringify({ title: 'أرمينيا' })), 422, /body/],
      [await post(JSON.stringify({ ...article(3), url: 'javascript:alert(1)' })), 422, /url/],
      [await post(JSON.stringify({ ...article(3), publishedAt: { day: 9 } })), 422, /publishedAt/],
      [await post(JSON.stringify({ ...article(3), extra: 1 })), 422, /extra/],
      [await post('[]'), 422, /body/],
    ];
    for (const [res, status, reason] of cases) {
      expect(res.status).toBe(status);
      expect((await res.json()) as { error: string }).toMatchObject({ error: expect.stringMatching(reason) });
    }
    expect(ingest.stored.length).toBe(before);
  });

  it('refuses a 5 MB body with 413 and keeps serving', async () => {
    const huge = JSON.stringify({ ...article(4), body: 'أ'.repeat(2_500_000) });
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'body larger than 1048576 bytes' });
    const chunked = await post(new Blob([huge]).stream(), {}, 'half');
    expect(chunked.status).toBe(413);
    expect(ingest.stored.some((i) => i.url === 'https://example.com/news/4')).toBe(false);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('passes a title with HTML and script as plain text, for the renderer to escape', async () => {
    const title = '<script>alert("x")</script><b>أرمينيا</b> & روسيا';
    const res = await post(JSON.stringify({ ...article(5), title }));
    expect(res.status).toBe(202);
    expect(ingest.stored.at(-1)).toMatchObject({ kind: 'json', json: { title } });
  });

  it('answers 503 while Redis is unreachable, and again 202 once it is back', async () => {
    redisUp = false;
    const res = await post(JSON.stringify(article(6)));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    redisUp = true;
    ingest.down = true;
    expect((await post(JSON.stringify(article(6)))).status).toBe(503);
    ingest.down = false;
    expect((await post(JSON.stringify(article(6)))).status).toBe(202);
  });

  it('survives 1,000 requests in a burst, each answered correctly', async () => {
    const before = ingest.stored.length;
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        if (i % 4 === 1) return post(JSON.stringify(article(1000 + i)), { authorization: 'Bearer nope' }).then((r) => r.status);
        if (i % 4 === 2) return post('{not json').then((r) => r.status);
        return post(JSON.stringify(article(1000 + i))).then((r) => r.status);
      }),
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(500);
    expect(statuses.filter((s) => s === 401)).toHaveLength(250);
    expect(statuses.filter((s) => s === 400)).toHaveLength(250);
    expect(ingest.stored.length - before).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('reports health as JSON: Redis answering', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ ok: true, checks: { redis: { ok: true } } });
  });

  it('exposes counters in the Prometheus text format', async () => {
    metrics.delivery.ingested('queued');
    metrics.delivery.ingested('duplicate');
    metrics.delivery.sendFinished('sent', 40);
    metrics.delivery.sendFinished('blocked', 30);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('tanbih_articles_ingested_total{status="queued"} 1');
    expect(text).toContain('tanbih_articles_matched_total 1');
    expect(text).toContain('tanbih_articles_deduplicated_total 1');
    expect(text).toContain('tanbih_messages_total{outcome="blocked"} 1');
    expect(text).toContain('tanbih_send_latency_seconds_count 2');
  });

  it('answers 404 and 405 outside its routes', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/articles`)).status).toBe(405);
  });
});
