/**
 * Branded identifiers. They are plain numbers/strings at run time; the brand only
 * stops a chat id being passed where a user id or a topic id is expected.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A Telegram chat id (negative for groups and channels). */
export type ChatId = Brand<number, 'ChatId'>;
/** A Telegram user id. */
export type UserId = Brand<number, 'UserId'>;
/** A topic id: `country:AM`, `region:south-caucasus`, `kw:<hex>` for free keywords. */
export type TopicId = Brand<string, 'TopicId'>;
/** A stable article id derived from its canonical URL or its text (hex). */
export type ArticleId = Brand<string, 'ArticleId'>;
/** A broadcast id (admin breaking-news send). */
export type BroadcastId = Brand<string, 'BroadcastId'>;
/** A feed id (hex digest of its URL). */
export type FeedId = Brand<string, 'FeedId'>;

export const asChatId = (n: number): ChatId => n as ChatId;
export const asUserId = (n: number): UserId => n as UserId;
export const asTopicId = (s: string): TopicId => s as TopicId;
export const asArticleId = (s: string): ArticleId => s as ArticleId;
export const asBroadcastId = (s: string): BroadcastId => s as BroadcastId;
export const asFeedId = (s: string): FeedId => s as FeedId;
