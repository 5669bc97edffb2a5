/**
 * The breaking lane under load: with 50,000 topic alerts queued (at the default 25 msg/s,
 * so they stay queued), an admin's broadcast is confirmed (BroadcastService.start, as the
 * Send button does); how long until its first message reaches the fake Bot API.
 * `npm run -s bench -- broadcast --json [--alerts 50000]` → `{queuedAlerts, firstSendSeconds}`.
 */
import { asChatId, asUserId, type ArticleId } from '../src/core/ids.js';
import { createLedger } from '../src/delivery/ledger.js';
import { addFollowers, startStack } from './latency.bench.js';

const flag = (args: string[], name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const alerts = flag(args, '--alerts', 50_000);
  const stack = await startStack('broadcast', 25);
  try {
    await addFollowers(stack.stores, 'country:AM', 300_000_001, alerts);
    await addFollowers(stack.stores, 'region:south-caucasus', 400_000_001, 100);
    const outcome = await stack.delivery.ingest.ingest({
      kind: 'text', url: 'https://example.com/bench/backlog',
      text: 'أرمينيا تعلن حالة الطوارئ\nيريفان - أعلنت الحكومة الأرمينية حالة الطوارئ في عدة مناطق بعد الفيضانات، بحسب ما نقلت وكالة إنترفاكس.',
    });
    if (outcome.status !== 'queued') throw new Error(`backlog article not queued: ${outcome.status}`);
    // Wait until the fan-out has queued every topic alert (the sender drains only 25/s). Send jobs
    // carry chunks of chats, so alerts are counted from the article's counters, not from jobs.
    const ledger = createLedger(stack.redis, stack.stores.keys);
    const waitingAlerts = async (): Promise<number> => {
      const n = await ledger.articleCounters(outcome.articleId as ArticleId);
      return n.queued - n.sent - n.failed - n.blocked;
    };
    let queuedAlerts = 0;
    for (const until = Date.now() + 180_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      if ((await ledger.articleCounters(outcome.articleId as ArticleId)).queued >= alerts) break;
    }
    queuedAlerts = await waitingAlerts();
    const admin = stack.fake.user({ firstName: 'مشرف' });
    const adminChat = stack.fake.privateChat(admin);
    const update = stack.fake.sendUserMessage({ chat: adminChat, text: '🔴 عاجل: زلزال يضرب جنوب القوقاز' });
    const source = { chatId: asChatId(adminChat.id), messageId: update.message?.message_id ?? 0 };
    const broadcast = await stack.stores.broadcasts.create({
      admin: asUserId(admin.id), source, audience: { kind: 'topics', topics: ['region:south-caucasus' as never] }, breaking: true,
    });
    const before = stack.fake.calls('copyMessage').length;
    const confirmed = Date.now();
    await stack.delivery.broadcasts.start(broadcast.id);
    const first = await stack.fake.waitFor(() => stack.fake.calls('copyMessage').slice(before).find((c) => c.response?.ok), 30_000);
    return { queuedAlerts, firstSendSeconds: Number(((first.at - confirmed) / 1000).toFixed(3)) };
  } finally {
    await stack.close();
  }
}
