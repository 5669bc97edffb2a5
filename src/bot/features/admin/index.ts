/**
 * The admin features: /broadcast, /feeds, /ingest, /stats and their buttons, behind the
 * admin guard (ADMIN_IDS). Mount before the user features so admin commands and admin
 * callback data are claimed first. Admin dialogues (/broadcast, /feeds add, /ingest) run
 * in a private chat with the bot as @grammyjs/conversations, stored through `dialogueStorage`
 * (Redis in src/app, so a restart between two steps loses nothing).
 */
import type { DiscoverFeeds } from '../../../sources/discover-feeds.js';
import { conversations, createConversation, type ConversationData, type VersionedStateStorage } from '@grammyjs/conversations';
import { Composer, type MiddlewareFn, type Transformer } from 'grammy';
import type { Clock } from '../../../core/clock.js';
import { renderAlert } from '../../../core/render/alert.js';
import type { RenderAlert } from '../../../delivery/compose.js';
import type { BroadcastService, DeliveryStats, IngestService } from '../../../delivery/ports.js';
import type { BroadcastStore, ChatStore, FeedStore, SubscriptionStore } from '../../../store/ports.js';
import type { TopicCatalog } from '../../catalog.js';
import type { Logger } from '../../../logger.js';
import type { AdminContext, BotContext } from '../../context.js';
import { contextSetup } from '../../middleware/context-setup.js';
import type { ProgressBoard } from '../../../store/redis-progress-board.js';
import type { ProgressWatcher } from './progress-view.js';
import { BROADCAST_DIALOGUE, broadcastDialogue, createBroadcastFeature } from './broadcast.js';
import { draftData, draftTopicData, ingestData } from './callbacks.js';
import { DIALOGUE_TTL_SEC } from './dialogue-waits.js';
import { createFeedsFeature, FEED_ADD_DIALOGUE, FEED_IMPORT_DIALOGUE, feedAddDialogue, feedImportDialogue } from './feeds.js';
import { ADMIN_COMMANDS, createAdminGuard } from './guard.js';
import { createIngestFeature, INGEST_DIALOGUE, ingestDialogue } from './ingest.js';
import { createStatsFeature } from './stats.js';

export { DIALOGUE_TTL_SEC } from './dialogue-waits.js';
export { progressView, renderProgressMessage, toProgress, type ProgressWatcher } from './progress-view.js';

export interface AdminFeaturesDeps {
  readonly adminIds: readonly number[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** The bot's API retry policy, applied to dialogues' own Api too. */
  readonly apiRetry?: Transformer;
  /**
   * Where dialogues in progress are kept, by key (see `dialogueKey`). Default: in memory,
   * which a restart empties.
   */
  readonly dialogueStorage?: VersionedStateStorage<string, ConversationData>;
  /** The storage key of an admin's dialogues (src/store/keys.ts adminDialogues). */
  readonly dialogueKey?: (userId: number) => string;
  readonly chats: Pick<ChatStore, 'stats' | 'get'>;
  readonly subscriptions: Pick<SubscriptionStore, 'topTopics'>;
  readonly broadcastStore: Pick<BroadcastStore, 'create' | 'get' | 'update'>;
  readonly feeds: FeedStore;
  readonly catalog: TopicCatalog;
  readonly ingest: IngestService;
  readonly broadcasts: BroadcastService;
  readonly stats: DeliveryStats;
  /** This process's progress reporter, if it runs one; else the reporter elsewhere finds new broadcasts. */
  readonly progress?: ProgressWatcher;
  /** Announces started and cancelled broadcasts to the progress reporter. */
  readonly board?: Pick<ProgressBoard, 'announce'>;
  /** Default: core's renderAlert. */
  readonly renderAlert?: RenderAlert;
  readonly defaultTimeZone: string;
  /** Default poll interval for a feed added without one. Default 300 s. */
  readonly feedDefaultIntervalSec?: number;
  /** Config STALE_AFTER_HOURS, named by /ingest for an old article. */
  readonly staleAfterHours?: number;
  /** Looks at a bare address given to /feeds add (a feed, or a page announcing feeds). */
  readonly discoverFeeds?: DiscoverFeeds;
  /** Downloads a file an admin sent (for /feeds import). */
  readonly readFile?: (fileId: string) => Promise<Uint8Array>;
}

/** Creates the admin composer (guard included). */
export function createAdminFeatures(input: AdminFeaturesDeps): Composer<BotContext> {
  const deps = {
    ...input,
    renderAlert: input.renderAlert ?? renderAlert,
    feedDefaultIntervalSec: input.feedDefaultIntervalSec ?? 300,
  };
  const { guard, admin } = createAdminGuard(deps.adminIds);

  admin.command([...ADMIN_COMMANDS], async (ctx, next) => {
    if (ctx.chat.type === 'private') return next();
    await ctx.reply(ctx.t.admin.privateOnly);
  });

  const inPrivate = admin.chatType('private');
  // Inside a dialogue each update gets the same per-update context (logger, language, strings).
  const setup = contextSetup({ logger: deps.logger, chats: deps.chats });
  const dialogueKey = deps.dialogueKey;
  inPrivate.use(conversations<AdminContext, BotContext>({
    plugins: [
      setup,
      // A dialogue's ctx.api is built afresh, without the bot's transformers: the same retry again.
      (ctx, next) => {
        if (deps.apiRetry) ctx.api.config.use(deps.apiRetry);
        return next();
      },
    ],
    ...(deps.dialogueStorage
      ? { storage: { type: 'key', adapter: deps.dialogueStorage, ...(dialogueKey ? { getStorageKey: (ctx) => (ctx.from ? dialogueKey(ctx.from.id) : undefined) } : {}) } }
      : {}),
  }) as unknown as MiddlewareFn<BotContext>);
  // One view of the same branch with the plugin's flavor: from here on ctx.conversation exists.
  const dialogues = inPrivate as unknown as Composer<AdminContext>;

  dialogues.command('cancel', async (ctx, next) => {
    if (Object.keys(ctx.conversation.active()).length === 0) return next();
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t.admin.cancelled);
  });
  // A new admin command abandons whatever dialogue was open.
  dialogues.command([...ADMIN_COMMANDS], async (ctx, next) => {
    await ctx.conversation.exitAll();
    return next();
  });

  const broadcastDeps = {
    service: deps.broadcasts, broadcasts: deps.broadcastStore, subscriptions: deps.subscriptions,
    catalog: deps.catalog, clock: deps.clock, ...(deps.progress ? { progress: deps.progress } : {}),
    ...(deps.board ? { board: deps.board } : {}),
  };
  const feedsDeps = {
    feeds: deps.feeds, defaultTimeZone: deps.defaultTimeZone, defaultIntervalSec: deps.feedDefaultIntervalSec,
    ...(deps.discoverFeeds ? { discover: deps.discoverFeeds } : {}),
    ...(deps.readFile ? { readFile: deps.readFile } : {}),
  };
  const ingestDeps = {
    ingest: deps.ingest, renderAlert: deps.renderAlert, defaultTimeZone: deps.defaultTimeZone,
    ...(deps.staleAfterHours ? { staleAfterHours: deps.staleAfterHours } : {}),
  };
  const waitMs = DIALOGUE_TTL_SEC * 1000;
  dialogues.use(
    createConversation(broadcastDialogue(broadcastDeps), { id: BROADCAST_DIALOGUE, maxMillisecondsToWait: waitMs }),
    createConversation(feedAddDialogue(feedsDeps), { id: FEED_ADD_DIALOGUE, maxMillisecondsToWait: waitMs }),
    createConversation(feedImportDialogue(feedsDeps), { id: FEED_IMPORT_DIALOGUE, maxMillisecondsToWait: waitMs }),
    createConversation(ingestDialogue(ingestDeps), { id: INGEST_DIALOGUE, maxMillisecondsToWait: waitMs }),
  );
  dialogues.use(
    createBroadcastFeature(broadcastDeps),
    createFeedsFeature(feedsDeps),
    createIngestFeature(),
    createStatsFeature({ chats: deps.chats, subscriptions: deps.subscriptions, stats: deps.stats, catalog: deps.catalog, defaultTimeZone: deps.defaultTimeZone }) as unknown as Composer<AdminContext>,
  );
  // A draft's buttons after its dialogue ended (sent, cancelled, expired, abandoned).
  dialogues.callbackQuery([draftData.filter(), draftTopicData.filter(), ingestData.filter()], (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t.admin.expired }));
  return guard;
}
