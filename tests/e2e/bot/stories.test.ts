/**
 * One event, one alert: three outlets tell the Turkey–Syria earthquake a minute apart (real
 * articles, tests/fixtures/stories); each follower gets one alert, /latest lists the story once
 * with the two other outlets, and a higher death toll comes as one more alert, marked as an update.
 * An old article re-published by a feed is stored but alerts no one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat } from 'grammy/types';
import { asChatId, asTopicId } from '../../../src/core/ids.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { storyArticles } from '../../unit/story/pairs-support.js';

let h: BotHarness;
let readers: Chat[];
const TR = asTopicId('country:TR');
const started = Date.now();

/** The fixture article `id` as a JSON input published `minute` minutes after the test began. */
function input(id: string, minute: number) {
  const a = storyArticles.find((x) => x.id === id);
  if (!a) throw new Error(`no fixture article ${id}`);
  return { kind: 'json' as const, json: { title: a.title, body: a.body, url: a.url, outlet: a.outlet, publishedAt: new Date(started + minute * 60_000).toISOString() } };
}

const alertsTo = (chat: Chat) => h.sentTo(chat).filter((m) => m.text.includes('زلزال') && m.text.includes('🔗'));

beforeAll(async () => {
  h = await startBotHarness('bot-stories', { staleAfterHours: 36 });
  readers = [h.fake.privateChat(h.fake.user({ firstName: 'سلمى' })), h.fake.privateChat(h.fake.user({ firstName: 'عمر' }))];
  for (const chat of readers) {
    await h.say(chat, '/start');
    await h.wiring.stores.subscriptions.follow(asChatId(chat.id), TR);
  }
});
afterAll(() => h.close());

describe('one event told by three outlets', () => {
  it('alerts each follower once; the other outlets join the story', async () => {
    const first = await h.wiring.delivery.ingest.ingest(input('quake-tr-alain', 0));
    expect(first.status).toBe('queued');
    const second = await h.wiring.delivery.ingest.ingest(input('quake-tr-alyaoum24', 1));
    const third = await h.wiring.delivery.ingest.ingest(input('quake-tr-rudaw', 2));
    expect([second.status, third.status]).toEqual(['joined', 'joined']);
    expect(second.story?.id).toBe(first.articleId);
    for (const chat of readers) await h.fake.waitFor(() => alertsTo(chat).length === 1 || undefined, 10_000);
    // Give any wrongly queued alert time to arrive before counting.
    await new Promise((r) => setTimeout(r, 800));
    for (const chat of readers) expect(alertsTo(chat)).toHaveLength(1);
  });

  it('lists the story once in /latest, with the two other outlets', async () => {
    const [latest] = await h.say(readers[0]!, '/latest');
    expect(latest?.text.match(/زلزال/g)).toHaveLength(1);
    expect(latest?.text).toContain('رواه أيضًا: اليوم 24، روداو 24');
  });

  it('alerts a higher death toll once more, marked as an update', async () => {
    const update = await h.wiring.delivery.ingest.ingest(input('quake-tr-echorouk', 3));
    expect(update).toMatchObject({ status: 'queued', story: { update: true } });
    for (const chat of readers) {
      const alerts = await h.fake.waitFor(() => (alertsTo(chat).length === 2 ? alertsTo(chat) : undefined), 10_000);
      expect(alerts[1]?.text).toMatch(/^\u200F?🔄 تحديث: ارتفاع حصيلة ضحايا الزلزال/);
    }
  });

  it('stores an article published long ago without alerting anyone', async () => {
    const old = input('erdogan-raya', -60 * 24 * 365);
    const outcome = await h.wiring.delivery.ingest.ingest({ ...old, json: { ...old.json, title: 'أردوغان يفتتح جسرا جديدا في إسطنبول', body: 'افتتح الرئيس التركي رجب طيب أردوغان جسرا جديدا فوق مضيق البوسفور في إسطنبول.' } });
    expect(outcome.status).toBe('stale');
    await new Promise((r) => setTimeout(r, 500));
    for (const chat of readers) expect(h.sentTo(chat).filter((m) => m.text.includes('جسرا'))).toHaveLength(0);
  });
});
