/**
 * Everything the bot may use, passed in by src/app/bot-role.ts (or a test harness). Feature factories
 * take a narrow slice of this, never the whole bag.
 */
import type { DiscoverFeeds } from '../sources/discover-feeds.js';
import type { Clock } from '../core/clock.js';
import type { BroadcastService, DeliveryStats, IngestService } from '../delivery/ports.js';
import type { HeldRelease } from '../delivery/release-held.js';
import type { Topic } from '../core/topic.js';
import type { RedisClient as Redis } from '../store/redis-connection.js';
import type { Logger } from '../logger.js';
import type { Keys } from '../store/keys.js';
import type {
  ArticleStore, BroadcastStore, ChatStore, FeedStore, KeywordRegistry, StoryStore, SubscriptionStore,
} from '../store/ports.js';
import type { TopicCatalog } from './catalog.js';
import type { ProgressBoard } from '../store/redis-progress-board.js';
import type { ProgressWatcher } from './features/admin/progress-view.js';

export interface BotStores {
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  readonly keywords: KeywordRegistry;
  readonly articles: ArticleStore;
  readonly broadcasts: BroadcastStore;
  readonly feeds: FeedStore;
  /** Stories, for "also reported by" in /latest and /why. */
  readonly stories?: StoryStore;
}

export interface BotDeps {
  readonly logger: Logger;
  readonly clock: Clock;
  readonly stores: BotStores;
  readonly catalog: TopicCatalog;
  readonly ingest: IngestService;
  readonly broadcasts: BroadcastService;
  readonly stats: DeliveryStats;
  /** Telegram user ids allowed to use admin commands. */
  readonly adminIds: readonly number[];
  /** The zone used for chats that have not picked one. */
  readonly defaultTimeZone: string;
  /** Poll interval for a feed added with /feeds add without one (FEED_DEFAULT_INTERVAL_SEC). */
  readonly feedDefaultIntervalSec?: number;
  /** Looks at a bare address given to /feeds add; without it /feeds add needs a name. */
  readonly discoverFeeds?: DiscoverFeeds;
  /** Config STALE_AFTER_HOURS (admin /ingest names it for an old article). */
  readonly staleAfterHours?: number;
  /**
   * Tells this process's matcher about a keyword a user just followed, so it is listed at
   * once (other processes learn it through KeywordRegistry.watch).
   */
  readonly learnKeyword?: (topic: Topic) => void;
  /**
   * The bot's Redis client and key builder, for state that must survive a restart: admin
   * dialogues, "follow as keyword" offers and flood buckets. Without it (benches, some
   * tests) they live in memory.
   */
  readonly redis?: { readonly client: Redis; readonly keys: Keys };
  /** Delivery's hook that sends a chat's held alerts once its settings stop holding them. */
  readonly releaseHeld?: HeldRelease;
  /** Where /broadcast announces a started or cancelled broadcast to the progress reporter. */
  readonly progressBoard?: Pick<ProgressBoard, 'announce'>;
  /** This process's progress reporter (role `all`): edits start the moment a broadcast does. */
  readonly progress?: ProgressWatcher;
}
