/**
 * Ingest-to-alert latency: the time from `POST /articles` to the first alert reaching the
 * fake Bot API, with N followers, over M articles (one at a time, each fully delivered
 * before the next). Everything real but Telegram: HTTP server, pipeline, Redis, BullMQ,
 * sender. `npm run -s bench -- latency --json [--followers 1000] [--articles 200]`
 * → `{followers, p50Ms, p99Ms}`.
 */
import { randomBytes } from 'node:crypto';
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import { bullPrefix } from '../src/store/keys.js';
import { builtinTopics } from '../src/core/catalog.js';
import { asChatId, asTopicId } from '../src/core/ids.js';
import { createMatcher } from '../src/core/matcher.js';
import { prepareArticle } from '../src/core/pipeline.js';
import { renderAlert } from '../src/core/render/alert.js';
import { createDelivery, type Delivery } from '../src/delivery/create-delivery.js';
import { createArticlesRoute } from '../src/http/articles-route.js';
import { createHealthCheck } from '../src/http/health.js';
import { createMetrics } from '../src/http/metrics.js';
import { createHttpServer } from '../src/http/server.js';
import { createLogger } from '../src/logger.js';
import { createRedisStores, type RedisStores } from '../src/store/index.js';
import { startFakeTelegram, type FakeTelegram } from '../src/fake-telegram/index.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ZONE = 'Asia/Riyadh';
const TOKEN = 'bench-ingest-token-0123456789abcdef';
const clock = (): Date => new Date();

export interface Stack {
  readonly fake: FakeTelegram;
  readonly redis: Redis;
  readonly stores: RedisStores;
  readonly delivery: Delivery;
  readonly prefix: string;
  close(): Promise<void>;
}

/** The app as main.ts wires it (worker role), against the fake Bot API and a bench prefix. */
export async function startStack(name: string, sendRatePerSec: number): Promise<Stack> {
  const fake = await startFakeTelegram({ acceptAnyChat: true });
  const prefix = `bench-${name}-${randomBytes(3).toString('hex')}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const stores = createRedisStores({ redis, prefix, clock, defaultTimeZone: ZONE });
  const matcher = createMatcher(builtinTopics());
  const delivery = await createDelivery({
    redis, prefix, api: new Api(fake.token, { apiRoot: fake.apiRoot }), stores, matcher,
    prepare: (input, now) => prepareArticle(input, { now, defaultTimeZone: ZONE, matcher }),
    renderAlert, clock, logger: createLogger('silent'), sendRatePerSec, paidBroadcast: sendRatePerSec > 30,
    // The canonical fixture is a 2024 article, delivered here as fresh news.
    staleAfterHours: 20 * 365 * 24,
  });
  await delivery.ready();
  return {
    fake, redis, stores, delivery, prefix,
    async close() {
      await delivery.close();
      // The store's keys and BullMQ's (under the hash-tagged prefix).
      for (const under of [prefix, bullPrefix(prefix)]) {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${under}:*`, 'COUNT', 5000);
          cursor = next;
          if (keys.length > 0) await redis.unlink(...keys);
        } while (cursor !== '0');
      }
      await redis.quit();
      await fake.close();
    },
  };
}

/** Registers `count` private chats from `first`, each following `topic`. */
export async function addFollowers(stores: RedisStores, topic: string, first: number, count: number): Promise<void> {
  for (let c = 0; c < count; c += 1000) {
    await Promise.all(Array.from({ length: Math.min(1000, count - c) }, async (_, j) => {
      const id = asChatId(first + c + j);
      await stores.chats.register({ id, type: 'private', language: 'ar' });
      await stores.subscriptions.follow(id, asTopicId(topic));
    }));
  }
}

const WORDS = ('الحكومة البرلمان الاقتصاد النفط الحدود الجيش المفاوضات الرئيس الوزير الانتخابات الميزانية المعارضة الاتفاق ' +
  'القمة العاصمة الشركة المصرف الطاقة الزراعة المياه الجامعة المستشفى الطريق الميناء المطار السوق العملة التضخم').split(' ');
/** Random words marked with the article's number: each article has a vocabulary of its own, so none joins another's story. */
const words = (k: number, n: number) => Array.from({ length: k }, () => `${WORDS[Math.floor(Math.random() * WORDS.length)]}${n}`).join(' ');

const flag = (args: string[], name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const followers = flag(args, '--followers', 1000);
  const articles = flag(args, '--articles', 200);
  const stack = await startStack('latency', 1000);
  const logger = createLogger('silent');
  const http = createHttpServer({
    articles: createArticlesRoute({ ingest: stack.delivery.ingest, token: TOKEN, bodyLimitBytes: 1024 * 1024, logger }),
    health: createHealthCheck({ pingRedis: () => stack.redis.ping() }),
    metrics: createMetrics(),
    logger,
  });
  try {
    await addFollowers(stack.stores, 'country:AM', 200_000_001, followers);
    const { port } = await http.listen(0, '127.0.0.1');
    const latencies: number[] = [];
    for (let n = 0; n < articles; n++) {
      const marker = `(${n}-${randomBytes(2).toString('hex')})`;
      const body = JSON.stringify({
        title: `أرمينيا: ${words(5, n)} ${marker}`,
        body: `يريفان - قالت الحكومة الأرمينية إن ${words(25, n)}.\n\nوأضاف المتحدث أن ${words(25, n)} في أرمينيا.`,
        url: `https://example.com/bench/${marker}`,
      });
      stack.fake.reset();
      const started = Date.now();
      const res = await fetch(`http://127.0.0.1:${port}/articles`, {
        method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      });
      const answer = await res.text();
      if (res.status !== 202 || !answer.includes('"queued"')) throw new Error(`POST /articles answered ${res.status}: ${answer}`);
      const first = await stack.fake.waitFor(() => stack.fake.calls('sendMessage').find((c) => c.response?.ok), 30_000);
      latencies.push(first.at - started);
      // Each article is delivered in full before the next: the figure is latency, not backlog.
      await stack.fake.waitFor(() => stack.fake.calls('sendMessage').filter((c) => c.response?.ok).length >= followers, 60_000);
    }
    const sorted = latencies.toSorted((a, b) => a - b);
    return { followers, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
  } finally {
    await http.close();
    await stack.close();
  }
}
