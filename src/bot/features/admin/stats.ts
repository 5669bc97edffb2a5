/**
 * /stats: followers (total, active, inactive by reason), the most followed topics, alerts
 * and messages in the last 24 h, queue depths, the current send rate and the last errors.
 */
import { Composer } from 'grammy';
import type { DeliveryStats } from '../../../delivery/ports.js';
import type { ChatStore, SubscriptionStore } from '../../../store/ports.js';
import type { TopicCatalog } from '../../catalog.js';
import type { BotContext } from '../../context.js';
import { formatWhen } from './format.js';

export interface StatsFeatureDeps {
  readonly chats: Pick<ChatStore, 'stats'>;
  readonly subscriptions: Pick<SubscriptionStore, 'topTopics'>;
  readonly stats: DeliveryStats;
  readonly catalog: Pick<TopicCatalog, 'get'>;
  readonly defaultTimeZone: string;
}

const MAX_ERROR_CHARS = 200;

export function createStatsFeature(deps: StatsFeatureDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command('stats', async (ctx) => {
    const t = ctx.t.admin.stats;
    const zone = ctx.chatRecord?.timeZone ?? deps.defaultTimeZone;
    let report: string;
    try {
      const [chats, top, day, depths, rate, errors] = await Promise.all([
        deps.chats.stats(), deps.subscriptions.topTopics(10), deps.stats.last24h(),
        deps.stats.queueDepths(), deps.stats.currentSendRate(), deps.stats.lastErrors(5),
      ]);
      const lines = [t.title, '', t.followers(chats.total, chats.active)];
      for (const [reason, n] of Object.entries(chats.inactiveByReason)) if (n) lines.push(t.inactive(reason, n));
      lines.push('', t.topTopics);
      for (const x of top) lines.push(t.topic(deps.catalog.get(x.topicId)?.names[ctx.lang] ?? x.topicId, x.followers));
      if (top.length === 0) lines.push(t.none);
      lines.push('', t.last24h(day.alerts, day.messages));
      for (const [name, d] of Object.entries(depths)) lines.push(t.queues(name, d.waiting, d.delayed, d.active, d.failed));
      lines.push(t.rate(rate), '', t.lastErrors);
      for (const e of errors) lines.push(t.error(formatWhen(e.at, zone), e.message.slice(0, MAX_ERROR_CHARS)));
      if (errors.length === 0) lines.push(t.none);
      report = lines.join('\n');
    } catch (e) {
      ctx.logger.warn({ err: e }, 'stats unavailable');
      report = t.unavailable;
    }
    await ctx.reply(report, { parse_mode: 'HTML' });
  });
  return c;
}
