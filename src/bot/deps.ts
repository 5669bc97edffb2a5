/**
 * Everything the bot may use, passed in by main.ts (or a test harness). Feature factories
 * take a narrow slice of this, never the whole bag.
 */
import type { Clock } from '../core/clock.js';
import type { BroadcastService, DeliveryStats, IngestService } from '../delivery/ports.js';
import type { Logger } from '../logger.js';
import type {
  ArticleStore, BroadcastStore, ChatStore, FeedStore, KeywordRegistry, SubscriptionStore,
} from '../store/ports.js';
import type { TopicCatalog } from './catalog.js';

export interface BotStores {
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  readonly keywords: KeywordRegistry;
  readonly articles: ArticleStore;
  readonly broadcasts: BroadcastStore;
  readonly feeds: FeedStore;
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
}
