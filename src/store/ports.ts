/**
 * The store's ports: what the rest of the app may ask of persistence.
 * Redis adapters (Redis*Store) implement them; bot, delivery, ingest and http depend
 * on these interfaces only, never on ioredis.
 */
import type { ArticleId, BroadcastId, ChatId, FeedId, TopicId, UserId } from '../core/ids.js';
import type { PreparedArticle } from '../core/prepared.js';
import type { AlertReference } from '../core/render/alert-reference.js';
import type { StoryDecision } from '../core/story/decide.js';
import type { Topic } from '../core/topic.js';

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';
export type Language = 'ar' | 'en';
export type InactiveReason = 'blocked' | 'deactivated' | 'kicked' | 'chat-not-found' | 'left';

export type ChatStatus =
  | { readonly kind: 'active' }
  | { readonly kind: 'inactive'; readonly reason: InactiveReason; readonly since: number };

export type DeliveryMode =
  | { readonly kind: 'instant' }
  | { readonly kind: 'hourly' }
  /** One digest a day at this local hour (0–23). */
  | { readonly kind: 'daily'; readonly hour: number };

/** Local minutes of the day; the window may wrap midnight (22:00 → 07:00). */
export interface QuietHours {
  readonly fromMinute: number;
  readonly toMinute: number;
}

export interface Chat {
  readonly id: ChatId;
  readonly type: ChatType;
  readonly title?: string;
  readonly language: Language;
  readonly timeZone: string;
  readonly status: ChatStatus;
  /** Epoch ms; alerts are skipped (not held) until then. */
  readonly pausedUntil?: number;
  readonly delivery: DeliveryMode;
  readonly quietHours?: QuietHours;
  readonly createdAt: number;
}

export type ChatPatch = Partial<Pick<Chat, 'title' | 'language' | 'timeZone' | 'delivery' | 'status'>> & {
  /** null clears it. */
  readonly pausedUntil?: number | null;
  readonly quietHours?: QuietHours | null;
};

export interface ChatStats {
  readonly total: number;
  readonly active: number;
  readonly inactiveByReason: Readonly<Partial<Record<InactiveReason, number>>>;
}

export interface ChatStore {
  get(id: ChatId): Promise<Chat | undefined>;
  /** Registers a chat with defaults, or returns it; an inactive chat seen again becomes active. */
  register(input: { id: ChatId; type: ChatType; title?: string; language?: Language }): Promise<Chat>;
  update(id: ChatId, patch: ChatPatch): Promise<Chat | undefined>;
  getMany(ids: readonly ChatId[]): Promise<(Chat | undefined)[]>;
  /** Group → supergroup: the chat, its subscriptions and links move to the new id. */
  migrate(from: ChatId, to: ChatId): Promise<void>;
  stats(): Promise<ChatStats>;
  /** Channels a user manages through the bot. */
  linkChannel(user: UserId, channel: ChatId): Promise<void>;
  unlinkChannel(user: UserId, channel: ChatId): Promise<void>;
  channelsOf(user: UserId): Promise<ChatId[]>;
  /** Every registered chat id, in pages (for broadcasts to everyone). cursor '0' starts and ends. */
  scanAll(cursor: string, count: number): Promise<{ cursor: string; chats: ChatId[] }>;
}

export type FollowError =
  | { readonly code: 'too-many-topics'; readonly limit: number }
  | { readonly code: 'unknown-topic' };

export interface SubscriptionStore {
  follow(chat: ChatId, topic: TopicId): Promise<{ ok: true; already: boolean } | { ok: false; error: FollowError }>;
  unfollow(chat: ChatId, topic: TopicId): Promise<boolean>;
  unfollowAll(chat: ChatId): Promise<number>;
  topicsOf(chat: ChatId): Promise<TopicId[]>;
  isFollowing(chat: ChatId, topic: TopicId): Promise<boolean>;
  /** One page of a topic's followers. cursor '0' starts and, returned, means done. */
  scanFollowers(topic: TopicId, cursor: string, count: number): Promise<{ cursor: string; chats: ChatId[] }>;
  followerCount(topic: TopicId): Promise<number>;
  topTopics(limit: number): Promise<{ topicId: TopicId; followers: number }[]>;
}

/** Free keyword topics, shared by every process: the live matcher learns them without a restart. */
export interface KeywordRegistry {
  /** Stores the keyword topic (idempotent). */
  add(topic: Topic): Promise<void>;
  all(): Promise<Topic[]>;
  /** Calls back for keywords added by any process from now on; returns an unsubscribe. */
  watch(onAdded: (topic: Topic) => void): Promise<() => Promise<void>>;
}

/** `id`: the very same article (same content id) was stored first by a concurrent or earlier ingest. */
export type DuplicateOf = { readonly by: 'url' | 'story' | 'id'; readonly articleId: ArticleId };

/** An article of a story, as "also reported by" lists it. */
export interface StoryMember {
  readonly articleId: string;
  readonly outlet?: string;
  readonly url?: string;
  /** Publication time, ms. */
  readonly at: number;
}

/** Where an article was filed: a new story, or one it joins or updates (core/story/decide.ts). */
export interface StoryFiling {
  readonly decision: StoryDecision;
  readonly storyId: string;
}

/** Recent stories: one event told by several outlets. */
export interface StoryStore {
  /** Decides the article's story against the window (core's rule) and records it as a member. */
  file(prepared: PreparedArticle): Promise<StoryFiling>;
  /** The story's articles, oldest first. */
  members(storyId: string): Promise<StoryMember[]>;
}

export interface ArticleStore {
  /**
   * Stores the prepared article for 7 days and indexes its URL and story bands for 48 h.
   * Resolves true when this call stored it, false when the same article id was already
   * stored (the indexes are written again either way, which repairs an interrupted save).
   */
  save(prepared: PreparedArticle, options?: { readonly latest?: boolean }): Promise<boolean>;
  get(id: ArticleId): Promise<PreparedArticle | undefined>;
  /** An article stored in the last 48 h with the same canonical URL or the same story. */
  findDuplicate(prepared: PreparedArticle): Promise<DuplicateOf | undefined>;
  /** Records another outlet's copy of a stored story. */
  addExtraSource(id: ArticleId, source: { outlet?: string; url?: string }): Promise<void>;
  /** The copies recorded by addExtraSource, in a fixed order. */
  extraSources(id: ArticleId): Promise<{ readonly outlet?: string; readonly url?: string }[]>;
  /** Newest first: all articles, or those that matched a topic. */
  latest(topic: TopicId | undefined, limit: number): Promise<PreparedArticle[]>;
  /** The stored article an alert names by its link, else by its headline (for /why on a reader's copy). */
  findForAlert(ref: AlertReference): Promise<ArticleId | undefined>;
}

export interface Feed {
  readonly id: FeedId;
  readonly url: string;
  readonly name: string;
  readonly timeZone: string;
  readonly intervalSec: number;
  readonly paused: boolean;
  readonly addedAt: number;
  /** Insertion sequence (1, 2, …): the tie-break that makes `list()` a total order when clocks tie. */
  readonly seq: number;
}

export interface FeedHealth {
  readonly lastPollAt?: number;
  readonly lastSuccessAt?: number;
  readonly lastError?: string;
  readonly lastErrorAt?: number;
  readonly consecutiveErrors: number;
  readonly itemsSeen: number;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly nextPollAt?: number;
}

export interface FeedStore {
  add(feed: Omit<Feed, 'id' | 'addedAt' | 'paused' | 'seq'>): Promise<Feed>;
  /** Every feed, oldest first: by `addedAt`, then insertion sequence (never Redis's hash order). */
  remove(id: FeedId): Promise<boolean>;
  setPaused(id: FeedId, paused: boolean): Promise<Feed | undefined>;
  get(id: FeedId): Promise<Feed | undefined>;
  list(): Promise<Feed[]>;
  health(id: FeedId): Promise<FeedHealth>;
  recordPoll(id: FeedId, health: Partial<FeedHealth>): Promise<void>;
  /** Marks item keys (guid or link digests) seen; returns those that were new. */
  markSeen(id: FeedId, itemKeys: readonly string[]): Promise<string[]>;
}

export type BroadcastAudience =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'topics'; readonly topics: readonly TopicId[] };

export type BroadcastState = 'draft' | 'sending' | 'done' | 'cancelled';

export interface BroadcastCounters {
  readonly total: number;
  readonly queued: number;
  readonly sent: number;
  readonly failed: number;
  readonly blocked: number;
}

export interface Broadcast {
  readonly id: BroadcastId;
  readonly admin: UserId;
  /** The admin's message to copy (copyMessage keeps formatting and media). */
  readonly source: { readonly chatId: ChatId; readonly messageId: number };
  readonly audience: BroadcastAudience;
  readonly breaking: boolean;
  readonly state: BroadcastState;
  readonly createdAt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** The admin's live progress message. */
  readonly progressMessage?: { readonly chatId: ChatId; readonly messageId: number };
}

export interface BroadcastStore {
  create(input: Pick<Broadcast, 'admin' | 'source' | 'audience' | 'breaking'>): Promise<Broadcast>;
  get(id: BroadcastId): Promise<Broadcast | undefined>;
  update(id: BroadcastId, patch: Partial<Pick<Broadcast, 'state' | 'startedAt' | 'finishedAt' | 'progressMessage'>>): Promise<Broadcast | undefined>;
  counters(id: BroadcastId): Promise<BroadcastCounters>;
  list(limit: number): Promise<Broadcast[]>;
}
