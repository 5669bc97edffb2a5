/**
 * THE key builder: every Redis key (and pub/sub channel) the app owns is built here,
 * so this file alone lists them. Keys are `<prefix>:<short name>…`; names are short
 * because some exist once per topic or per article (memory matters).
 *
 * No user text becomes a key raw: chat/user ids are integers, topic ids must match
 * TOPIC_ID (catalogue ids and `kw:<hex>`), article/feed/broadcast ids are checked
 * tokens, URLs are hashed. A malformed id here is a bug, so it throws.
 */
import { createHash } from 'node:crypto';
import type { ArticleId, BroadcastId, ChatId, FeedId, TopicId, UserId } from '../core/ids.js';

/** What a topic id may look like to become part of a key: `country:AM`, `region:south-caucasus`, `kw:3fa2…`. */
export const TOPIC_ID = /^[a-z][a-z0-9-]{0,15}:[A-Za-z0-9._-]{1,96}$/;
/** Article, feed and broadcast ids are digests or random tokens. */
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;
/** Chat → topics lives in this many hashes (small hashes stay compact listpacks). Changing it needs a migration. */
export const SUBSCRIPTION_BUCKETS = 4096;
/** Sent messages → article live in hashes of this many message ids. */
const MESSAGE_BUCKET = 1024;

export const isTopicId = (s: string): s is TopicId => TOPIC_ID.test(s);
export const isTokenId = (s: string): boolean => TOKEN.test(s);

function intId(n: number, what: string): string {
  if (!Number.isSafeInteger(n)) throw new Error(`store key: ${what} must be an integer, got ${String(n)}`);
  return String(n);
}
const bucketOf = (chat: number): number => ((chat % SUBSCRIPTION_BUCKETS) + SUBSCRIPTION_BUCKETS) % SUBSCRIPTION_BUCKETS;
function topic(t: TopicId): string {
  if (!TOPIC_ID.test(t)) throw new Error(`store key: malformed topic id ${JSON.stringify(t)}`);
  return t;
}
function token(s: string, what: string): string {
  if (!TOKEN.test(s)) throw new Error(`store key: malformed ${what} ${JSON.stringify(s)}`);
  return s;
}
/** A short, fixed-length digest of free text (URLs) for use in a key. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export type Keys = ReturnType<typeof createKeys>;

/** Builds every key under `prefix` (e.g. `tanbih`, or a test's `t:name:3fa2c1`). */
export function createKeys(prefix: string) {
  if (!/^[A-Za-z0-9:_-]{1,64}$/.test(prefix)) throw new Error(`store key: malformed prefix ${JSON.stringify(prefix)}`);
  const k = (rest: string): string => `${prefix}:${rest}`;
  return {
    prefix,

    // ── Chats ───────────────────────────────────────────────────────────────
    /** HASH chatId → chat JSON (one hash: HMGET for fan-out pages, HSCAN for "everyone"). */
    chats: () => k('c'),
    /** HASH of counters: total, active, inactive:<reason> (kept by every status change). */
    chatCounters: () => k('c:n'),
    /** SET of channel ids a user manages through the bot. */
    userChannels: (user: UserId) => k(`u:${intId(user, 'user id')}:ch`),
    /** SET of users who linked this chat (reverse of userChannels, for migrate). */
    chatLinkers: (chat: ChatId) => k(`c:${intId(chat, 'chat id')}:u`),

    // ── Subscriptions ───────────────────────────────────────────────────────
    /** SET of integer chat ids following a topic (SSCAN by the fan-out). */
    followers: (t: TopicId) => k(`f:${topic(t)}`),
    /** HASH chatId → space-separated topic ids, for the chats in one bucket (chat id mod SUBSCRIPTION_BUCKETS). */
    chatTopics: (chat: ChatId) => k(`s:${bucketOf(Number(intId(chat, 'chat id')))}`),
    /** The same HASH by bucket number, 0 ≤ bucket < SUBSCRIPTION_BUCKETS (to walk them all). */
    chatTopicsBucket: (bucket: number) => {
      if (!Number.isInteger(bucket) || bucket < 0 || bucket >= SUBSCRIPTION_BUCKETS) throw new Error(`store key: no subscription bucket ${bucket}`);
      return k(`s:${bucket}`);
    },
    /** ZSET topicId → follower count (for "top topics"). */
    topTopics: () => k('top'),

    // ── Keyword topics ──────────────────────────────────────────────────────
    /** HASH topicId → keyword Topic JSON. */
    keywords: () => k('kw'),
    /** Pub/sub channel: a keyword topic's JSON each time one is added. */
    keywordsChannel: () => k('kw:added'),

    // ── Articles (7 days) and dedup indexes (48 h) ──────────────────────────
    /** STRING: PreparedArticle JSON. */
    article: (id: ArticleId) => k(`a:${token(id, 'article id')}`),
    /** HASH source url-or-outlet → extra source JSON (other outlets' copies of the story). */
    articleSources: (id: ArticleId) => k(`a:${token(id, 'article id')}:x`),
    /** STRING → article id, keyed by a digest of the canonical URL. */
    articleByUrl: (canonicalUrl: string) => k(`au:${digest(canonicalUrl)}`),
    /** ZSET articleId → saved at (ms): stories whose fingerprint has this LSH band. */
    articleBand: (band: string) => k(`ab:${/^[0-9a-f]{1,32}$/.test(band) ? band : digest(band)}`),
    /** ZSET articleId → published time (ms): newest articles, all topics. */
    latestAll: () => k('al'),
    /** ZSET articleId → published time (ms): newest articles of one topic. */
    latestOf: (t: TopicId) => k(`al:${topic(t)}`),
    /** HASH messageId → articleId for one chat's messages in a block of MESSAGE_BUCKET ids. */
    // ── Stories (one event told by several outlets) ─────────────────────────
    // Each story's own data is one hash with the story id in a hash tag, so a story's writes never
    // span slots under Redis Cluster; the term and window indexes are single keys, written by
    // pipelines (never MULTI across them).
    /** HASH `state` → StoryState JSON, `m:<articleId>` → member JSON {articleId, outlet?, url?, at}. */
    story: (id: string) => k(`st:{${token(id, 'story id')}}`),
    /** ZSET storyId → newest publication time (ms): stories whose articles hold this term or number. */
    storyTerm: (term: string) => k(`st:t:${digest(term)}`),
    /** ZSET storyId → newest publication time (ms): the stories in the window. */
    storyWindow: () => k('st:w'),

    messages: (chat: ChatId, messageId: number) =>
      k(`m:${intId(chat, 'chat id')}:${Math.floor(Number(intId(messageId, 'message id')) / MESSAGE_BUCKET)}`),

    // ── Feeds ───────────────────────────────────────────────────────────────
    /** HASH feedId → Feed JSON. */
    feeds: () => k('fd'),
    /** STRING counter: the insertion sequence of feeds (Feed.seq). */
    feedSeq: () => k('fd:seq'),
    /** HASH of a feed's health fields (FeedHealth). */
    feedHealth: (id: FeedId) => k(`fd:${token(id, 'feed id')}:h`),
    /** ZSET item-key digest → when first seen; capped. */
    feedSeen: (id: FeedId) => k(`fd:${token(id, 'feed id')}:seen`),

    // ── Broadcasts ──────────────────────────────────────────────────────────
    /** HASH broadcastId → Broadcast JSON. */
    broadcasts: () => k('b'),
    /** ZSET broadcastId → createdAt (for the newest first list). */
    broadcastOrder: () => k('b:o'),
    /** HASH counters total/queued/sent/failed/blocked, HINCRBY'd by delivery's sender. */
    broadcastCounters: (id: BroadcastId) => k(`b:${token(id, 'broadcast id')}:n`),
    /** SET of broadcast ids whose progress message does not show the final report yet (src/bot/features/admin/progress-board.ts). */
    broadcastProgressPending: () => k('b:p'),
    /** Pub/sub channel: a broadcast id each time one starts or is cancelled, so the progress reporter edits at once. */
    broadcastProgressChannel: () => k('b:p:ch'),

    // ── Delivery (owned by src/delivery; add keys below) ────────────────────
    // BullMQ's own keys live under `<prefix>:fanout:*` and `<prefix>:send:*` (its `prefix` option);
    // job ids there are digests and chat ids only (src/delivery/queues.ts).
    /** SET of chat ids an article's alert reached (the sent marker), 8 days. */
    sentArticle: (id: ArticleId) => k(`d:s:a:${token(id, 'article id')}`),
    /** SET of chat ids a broadcast reached (the sent marker), 8 days. */
    sentBroadcast: (id: BroadcastId) => k(`d:s:b:${token(id, 'broadcast id')}`),
    /** SET of chat ids whose held/digest bucket due at this instant (epoch ms) was sent, 8 days. */
    sentBucket: (due: number) => k(`d:s:d:${intId(due, 'due time')}`),
    /** HASH queued/sent/failed/blocked for one article, 8 days. */
    articleCounters: (id: ArticleId) => k(`d:n:${token(id, 'article id')}`),
    /** SET of article ids held for a chat until `due` (quiet hours or its digest period), 8 days. */
    bucket: (chat: ChatId | number, due: number) => k(`d:k:${intId(chat, 'chat id')}:${intId(due, 'due time')}`),
    /** STRING: messages sent during one epoch second (send rate), 120 s. */
    rateSecond: (epochSec: number) => k(`d:r:${intId(epochSec, 'epoch second')}`),
    /** HASH alerts/messages for one epoch hour (24 h stats), 26 h. */
    hourStats: (epochHour: number) => k(`d:h:${intId(epochHour, 'epoch hour')}`),
    /** LIST of the last delivery errors (JSON), newest first, capped. */
    deliveryErrors: () => k('d:e'),
    /** HASH t (next free send slot) / p (paused until), ms of Redis time: the global send pacer, 10 min. */
    sendPacer: () => k('d:l'),

    // ── Bot (src/bot) ───────────────────────────────────────────────────────
    /** STRING: an admin's dialogues in progress (@grammyjs/conversations state, JSON), 1 h TTL. */
    adminDialogues: (user: UserId | number) => k(`dlg:${intId(user, 'user id')}`),
    /** HASH n/at/w: a user's flood-limit token bucket (src/bot/middleware/rate-limit.ts), expires once full again. */
    floodBucket: (user: UserId | number) => k(`fl:${intId(user, 'user id')}`),
    /** STRING: the words of a "follow as keyword" offer, by the 16-hex digest its button carries, 7 days. */
    keywordOffer: (offer: string) => {
      if (!/^[0-9a-f]{16}$/.test(offer)) throw new Error(`store key: malformed offer digest ${JSON.stringify(offer)}`);
      return k(`kwo:${offer}`);
    },

    // ── Leases (src/store/redis-lease.ts): one process at a time does the job ──
    /** STRING holder token, PX ttl: the process polling feeds. */
    feedPollerLease: () => k('lock:feeds'),
    /** STRING holder token, PX ttl: the process editing broadcast progress messages. */
    broadcastProgressLease: () => k('lock:progress'),
  } as const;
}
