/**
 * The admin features: /broadcast, /feeds, /ingest, /stats and their buttons, behind the
 * admin guard (ADMIN_IDS). Mount before the user features so admin commands and admin
 * callback data are claimed first. Admin dialogues run in a private chat with the bot.
 */
import { Composer } from 'grammy';
import { asUserId } from '../../../core/ids.js';
import type { Clock } from '../../../core/clock.js';
import { renderAlert } from '../../../core/render/alert.js';
import type { RenderAlert } from '../../../delivery/compose.js';
import type { BroadcastService, DeliveryStats, IngestService } from '../../../delivery/ports.js';
import type { BroadcastStore, ChatStore, FeedStore, SubscriptionStore } from '../../../store/ports.js';
import type { TopicCatalog } from '../../catalog.js';
import type { BotContext } from '../../context.js';
import { createMemoryAdminStateStore, type AdminStateStore } from './admin-state.js';
import type { BroadcastProgress } from './broadcast-progress.js';
import type { ProgressBoard } from './progress-board.js';
import { createBroadcastFeature } from './broadcast.js';
import { createFeedsFeature } from './feeds.js';
import { ADMIN_COMMANDS, createAdminGuard } from './guard.js';
import { createIngestFeature } from './ingest.js';
import { createStatsFeature } from './stats.js';

export { createBroadcastProgress, type BroadcastProgress } from './broadcast-progress.js';
export { createMemoryAdminStateStore, type AdminStateStore } from './admin-state.js';
export { createRedisProgressBoard, type ProgressBoard } from './progress-board.js';

export interface AdminFeaturesDeps {
  readonly adminIds: readonly number[];
  readonly clock: Clock;
  /** Admin dialogues in progress. Default: in memory (fine for the one update-taking process). */
  readonly state?: AdminStateStore;
  readonly chats: Pick<ChatStore, 'stats'>;
  readonly subscriptions: Pick<SubscriptionStore, 'topTopics'>;
  readonly broadcastStore: Pick<BroadcastStore, 'create' | 'get' | 'update'>;
  readonly feeds: FeedStore;
  readonly catalog: TopicCatalog;
  readonly ingest: IngestService;
  readonly broadcasts: BroadcastService;
  readonly stats: DeliveryStats;
  /** This process's progress reporter, if it runs one; else the reporter elsewhere finds new broadcasts. */
  readonly progress?: Pick<BroadcastProgress, 'watch' | 'refresh'>;
  /** Announces started and cancelled broadcasts to the progress reporter. */
  readonly board?: Pick<ProgressBoard, 'announce'>;
  /** Default: core's renderAlert. */
  readonly renderAlert?: RenderAlert;
  readonly defaultTimeZone: string;
  /** Default poll interval for a feed added without one. Default 300 s. */
  readonly feedDefaultIntervalSec?: number;
}

/** Creates the admin composer (guard included). */
export function createAdminFeatures(input: AdminFeaturesDeps): Composer<BotContext> {
  const deps = {
    ...input,
    state: input.state ?? createMemoryAdminStateStore(() => input.clock().getTime()),
    renderAlert: input.renderAlert ?? renderAlert,
    feedDefaultIntervalSec: input.feedDefaultIntervalSec ?? 300,
  };
  const { guard, admin } = createAdminGuard(deps.adminIds);

  admin.command([...ADMIN_COMMANDS], async (ctx, next) => {
    if (ctx.chat.type === 'private') return next();
    await ctx.reply(ctx.t.admin.privateOnly);
  });

  const inPrivate = admin.chatType('private');
  inPrivate.command('cancel', async (ctx, next) => {
    const user = asUserId(ctx.from.id);
    if (!(await deps.state.get(user))) return next();
    await deps.state.clear(user);
    await ctx.reply(ctx.t.admin.cancelled);
  });
  // A new admin command abandons whatever dialogue was open.
  inPrivate.command([...ADMIN_COMMANDS], async (ctx, next) => {
    await deps.state.clear(asUserId(ctx.from.id));
    return next();
  });

  inPrivate.use(
    createBroadcastFeature({
      service: deps.broadcasts, broadcasts: deps.broadcastStore, subscriptions: deps.subscriptions,
      catalog: deps.catalog, state: deps.state, clock: deps.clock, ...(deps.progress ? { progress: deps.progress } : {}),
      ...(deps.board ? { board: deps.board } : {}),
    }),
    createFeedsFeature({ feeds: deps.feeds, state: deps.state, defaultTimeZone: deps.defaultTimeZone, defaultIntervalSec: deps.feedDefaultIntervalSec }),
    createIngestFeature({ ingest: deps.ingest, renderAlert: deps.renderAlert, state: deps.state, defaultTimeZone: deps.defaultTimeZone }),
    createStatsFeature({ chats: deps.chats, subscriptions: deps.subscriptions, stats: deps.stats, catalog: deps.catalog, defaultTimeZone: deps.defaultTimeZone }),
  );
  return guard;
}
