import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asChatId, asTopicId, type ChatId } from '../../../src/core/ids.js';
import { keywordTopic } from '../../../src/core/keyword-topic.js';
import { alertReference } from '../../../src/core/render/alert-reference.js';
import { localMinuteOfDay } from '../../../src/core/schedule.js';
import { createRedisStores } from '../../../src/store/index.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../../support/redis.js';
import { DEFAULT_ZONE, fixtureInput, wire, type Wiring } from './harness.js';

const AM = asTopicId('country:AM');
const CAUCASUS = asTopicId('region:south-caucasus');
const FR = asTopicId('country:FR');
const prefix = testPrefix('delivery-alerts');
let fake: FakeTelegram;
let w: Wiring;
let nextId = 20_000_001;

/** Distinct Armenian stories (different stories, so that none is a duplicate of another). */
const STORIES = [
  ['يريفان تعلن موعد الانتخابات البرلمانية في أرمينيا', 'أعلنت اللجنة المركزية للانتخابات في أرمينيا اليوم أن الانتخابات البرلمانية ستجري في يونيو المقبل، وسط توتر سياسي متصاعد في يريفان بين الحكومة والمعارضة.'],
  ['أرمينيا توقع اتفاقية لاستيراد الغاز', 'وقعت وزارة الطاقة في أرمينيا اتفاقية جديدة لاستيراد الغاز الطبيعي لمدة عشر سنوات، قال مسؤولون إنها ستخفض فواتير الكهرباء على الأسر خلال الشتاء.'],
  ['زلزال بقوة خمس درجات يضرب شمال أرمينيا', 'ضرب زلزال بقوة خمس درجات على مقياس ريختر منطقة شيراك شمالي أرمينيا فجر اليوم، ولم ترد تقارير فورية عن إصابات أو أضرار في المباني السكنية.'],
  ['البنك المركزي في أرمينيا يخفض سعر الفائدة', 'قرر البنك المركزي في أرمينيا خفض سعر الفائدة الرئيسي بربع نقطة مئوية، مشيراً إلى تراجع التضخم في أرمينيا إلى أدنى مستوى منذ ثلاث سنوات.'],
  ['أرمينيا وأذربيجان تتفقان على ترسيم جزء من الحدود', 'اتفقت أرمينيا وأذربيجان على ترسيم أجزاء من الحدود بين البلدين بعد جولة مفاوضات جديدة، في خطوة وصفها مراقبون بأنها تاريخية للمنطقة.'],
  ['وزير خارجية أرمينيا يزور القاهرة لبحث التعاون', 'يبدأ وزير خارجية أرمينيا زيارة رسمية إلى القاهرة يبحث خلالها مع نظيره المصري توسيع التعاون الاقتصادي والسياحي وتسيير رحلات جوية مباشرة.'],
  ['حرائق غابات واسعة في جنوب أرمينيا', 'تكافح فرق الإطفاء في أرمينيا منذ ثلاثة أيام حرائق غابات واسعة في إقليم سيونيك الجنوبي، بعد موجة حر غير مسبوقة وجفاف طويل.'],
  ['جامعة يريفان الحكومية تطلق برنامجاً لتعليم اللغة العربية', 'أطلقت جامعة يريفان الحكومية في أرمينيا برنامجاً جديداً لتعليم اللغة العربية وآدابها، بالتعاون مع جامعات عربية، ويبدأ التسجيل فيه الشهر المقبل.'],
  ['افتتاح معرض للكتاب العربي في أرمينيا', 'افتتح في أرمينيا معرض للكتاب العربي بمشاركة دور نشر من لبنان ومصر وسوريا، ويستمر أسبوعاً كاملاً مع ندوات عن الترجمة والأدب.'],
] as const;
let story = 0;
/** The next unused story, as an input; `title` is what the alert must show. */
const armeniaNews = () => {
  const picked = STORIES[story++];
  if (!picked) throw new Error('test: add more STORIES');
  const [title, body] = picked;
  return { title, input: { kind: 'json' as const, json: { title, body, url: `https://example.org/armenia/${story}` } } };
};

/** A registered private chat (known to the fake) following `topics`. */
async function follower(...topics: ReturnType<typeof asTopicId>[]): Promise<ChatId> {
  const id = asChatId(nextId++);
  fake.registerChats([id]);
  await w.stores.chats.register({ id, type: 'private', language: 'ar' });
  for (const t of topics) await w.stores.subscriptions.follow(id, t);
  return id;
}

/** Lets queued work run. */
async function settle(ms = 600): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Sets the delivery clock `ms` before the next local minute boundary and returns that minute. */
function justBeforeMinute(ms = 1500): number {
  const boundary = Math.ceil((Date.now() + ms + 500) / 60_000) * 60_000;
  w.clock.now = boundary - ms;
  return localMinuteOfDay(new Date(boundary), DEFAULT_ZONE);
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 1000 });
});

afterAll(async () => {
  await w?.close();
  await fake?.close();
  const redis = connectRedis();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

describe('ingest and alerts', () => {
  it('alerts followers of Armenia and of South Caucasus once each, and nobody else', async () => {
    const armenia = await follower(AM);
    const caucasus = await follower(CAUCASUS);
    const both = await follower(AM, CAUCASUS);
    const france = await follower(FR);
    const gone = await follower(AM);
    await w.stores.chats.update(gone, { status: { kind: 'inactive', reason: 'blocked', since: Date.now() } });
    const paused = await follower(AM);
    await w.stores.chats.update(paused, { pausedUntil: Date.now() + 3_600_000 });

    const outcome = await w.delivery.ingest.ingest(fixtureInput());
    expect(outcome.status).toBe('queued');
    expect(outcome.topics.map((t) => t.topicId)).toEqual(expect.arrayContaining([AM, CAUCASUS, asTopicId('country:RU')]));
    expect(outcome.recipients).toBe(5);

    await fake.waitFor(() => [armenia, caucasus, both].every((c) => fake.sent(c).length > 0));
    await settle();
    for (const chat of [armenia, caucasus, both]) {
      const sent = fake.sent(chat);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.text).toContain('بوتين يوافق على سحب القوات الروسية من مناطق أرمينية');
      // The reader's copy names its article (its link): /why finds it with nothing kept per message.
      const ref = alertReference(sent[0]?.message.text ?? '', sent[0]?.message.entities ?? []);
      expect(await w.stores.articles.findForAlert(ref)).toBe(outcome.articleId);
    }
    for (const chat of [france, gone, paused]) expect(fake.sent(chat)).toHaveLength(0);
  });

  it('answers a duplicate by URL (tracking parameters aside) without alerting again', async () => {
    const chat = await follower(AM);
    const again = await w.delivery.ingest.ingest(fixtureInput('https://example.com/news/armenia-withdrawal?utm_source=tg'));
    expect(again.status).toBe('duplicate');
    expect(again.duplicateOf?.by).toBe('url');
    await settle();
    expect(fake.sent(chat)).toHaveLength(0);
  });

  it('answers another outlet’s copy of the same story as a duplicate and records the extra source', async () => {
    const chat = await follower(AM);
    const copy = await w.delivery.ingest.ingest({ ...fixtureInput('https://other-outlet.example/armenia'), outlet: 'سبوتنيك' });
    expect(copy.status).toBe('duplicate');
    expect(copy.duplicateOf?.by).toBe('story');
    await settle();
    expect(fake.sent(chat)).toHaveLength(0);
  });

  it('rejects an empty article with a reason and stores nothing', async () => {
    const outcome = await w.delivery.ingest.ingest({ kind: 'text', text: '   ' });
    expect(outcome.status).toBe('rejected');
    expect(outcome.reason).toMatch(/\w/);
    expect(outcome.articleId).toBeUndefined();
  });

  it('stores an article that matches no topic (for /latest) without sending it', async () => {
    const outcome = await w.delivery.ingest.ingest({
      kind: 'json',
      json: { title: 'ارتفاع أسعار القهوة في الأسواق العالمية', body: 'ارتفعت أسعار القهوة في الأسواق العالمية بنسبة كبيرة خلال الأسبوع الماضي بسبب الجفاف الذي ضرب مناطق الزراعة.', url: 'https://example.org/coffee' },
    });
    expect(outcome.status).toBe('no-match');
    expect(outcome.articleId && (await w.stores.articles.get(outcome.articleId))?.article.title).toContain('القهوة');
  });
});

describe('free keywords and statistics', () => {
  it('learns a keyword another process added and alerts its follower, without a restart', async () => {
    const made = keywordTopic('الطاقة الشمسية');
    if (!made.ok) throw new Error(made.error.code);
    const other = connectRedis();
    try {
      // Another process (its own connection and store) registers the keyword.
      await createRedisStores({ redis: other, prefix, clock: () => new Date() }).keywords.add(made.value);
    } finally {
      other.disconnect();
    }
    const fan = await follower(made.value.id);
    const deadline = Date.now() + 5000;
    while (!w.matcher.get(made.value.id) && Date.now() < deadline) await settle(20);
    const outcome = await w.delivery.ingest.ingest({
      kind: 'json',
      json: { title: 'افتتاح أكبر محطة للطاقة الشمسية في المنطقة', body: 'افتُتحت اليوم أكبر محطة للطاقة الشمسية في المنطقة بقدرة ألفي ميغاواط، وقال مسؤولون إن الطاقة الشمسية ستغطي ربع الاستهلاك بحلول نهاية العقد.', url: 'https://example.org/solar' },
    });
    expect(outcome.topics.map((t) => t.topicId)).toContain(made.value.id);
    const sent = await fake.waitFor(() => fake.sent(fan)[0]);
    expect(sent.text).toContain('الطاقة الشمسية');
  });

  it('reports messages and alerts of the last 24 h, queue depths and the send rate', async () => {
    const stats = w.delivery.stats;
    const day = await stats.last24h();
    expect(day.alerts).toBeGreaterThan(0);
    expect(day.messages).toBeGreaterThan(0);
    const depths = await stats.queueDepths();
    expect(depths.send).toMatchObject({ waiting: expect.any(Number), delayed: expect.any(Number), active: expect.any(Number), failed: expect.any(Number) });
    expect(await stats.currentSendRate()).toBeGreaterThan(0);
    expect(Array.isArray(await stats.lastErrors(5))).toBe(true);
  });
});

describe('Telegram refusals', () => {
  it('marks a chat that blocked the bot inactive and keeps its subscriptions', async () => {
    const blocked = await follower(AM);
    const fine = await follower(AM);
    fake.faults.forbid(blocked, 'blocked');
    await w.delivery.ingest.ingest(armeniaNews().input);
    await fake.waitFor(() => fake.sent(fine)[0]);
    await settle();
    const chat = await w.stores.chats.get(blocked);
    expect(chat?.status).toMatchObject({ kind: 'inactive', reason: 'blocked' });
    expect(await w.stores.subscriptions.topicsOf(blocked)).toContain(AM);
  });

  it('marks a chat Telegram no longer knows inactive (chat not found), without retrying', async () => {
    const unknown = asChatId(nextId++);
    await w.stores.chats.register({ id: unknown, type: 'private', language: 'ar' });
    await w.stores.subscriptions.follow(unknown, AM);
    const fine = await follower(AM);
    await w.delivery.ingest.ingest(armeniaNews().input);
    await fake.waitFor(() => fake.sent(fine)[0]);
    await settle();
    expect((await w.stores.chats.get(unknown))?.status).toMatchObject({ kind: 'inactive', reason: 'chat-not-found' });
    expect(fake.calls('sendMessage').filter((c) => c.params.chat_id === unknown)).toHaveLength(1);
  });

  it('retries server errors and dropped connections with backoff until the alert goes through', async () => {
    const chat = await follower(AM);
    fake.faults.serverError({ nextCalls: 1 });
    fake.faults.dropConnections({ nextCalls: 1 });
    const news = armeniaNews();
    await w.delivery.ingest.ingest(news.input);
    const sent = await fake.waitFor(() => fake.sent(chat)[0], 10_000);
    expect(sent.text).toContain(news.title);
    await settle();
    expect(fake.sent(chat)).toHaveLength(1);
  }, 20_000);

  it('follows a group’s move to a supergroup and delivers there', async () => {
    const group = fake.group({ title: 'أخبار القوقاز' });
    const supergroup = -1_009_000_000_001;
    fake.faults.migrate(group.id, supergroup);
    await w.stores.chats.register({ id: asChatId(group.id), type: 'group', title: 'أخبار القوقاز' });
    await w.stores.subscriptions.follow(asChatId(group.id), AM);
    const news = armeniaNews();
    await w.delivery.ingest.ingest(news.input);
    const sent = await fake.waitFor(() => fake.sent(supergroup)[0], 5000);
    expect(sent.text).toContain(news.title);
    expect(await w.stores.subscriptions.topicsOf(asChatId(supergroup))).toContain(AM);
  });
});

describe('quiet hours and digests', () => {
  it('holds alerts during quiet hours and delivers them when the window ends: one alert as is, several grouped', async () => {
    const sleeper = await follower(AM);
    const heavySleeper = await follower(AM);
    const end = justBeforeMinute(3000);
    const quietHours = { fromMinute: (end + 1439) % 1440, toMinute: end };
    await w.stores.chats.update(sleeper, { quietHours });
    await w.stores.chats.update(heavySleeper, { quietHours });
    await w.stores.subscriptions.unfollow(sleeper, AM);
    try {
      const first = armeniaNews();
      expect((await w.delivery.ingest.ingest(first.input)).status).toBe('queued');
      await settle(500); // the first article's fan-out is done before the sleeper follows again
      await w.stores.subscriptions.follow(sleeper, AM);
      const second = armeniaNews();
      expect((await w.delivery.ingest.ingest(second.input)).status).toBe('queued');
      await settle(500);
      expect(fake.sent(sleeper)).toHaveLength(0);
      expect(fake.sent(heavySleeper)).toHaveLength(0);
      const held = await fake.waitFor(() => fake.sent(sleeper)[0], 5000);
      expect(held.text).toContain(second.title);
      expect(held.text).not.toContain('ملخص');
      const grouped = await fake.waitFor(() => fake.sent(heavySleeper)[0], 5000);
      expect(grouped.text).toContain('ملخص الأخبار (2)');
      expect(grouped.text).toContain(first.title);
      expect(grouped.text).toContain(second.title);
    } finally {
      w.clock.now = 0;
    }
  });

  it('collects a digest chat’s alerts into one message per period, grouped by topic', async () => {
    const reader = await follower(AM);
    await w.stores.chats.update(reader, { delivery: { kind: 'hourly' } });
    const titles: string[] = [];
    const boundary = Math.ceil((Date.now() + 2000) / 3_600_000) * 3_600_000;
    w.clock.now = boundary - 1500;
    try {
      for (const news of [armeniaNews(), armeniaNews()]) {
        titles.push(news.title);
        expect((await w.delivery.ingest.ingest(news.input)).status).toBe('queued');
      }
    } finally {
      w.clock.now = 0;
    }
    // The queued job's delay comes from the delivery clock: the period closes 1.5 s later in real time.
    const digest = await fake.waitFor(() => fake.sent(reader)[0], 5000);
    await settle();
    expect(fake.sent(reader)).toHaveLength(1);
    expect(digest.text).toContain('ملخص الأخبار (2)');
    expect(digest.text).toContain('أرمينيا');
    for (const title of titles) expect(digest.text).toContain(title);
  });
});
