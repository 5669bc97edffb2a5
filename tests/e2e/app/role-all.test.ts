/**
 * Role `all`, in process: one app runs the bot, the workers and the progress reporter. An
 * admin's broadcast goes out and its progress message, posted by the bot, is taken over by
 * the reporter of the same process and ends on the final report; a feed added with /feeds
 * gets its job scheduler at once.
 */
import { randomBytes } from 'node:crypto';
import type { InlineKeyboardButton } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config.js';
import { driveUser, type UserDriver } from '../../../src/fake-telegram/driver.js';
import { type FakeTelegram, startFakeTelegram } from '../../../src/fake-telegram/index.js';
import { createFeedSchedules } from '../../../src/jobs/feed-schedules.js';
import { createLogger } from '../../../src/logger.js';
import { type App, startApp } from '../../../src/main.js';
import { createRedisStores } from '../../../src/store/index.js';
import { bullPrefix } from '../../../src/store/keys.js';
import { bullConnection, connectRedis, deleteKeys, REDIS_TARGET, REDIS_URL } from '../../support/redis.js';

// REDIS_PREFIX allows no ':' (testPrefix has them): a prefix of the same kind, by hand.
const prefix = `t-app-role-all-${randomBytes(3).toString('hex')}`;
let fake: FakeTelegram;
let app: App;
let admin: UserDriver;

beforeAll(async () => {
  fake = await startFakeTelegram();
  admin = driveUser(fake, { firstName: 'هالة' });
  const token = `${fake.botInfo.id}:AAE_a_real_looking_token_for_the_fake_api`;
  const config = createConfig({
    BOT_TOKEN: token, TELEGRAM_API_ROOT: fake.apiRoot, REDIS_URL, REDIS_PREFIX: prefix, HTTP_PORT: '0',
    // In the cluster project the whole app runs on the test cluster.
    ...(REDIS_TARGET.kind === 'cluster' ? { REDIS_CLUSTER_NODES: REDIS_TARGET.nodes.map((n) => `${n.host}:${n.port}`).join(',') } : {}),
    ADMIN_IDS: String(admin.user.id), SEND_RATE_PER_SEC: '25',
  });
  app = await startApp({ ...config, botToken: token }, 'all', createLogger('silent'));
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await fake.close();
  const redis = connectRedis();
  await deleteKeys(redis, prefix);
  await redis.quit();
}, 60_000);

const text = (messageId: number): string => fake.message(admin.chat.id, messageId)?.text ?? '';
const buttonWith = (messageId: number, label: string): string => {
  const buttons = (fake.message(admin.chat.id, messageId)?.reply_markup?.inline_keyboard.flat() ?? []) as InlineKeyboardButton[];
  const found = buttons.find((b) => b.text.includes(label));
  if (!found) throw new Error(`no button "${label}" on ${messageId}: ${buttons.map((b) => b.text).join(' | ')}`);
  return found.text;
};

describe('--role all', () => {
  it('a broadcast\'s progress message, posted by the bot, ends on the final report from the same process', async () => {
    const readers = [driveUser(fake, { firstName: 'سامي' }), driveUser(fake, { firstName: 'نور' })];
    for (const reader of readers) expect((await reader.say('/start', 20_000)).text).toContain('أهلًا بك');
    await admin.say('/start', 20_000);

    await admin.say('/broadcast');
    const seen = admin.inbox().length;
    admin.send('عاجل: بوتين يوافق على سحب القوات الروسية من مناطق أرمينية');
    const panel = await fake.waitFor(() => admin.inbox().slice(seen).find((m) => m.text?.includes('الجمهور')), 10_000);
    await admin.tap(panel.messageId, buttonWith(panel.messageId, 'أرسل إلى'));
    const progress = await fake.waitFor(() => admin.inbox().find((m) => m.text?.includes('جارٍ')), 10_000);
    await fake.waitFor(() => text(progress.messageId).includes('اكتمل البث'), 20_000);
    expect(text(progress.messageId)).toContain('(من 3)');
    for (const reader of readers) await fake.waitFor(() => fake.sent(reader.chat.id).find((m) => m.method === 'copyMessage'), 10_000);
  });

  it('a feed added with /feeds add is scheduled at once (its poll job needs no sync)', async () => {
    const redis = connectRedis();
    const schedules = createFeedSchedules({ feeds: createRedisStores({ redis, prefix, clock: () => new Date() }).feeds, connection: bullConnection, prefix: bullPrefix(prefix) });
    try {
      expect((await admin.say('/feeds add http://127.0.0.1:9/feed.xml | أخبار يريفان | Asia/Yerevan | 10')).text).toContain('أُضيف المصدر: أخبار يريفان');
      expect(await schedules.scheduled()).toEqual([expect.objectContaining({ everyMs: 600_000 })]);
    } finally {
      await schedules.close();
      await redis.quit();
    }
  });
});
