import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { failure, useFakeTelegram } from './setup.js';

const ALERT = '🔴 بوتين يوافق على سحب القوات الروسية من مناطق أرمينية';

const t = useFakeTelegram();


describe('fake Telegram: fault injection', () => {
  it('answers 429 with retry_after for the next N sends, then accepts once retry_after has passed', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    t.fake.faults.rateLimit({ retryAfter: 1, nextCalls: 1 });
    const limited = await failure(t.api.sendMessage(reader.id, ALERT));
    expect(limited).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    // Too early: Telegram keeps refusing until retry_after has passed, and the fake counts it.
    await failure(t.api.sendMessage(reader.id, ALERT));
    expect(t.fake.faults.stats.callsDuringRetryAfter).toBe(1);
    // Past retry_after with a margin: a timer may fire a millisecond before the fake's clock says so.
    await new Promise((r) => setTimeout(r, 1_100));
    await t.api.sendMessage(reader.id, ALERT);
    expect(t.fake.sent(reader.id)).toHaveLength(1);
    // getMe is not a send: untouched by the fault.
    t.fake.faults.rateLimit({ retryAfter: 5, nextCalls: 1 });
    await t.api.getMe();
  });

  it('enforces a global rate: above R accepted sends in one second, 429', async () => {
    const chats = Array.from({ length: 12 }, () => t.fake.privateChat(t.fake.user()).id);
    t.fake.faults.rateLimit({ aboveRatePerSec: 10, retryAfter: 1, enforceRetryAfter: false });
    const outcomes = await Promise.all(chats.map((id) => t.api.sendMessage(id, ALERT).then(() => 'sent', (e: GrammyError) => e.error_code)));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 429)).toHaveLength(2);
    // Averaged over 2 s, the same rate allows a burst of 20.
    t.fake.faults.rateLimit({ aboveRatePerSec: 10, windowMs: 2_000, retryAfter: 1, enforceRetryAfter: false });
    const averaged = await Promise.all([...chats, ...chats].map((id) => t.api.sendMessage(id, ALERT).then(() => 'sent', () => 'refused')));
    expect(averaged.filter((o) => o === 'sent')).toHaveLength(20);
  });

  it('answers 403 with the description for each reason, and for a chat that blocked the bot', async () => {
    const [blocked, gone, group] = [t.fake.privateChat(t.fake.user()), t.fake.privateChat(t.fake.user()), t.fake.supergroup()];
    t.fake.faults.forbid(blocked.id, 'blocked');
    t.fake.faults.forbid([gone.id], 'deactivated');
    t.fake.faults.forbid([group.id], 'kicked');
    const descriptions = await Promise.all([blocked, gone, group].map(async (c) => {
      const e = (await failure(t.api.sendMessage(c.id, ALERT))) as GrammyError;
      return `${e.error_code} ${e.description}`;
    }));
    expect(descriptions).toEqual([
      '403 Forbidden: bot was blocked by the user',
      '403 Forbidden: user is deactivated',
      '403 Forbidden: bot was kicked from the supergroup chat',
    ]);
    const reader = t.fake.privateChat(t.fake.user());
    const update = t.fake.blockBy(reader.id, { notify: true });
    expect(update?.my_chat_member?.new_chat_member.status).toBe('kicked');
    expect(await failure(t.api.sendMessage(reader.id, ALERT))).toMatchObject({ error_code: 403 });
    expect(t.fake.faults.stats.forbidden).toBe(4);
  });

  it('answers 400 migrate_to_chat_id for an upgraded group, and the new id works', async () => {
    const group = t.fake.group({ title: 'متابعو القوقاز' });
    const supergroupId = -1_001_987_654_321;
    t.fake.faults.migrate(group.id, supergroupId);
    const error = await failure(t.api.sendMessage(group.id, ALERT));
    expect(error).toMatchObject({ error_code: 400, parameters: { migrate_to_chat_id: supergroupId } });
    const sent = await t.api.sendMessage(supergroupId, ALERT);
    expect(sent.chat).toMatchObject({ id: supergroupId, type: 'supergroup', title: 'متابعو القوقاز' });
  });

  it('answers 500 for the next N calls', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    t.fake.faults.serverError({ nextCalls: 2 });
    expect(await failure(t.api.sendMessage(reader.id, ALERT))).toMatchObject({ error_code: 500 });
    expect(await failure(t.api.sendMessage(reader.id, ALERT))).toMatchObject({ error_code: 500 });
    await t.api.sendMessage(reader.id, ALERT);
    expect(t.fake.faults.stats.serverErrors).toBe(2);
  });

  it('drops connections without an answer: grammY sees an HttpError', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    t.fake.faults.dropConnections({ nextCalls: 1 });
    expect(await failure(t.api.sendMessage(reader.id, ALERT))).toBeInstanceOf(HttpError);
    expect(t.fake.calls('sendMessage')[0]?.response).toBeNull();
    await t.api.sendMessage(reader.id, ALERT);
    expect(t.fake.sent(reader.id)).toHaveLength(1);
  });

  it('adds latency to sends only, and clear() removes every fault', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    t.fake.faults.latency(150);
    const before = Date.now();
    await t.api.sendMessage(reader.id, ALERT);
    expect(Date.now() - before).toBeGreaterThanOrEqual(140);
    t.fake.faults.forbid(reader.id);
    t.fake.faults.clear();
    await t.api.sendMessage(reader.id, ALERT);
    expect(t.fake.sent(reader.id)).toHaveLength(2);
  });

  it('explains what was recorded when waitFor times out', async () => {
    const reader = t.fake.privateChat(t.fake.user());
    await failure(t.api.sendMessage(-5, ALERT));
    await t.api.sendMessage(reader.id, ALERT);
    const error = await failure(t.fake.waitFor(() => t.fake.sent().length >= 5, 50));
    expect(String(error)).toMatch(/timed out after 50 ms; 2 calls recorded \(sendMessage×2\); 1 messages sent/);
    expect(String(error)).toContain('chat=-5 → 400 Bad Request: chat not found');
  });
});
