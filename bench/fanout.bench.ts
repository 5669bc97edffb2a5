/**
 * Fan-out: time to plan and enqueue one alert for 100,000 followers (until the article's queued
 * counter covers them all: they sit in chunk jobs sized by the send rate), and Redis bytes per
 * subscription and per queued send (per recipient) (MEMORY USAGE of the keys involved, under a bench prefix
 * that is deleted afterwards). `npm run -s bench -- fanout --json [--recipients N]`
 *
 * Then what stays in Redis per delivered recipient: every recipient's send is recorded as the
 * sender records it (ledger.record: sent marker, counters, rate statistics; /why reads the alert
 * itself, so nothing else is kept per message) and those keys are measured
 * (`bytesPerDeliveredRecipient`, by part, as right after the sends). After a day of sending at a
 * steady rate only the markers of the last TTL seconds are still there (the TTL read from Redis), the
 * rest all of the day's: `bytesPerDeliveredAfterADay` = marker bytes × min(1, TTL / 1 day) + the
 * rest, `before` with the 8-day markers of before, `after` with the TTL measured.
 */
import { randomBytes } from 'node:crypto';
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import { builtinTopics } from '../src/core/catalog.js';
import { asChatId, asTopicId, type ArticleId } from '../src/core/ids.js';
import { createMatcher } from '../src/core/matcher.js';
import { prepareArticle } from '../src/core/pipeline.js';
import { renderAlert } from '../src/core/render/alert.js';
import { createDelivery } from '../src/delivery/create-delivery.js';
import { createLedger } from '../src/delivery/ledger.js';
import { createLogger } from '../src/logger.js';
import { createRedisStores } from '../src/store/index.js';
import { bullPrefix } from '../src/store/keys.js';
import { readFileSync } from 'node:fs';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ZONE = 'Asia/Riyadh';
const clock = (): Date => new Date();

async function keysUnder(redis: Redis, pattern: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    out.push(...keys);
  } while (cursor !== '0');
  return out;
}

async function bytesOf(redis: Redis, keys: readonly string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < keys.length; i += 500) {
    const pipe = redis.pipeline();
    for (const key of keys.slice(i, i + 500)) pipe.memory('USAGE', key, 'SAMPLES', 0);
    for (const [, n] of (await pipe.exec()) ?? []) total += Number(n ?? 0);
  }
  return total;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const i = args.indexOf('--recipients');
  const recipients = i >= 0 ? Number(args[i + 1]) : 100_000;
  // As long as the default prefix `tanbih`, so that key names weigh what they would in production.
  const prefix = `bf${randomBytes(2).toString('hex')}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const stores = createRedisStores({ redis, prefix, clock, defaultTimeZone: ZONE });
  const matcher = createMatcher(builtinTopics());
  const topic = asTopicId('country:AM');
  try {
    for (let c = 0; c < recipients; c += 1000) {
      await Promise.all(Array.from({ length: Math.min(1000, recipients - c) }, async (_, j) => {
        const id = asChatId(100_000_001 + c + j);
        await stores.chats.register({ id, type: 'private', language: 'ar' });
        await stores.subscriptions.follow(id, topic);
      }));
    }
    const subscriptionKeys = [stores.keys.topicBuckets(topic), stores.keys.topTopics(), ...(await keysUnder(redis, `${prefix}:s:*`)), ...(await keysUnder(redis, `${prefix}:f:*`))];
    const bytesPerSubscription = (await bytesOf(redis, subscriptionKeys)) / recipients;

    const delivery = await createDelivery({
      redis,
      prefix,
      api: new Api('1:bench'),
      stores,
      matcher,
      prepare: (input, now) => prepareArticle(input, { now, defaultTimeZone: ZONE, matcher }),
      renderAlert,
      clock,
      logger: createLogger('silent'),
      sendRatePerSec: 25,
      paidBroadcast: false,
      // The canonical fixture is a 2024 article, fanned out here as fresh news.
      staleAfterHours: 20 * 365 * 24,
      workers: { fanout: true, send: false },
    });
    await delivery.ready();
    const text = readFileSync(new URL('../tests/fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');
    const started = performance.now();
    const outcome = await delivery.ingest.ingest({ kind: 'text', text, url: 'https://example.com/bench/armenia' });
    if (outcome.status !== 'queued') throw new Error(`bench: ingest said ${outcome.status}`);
    // Every recipient is in a queued send job once the article's queued counter reaches them all.
    const ledger = createLedger(redis, stores.keys);
    while ((await ledger.articleCounters(outcome.articleId as ArticleId)).queued < recipients) await new Promise((r) => setTimeout(r, 20));
    const enqueueSeconds = (performance.now() - started) / 1000;
    await delivery.close();

    const sendKeys = await keysUnder(redis, `${bullPrefix(prefix)}:send:*`);
    const bytesPerQueuedSend = (await bytesOf(redis, sendKeys)) / recipients;

    // Every recipient delivered, recorded as the sender records it, 1,000 a second of (fake) time.
    const subject = { k: 'a' as const, id: outcome.articleId as ArticleId };
    const t0 = Date.now();
    for (let c = 0; c < recipients; c += 1000) {
      await Promise.all(Array.from({ length: Math.min(1000, recipients - c) }, async (_, j) => {
        const chat = asChatId(100_000_001 + c + j);
        await ledger.record(subject, chat, 'sent', t0 + c);
      }));
    }
    const marker = stores.keys.sentArticle(subject.id);
    const markerBytes = await bytesOf(redis, [marker]);
    const ledgerBytes = await bytesOf(redis, await keysUnder(redis, `${prefix}:d:*`));
    const markerTtlSec = await redis.ttl(marker);
    const DAY = 86_400;
    const per = (bytes: number): number => Number((bytes / recipients).toFixed(1));
    const afterADay = (ttlSec: number): number => per(markerBytes * Math.min(1, ttlSec / DAY) + (ledgerBytes - markerBytes));
    return {
      recipients,
      enqueueSeconds: Number(enqueueSeconds.toFixed(2)),
      bytesPerSubscription: Math.round(bytesPerSubscription),
      bytesPerQueuedSend: Math.round(bytesPerQueuedSend),
      bytesPerDeliveredRecipient: { sentMarker: per(markerBytes), otherLedger: per(ledgerBytes - markerBytes) },
      markerTtlSec,
      // `withEightDayMarkers`: the same keys had the markers still lived 8 days, as they once did.
      bytesPerDeliveredAfterADay: { withEightDayMarkers: afterADay(8 * DAY), now: afterADay(markerTtlSec) },
    };
  } finally {
    for (const key of [...await keysUnder(redis, `${prefix}:*`), ...await keysUnder(redis, `${bullPrefix(prefix)}:*`)]) await redis.unlink(key);
    redis.disconnect();
  }
}
