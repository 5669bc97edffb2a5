import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asChatId, asTopicId, asUserId, type BroadcastId } from '../../../src/core/ids.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { deletePrefix, REDIS_URL, testPrefix } from '../../support/redis.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const prefix = testPrefix('delivery-broadcast');
let fake: FakeTelegram;
let w: Wiring;
let source: { chatId: ReturnType<typeof asChatId>; messageId: number };
const admin = asUserId(10_000_001);

const copiesTo = (chat: number) => fake.sent(chat).filter((m) => m.method === 'copyMessage');
const copyCallTo = (chat: number) => fake.calls('copyMessage').find((c) => c.params.chat_id === chat);

async function newBroadcast(topic: string): Promise<BroadcastId> {
  const b = await w.stores.broadcasts.create({ admin, source, audience: { kind: 'topics', topics: [asTopicId(topic)] }, breaking: true });
  return b.id;
}

async function waitForState(id: BroadcastId, state: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await w.stores.broadcasts.get(id))?.state !== state) {
    if (Date.now() > deadline) throw new Error(`broadcast ${id} never became ${state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Until no send or fan-out job is waiting, delayed or running. */
async function drained(timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { send, fanout } = await w.delivery.stats.queueDepths();
    if (send.waiting + send.active + send.delayed + fanout.waiting + fanout.active + fanout.delayed === 0) return;
    if (Date.now() > deadline) throw new Error('delivery queues never drained');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  fake = await startFakeTelegram({ acceptAnyChat: true });
  const adminChat = fake.privateChat(fake.user({ id: admin, firstName: 'المشرف' }));
  const update = fake.sendUserMessage({ chat: adminChat, text: '🔴 عاجل: وقف إطلاق النار في قرة باغ' });
  source = { chatId: asChatId(adminChat.id), messageId: update.message?.message_id ?? 0 };
  w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 300, concurrency: 10, lockDurationMs: 3000 });
});

afterAll(async () => {
  await w?.close();
  await fake?.close();
  await deletePrefix(prefix);
});

describe('breaking-news broadcasts', () => {
  it('copies the admin’s message to every active follower once and reports the counts', async () => {
    const chats = await addFollowers(w.stores, 'conflict:nagorno-karabakh', 60_000_001, 300);
    const blocked = chats.slice(0, 9);
    fake.faults.forbid(blocked, 'blocked');
    const id = await newBroadcast('conflict:nagorno-karabakh');
    expect(await w.delivery.broadcasts.countAudience({ kind: 'topics', topics: [asTopicId('conflict:nagorno-karabakh')] })).toBe(300);

    await w.delivery.broadcasts.start(id);
    await w.delivery.broadcasts.start(id); // idempotent
    await waitForState(id, 'done', 20_000);
    expect(chats.slice(9).every((c) => copiesTo(c).length === 1)).toBe(true);
    expect(blocked.every((c) => copiesTo(c).length === 0)).toBe(true);
    expect(copiesTo(chats[20] ?? 0)[0]?.text).toContain('وقف إطلاق النار');
    expect(await w.stores.broadcasts.counters(id)).toMatchObject({ total: 300, queued: 300, sent: 291, blocked: 9, failed: 0 });
  }, 30_000);

  it('rings for breaking news (عاجل) and arrives silently otherwise', async () => {
    const [loud] = await addFollowers(w.stores, 'country:IQ', 65_000_001, 1);
    const [quiet] = await addFollowers(w.stores, 'country:KW', 66_000_001, 1);
    const breaking = await newBroadcast('country:IQ');
    const notice = await w.stores.broadcasts.create({ admin, source, audience: { kind: 'topics', topics: [asTopicId('country:KW')] }, breaking: false });
    await w.delivery.broadcasts.start(breaking);
    await w.delivery.broadcasts.start(notice.id);
    await waitForState(breaking, 'done');
    await waitForState(notice.id, 'done');
    expect(copyCallTo(loud ?? 0)?.params.disable_notification).toBeUndefined();
    expect(copyCallTo(quiet ?? 0)?.params.disable_notification).toBe(true);
  });

  it('sends nothing more once cancelled', async () => {
    fake.faults.latency(100);
    const chats = await addFollowers(w.stores, 'country:SY', 61_000_001, 400);
    const id = await newBroadcast('country:SY');
    await w.delivery.broadcasts.start(id);
    await fake.waitFor(() => chats.filter((c) => copiesTo(c).length > 0).length >= 50, 10_000);
    await w.delivery.broadcasts.cancel(id);
    const atCancel = chats.filter((c) => copiesTo(c).length > 0).length;
    await drained();
    fake.faults.latency(0);
    // Counted, not timed: after the cancel only messages already composed can go out — one per
    // send slot (concurrency 10) plus those composed while the state was cached (50 ms at 300/s).
    const reached = chats.filter((c) => copiesTo(c).length > 0).length;
    expect(reached - atCancel).toBeLessThanOrEqual(10 + 15 + 15);
    expect(reached).toBeLessThan(400);
    expect((await w.stores.broadcasts.get(id))?.state).toBe('cancelled');
  }, 30_000);

  it('counts a message Telegram refuses as failed, logs it, and keeps the chats active', async () => {
    const chats = await addFollowers(w.stores, 'country:JO', 64_000_001, 5);
    const gone = { ...source, messageId: 987_654 };
    const b = await w.stores.broadcasts.create({ admin, source: gone, audience: { kind: 'topics', topics: [asTopicId('country:JO')] }, breaking: false });
    await w.delivery.broadcasts.start(b.id);
    await waitForState(b.id, 'done');
    expect(await w.stores.broadcasts.counters(b.id)).toMatchObject({ total: 5, sent: 0, failed: 5, blocked: 0 });
    expect((await w.stores.chats.getMany(chats.map(asChatId))).every((c) => c?.status.kind === 'active')).toBe(true);
    const errors = await w.delivery.stats.lastErrors(10);
    expect(errors.some((e) => e.chatId === chats[0] && /refused by Telegram/.test(e.message))).toBe(true);
    // Refused once, never retried.
    expect(fake.calls('copyMessage').filter((c) => c.params.chat_id === chats[0])).toHaveLength(1);
  });

  it('resumes after a restart without sending twice', async () => {
    fake.faults.latency(50);
    const chats = await addFollowers(w.stores, 'country:LB', 63_000_001, 300);
    const id = await newBroadcast('country:LB');
    await w.delivery.broadcasts.start(id);
    await fake.waitFor(() => chats.filter((c) => copiesTo(c).length > 0).length >= 60, 10_000);
    await w.close();
    const before = chats.filter((c) => copiesTo(c).length > 0).length;
    w = await wire({ redisUrl: REDIS_URL, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: 300, concurrency: 10, lockDurationMs: 3000 });
    await waitForState(id, 'done', 20_000);
    fake.faults.latency(0);
    expect(before).toBeLessThan(300);
    expect(chats.every((c) => copiesTo(c).length === 1)).toBe(true);
  }, 30_000);

  it('goes out ahead of topic alerts already queued (breaking lane)', async () => {
    fake.faults.latency(0);
    const followers = await addFollowers(w.stores, 'country:AM', 62_000_001, 900);
    const ingest = await w.delivery.ingest.ingest(fixtureInput());
    expect(ingest.status).toBe('queued');
    await fake.waitFor(() => fake.sent().filter((m) => m.method === 'sendMessage').length >= 50, 10_000);
    const id = await newBroadcast('conflict:nagorno-karabakh');
    await w.delivery.broadcasts.start(id);
    await waitForState(id, 'done', 20_000);
    const alertsLeft = followers.filter((c) => fake.sent(c).length === 0).length;
    // All 291 copies went out while alerts were still waiting.
    expect(alertsLeft).toBeGreaterThan(0);
    await fake.waitFor(() => followers.every((c) => fake.sent(c).length === 1), 20_000);
  }, 45_000);
});
