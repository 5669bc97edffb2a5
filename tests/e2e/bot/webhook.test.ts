/**
 * Webhook mode: the bot registers its URL with Telegram's secret token, answers updates
 * POSTed with the right X-Telegram-Bot-Api-Secret-Token header, and refuses the others.
 * The route is mounted on the process's one HTTP server, beside /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot/create-bot.js';
import { catalogFromMatcher } from '../../../src/bot/catalog.js';
import { createWebhook, type UpdatesSource } from '../../../src/bot/run-updates.js';
import { createHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createMetrics } from '../../../src/http/metrics.js';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createLogger } from '../../../src/logger.js';
import { DEFAULT_ZONE, wire, type Wiring } from '../../integration/delivery/harness.js';
import { type FakeTelegram, startFakeTelegram } from '../../../src/fake-telegram/index.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../../support/redis.js';

const SECRET = 'a-webhook-secret-of-enough-length';
const prefix = testPrefix('bot-webhook');
let fake: FakeTelegram;
let wiring: Wiring;
let source: UpdatesSource;
let http: HttpServer;
let port: number;

beforeAll(async () => {
  fake = await startFakeTelegram();
  wiring = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, workers: false });
  const logger = createLogger('silent');
  const bot = createBot(fake.token, {
    logger, clock: () => new Date(), stores: wiring.stores, catalog: catalogFromMatcher(wiring.matcher, builtinTopics()),
    ingest: wiring.delivery.ingest, broadcasts: wiring.delivery.broadcasts, stats: wiring.delivery.stats,
    adminIds: [], defaultTimeZone: DEFAULT_ZONE,
  }, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
  const webhook = createWebhook(bot, { url: 'https://bot.example.com/telegram/hook', secret: SECRET }, logger);
  http = createHttpServer({
    articles: async () => ({ status: 404, body: {} }), health: async () => ({ ok: true, checks: {} }),
    metrics: createMetrics(), logger, webhook: webhook.route,
  });
  port = (await http.listen(0, '127.0.0.1')).port;
  source = await webhook.start();
});
afterAll(async () => {
  await source.stop();
  await http.close();
  await wiring.close();
  const redis = connectRedis();
  await deleteKeys(redis, prefix);
  await redis.quit();
  await fake.close();
});

const post = (body: unknown, secret?: string) =>
  fetch(`http://127.0.0.1:${port}/telegram/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(body),
  });

describe('webhook mode', () => {
  it('registers the webhook with its secret token', () => {
    const call = fake.calls('setWebhook')[0];
    expect(call?.params.url).toBe('https://bot.example.com/telegram/hook');
    expect(call?.params.secret_token).toBe(SECRET);
  });

  it('answers an update that carries the secret', async () => {
    const reader = fake.user({ firstName: 'سلمى' });
    const chat = fake.privateChat(reader);
    const update = {
      update_id: 900001,
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat, from: reader, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] },
    };
    const response = await post(update, SECRET);
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(() => fake.sent(chat.id)[0]);
    expect(reply.text).toContain('تنبيه');
  });

  it('refuses updates without the secret or with a wrong one', async () => {
    expect((await post({ update_id: 900002 })).status).toBe(401);
    expect((await post({ update_id: 900003 }, 'wrong-secret-wrong-secret')).status).toBe(401);
  });
});
