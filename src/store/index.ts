/**
 * The Redis store, assembled: every adapter over one shared client and one key prefix.
 * The caller (main, tests, benches) builds the client; nothing here connects on import.
 */
import type { RedisClient } from './redis-connection.js';
import type { Clock } from '../core/clock.js';
import type { TopicId } from '../core/ids.js';
import type { BroadcastStore, ChatStore, FeedStore, KeywordRegistry, StoryStore, SubscriptionStore } from './ports.js';
import { createKeys, type Keys } from './keys.js';
import { createRedisArticleStore, type ArticleRetention, type RedisArticleStore } from './redis-article-store.js';
import { createRedisBroadcastStore } from './redis-broadcast-store.js';
import { createRedisChatStore } from './redis-chat-store.js';
import { createRedisFeedStore } from './redis-feed-store.js';
import { createRedisKeywordRegistry } from './redis-keyword-registry.js';
import { createRedisStoryStore } from './redis-story-store.js';
import { createRedisSubscriptionStore } from './redis-subscription-store.js';

export interface StoreLimits extends Partial<ArticleRetention> {
  /** Config MAX_TOPICS_PER_CHAT (default 100). */
  readonly maxTopicsPerChat?: number;
  /** Item keys remembered per feed (default 2,000). */
  readonly feedSeenCap?: number;
  /** Config STORY_WINDOW_HOURS in ms (default 48 h). */
  readonly storyWindowMs?: number;
}

export interface RedisStoresOptions {
  readonly redis: RedisClient;
  /** Config REDIS_PREFIX, e.g. `tanbih` (no trailing colon). */
  readonly prefix: string;
  readonly limits?: StoreLimits;
  readonly clock: Clock;
  /** Config DEFAULT_TIMEZONE, given to new chats (default Asia/Riyadh). */
  readonly defaultTimeZone?: string;
  /** Whether a non-keyword topic id is in the catalogue; without it any well-formed id may be followed. */
  readonly isCatalogTopic?: (id: TopicId) => boolean;
  /** Told about keyword-announcement problems (malformed message, subscriber connection errors). */
  readonly onError?: (error: unknown) => void;
}

export interface RedisStores {
  readonly keys: Keys;
  readonly chats: ChatStore;
  readonly subscriptions: SubscriptionStore;
  readonly keywords: KeywordRegistry;
  readonly articles: RedisArticleStore;
  readonly feeds: FeedStore;
  readonly broadcasts: BroadcastStore;
  readonly stories: StoryStore;
}

/** Creates every Redis adapter under `prefix`. */
export function createRedisStores(options: RedisStoresOptions): RedisStores {
  const { redis, prefix, limits = {}, clock, defaultTimeZone = 'Asia/Riyadh', isCatalogTopic, onError } = options;
  const keys = createKeys(prefix);
  const { maxTopicsPerChat = 100, feedSeenCap = 2000, storyWindowMs, ...retention } = limits;
  return {
    keys,
    chats: createRedisChatStore({ redis, keys, clock, defaultTimeZone }),
    subscriptions: createRedisSubscriptionStore({ redis, keys, maxTopicsPerChat, ...(isCatalogTopic ? { isCatalogTopic } : {}) }),
    keywords: createRedisKeywordRegistry({ redis, keys, ...(onError ? { onError } : {}) }),
    articles: createRedisArticleStore({ redis, keys, clock, retention }),
    feeds: createRedisFeedStore({ redis, keys, clock, seenCap: feedSeenCap }),
    broadcasts: createRedisBroadcastStore({ redis, keys, clock }),
    stories: createRedisStoryStore({ redis, keys, ...(storyWindowMs ? { windowMs: storyWindowMs } : {}), ...(retention.articleTtlSec ? { ttlSec: retention.articleTtlSec } : {}) }),
  };
}

export { createKeys, type Keys } from './keys.js';
export { addBroadcastCounts, type BroadcastCounter } from './redis-broadcast-store.js';
export { feedIdOf } from './redis-feed-store.js';
export type { ExtraSource, RedisArticleStore } from './redis-article-store.js';
