/**
 * THE key builder: every Redis key (and pub/sub channel) the app owns is built here,
 * so this file alone lists them. Keys are `<prefix>:<short name>…`; names are short
 * because some exist once per topic or per article (memory matters).
 *
 * No user text becomes a key raw: chat/user ids are integers, topic ids must match
 * TOPIC_ID (catalogue ids and `kw:<hex>`), article/feed/broadcast ids are checked
 * tokens, URLs are hashed. A malformed id here is a bug, so it throws.
 *
 * Sharding (Redis Cluster): every script or MULTI touches keys of ONE hash slot. The keys that are
 * written together carry the same hash tag (`{…}`, the part Redis hashes):
 * - `{c<bucket>}`: a chat bucket (chat id mod CHAT_BUCKETS): the chats' records, their topics, the
 *   topics' followers among those chats, the bucket's status counters — register, update, follow
 *   (with its limit), unfollow and unfollowAll are one-slot scripts;
 * - `{<article id>}`: an article, its extra sources, its sent marker and delivery counters;
 * - `{b:<broadcast id>}`: a broadcast's sent marker and counters; `{b}`: the broadcast list;
 * - `{fd:<feed id>}`: a feed's health and seen-set; `{d}`: send-rate and hourly statistics;
 * - `{<story id>}`: a story's hash.
 * What must span slots (a follow lists the chat's bucket among the topic's, and counts the topic's
 * followers) is done in idempotent steps around the one-slot script (redis-subscription-store.ts).
 * Keys of their own (bucket lists, indexes,
 * leases…) need no tag. The prefix itself never carries a tag for store keys: that would put
 * everything in one slot. BullMQ's keys do, as its cluster guide requires: `bullPrefix`.
 */
import { createHash } from 'node:crypto';
import type { ArticleId, BroadcastId, ChatId, FeedId, TopicId, UserId } from '../core/ids.js';

/** What a topic id may look like to become part of a key: `country:AM`, `region:south-caucasus`, `kw:3fa2…`. */
export const TOPIC_ID = /^[a-z][a-z0-9-]{0,15}:[A-Za-z0-9._-]{1,96}$/;
/** Article, feed and broadcast ids are digests or random tokens. */
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * Chats (records, topics, counters) live in this many buckets, chat id mod CHAT_BUCKETS: no key
 * outgrows a shard (20 M chats: ~5,000 per bucket hash), small topic hashes stay compact
 * listpacks, and the buckets spread over every node. Changing it needs a migration.
 */
export const CHAT_BUCKETS = 4096;
/** The older name (subscriptions were bucketed first). */
export const SUBSCRIPTION_BUCKETS = CHAT_BUCKETS;

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

/** The chat bucket of a chat id (0 ≤ bucket < CHAT_BUCKETS). */
export const chatBucketOf = (chat: number): number => bucketOf(Number(intId(chat, 'chat id')));

/**
 * The plain name of a prefix: `tanbih` for `tanbih` or `{tanbih}` (config REDIS_PREFIX may be written
 * either way, as BullMQ's cluster guide writes it). Throws on anything else.
 */
export function prefixName(prefix: string): string {
  const m = /^(?:\{([A-Za-z0-9:_-]{1,62})\}|([A-Za-z0-9:_-]{1,64}))$/.exec(prefix);
  const name = m?.[1] ?? m?.[2];
  if (!name) throw new Error(`store key: malformed prefix ${JSON.stringify(prefix)} (letters, digits, : _ -, optionally in one pair of braces)`);
  return name;
}

/**
 * BullMQ's `prefix` for the app's queues: the prefix's name in a hash tag (`{tanbih}`), so that each
 * queue's keys, which its Lua scripts touch together, share a slot (BullMQ's cluster guide).
 */
export const bullPrefix = (prefix: string): string => `{${prefixName(prefix)}}`;

// Hash tags (see the header): a chat bucket, an article, a broadcast.
const cb = (bucket: number): string => {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= CHAT_BUCKETS) throw new Error(`store key: no chat bucket ${bucket}`);
  return `{c${bucket}}`;
};
const article = (id: ArticleId): string => `{${token(id, 'article id')}}`;
const broadcast = (id: BroadcastId): string => `{b:${token(id, 'broadcast id')}}`;

/** Builds every key under `prefix` (e.g. `tanbih`, `{tanbih}` — the same keys —, or a test's `t:name:3fa2c1`). */
export function createKeys(prefix: string) {
  const name = prefixName(prefix);
  const k = (rest: string): string => `${name}:${rest}`;
  return {
    /** The plain prefix (no braces): `<prefix>:` starts every store key. */
    prefix: name,
    /** BullMQ's prefix (hash-tagged). */
    bull: bullPrefix(name),

    // ── Chats ───────────────────────────────────────────────────────────────
    /** HASH chatId → chat JSON, for the chats of one bucket (HMGET per bucket for fan-out pages, HSCAN for "everyone"). */
    chats: (chat: ChatId | number) => k(`c:${cb(chatBucketOf(chat))}`),
    /** The same HASH by bucket number (to walk them all). */
    chatsBucket: (bucket: number) => k(`c:${cb(bucket)}`),
    /** HASH of the bucket's counters: total, active, inactive:<reason> (kept by every status change; stats() sums the buckets). */
    chatCounters: (bucket: number) => k(`c:${cb(bucket)}:n`),
    /** SET of channel ids a user manages through the bot. */
    userChannels: (user: UserId) => k(`u:${intId(user, 'user id')}:ch`),
    /** SET of users who linked this chat (reverse of userChannels, for migrate). */
    chatLinkers: (chat: ChatId) => k(`c:${intId(chat, 'chat id')}:u`),

    // ── Subscriptions ───────────────────────────────────────────────────────
    /**
     * SET of the integer chat ids of one chat bucket that follow a topic: a topic's followers are
     * split by chat bucket, so that a follow (the chat's topics and the topic's followers) is one
     * slot, one script. The fan-out walks the buckets listed by topicBuckets.
     */
    followersIn: (t: TopicId, bucket: number) => k(`f:${cb(bucket)}:${topic(t)}`),
    /** SET of the bucket numbers where a topic may have followers (a superset: a bucket whose followers all left stays listed). */
    topicBuckets: (t: TopicId) => k(`fb:${topic(t)}`),
    /** HASH chatId → space-separated topic ids (the truth of who follows what), for the chats of one bucket. */
    chatTopics: (chat: ChatId | number) => k(`s:${cb(chatBucketOf(chat))}`),
    /** The same HASH by bucket number, 0 ≤ bucket < CHAT_BUCKETS (to walk them all). */
    chatTopicsBucket: (bucket: number) => k(`s:${cb(bucket)}`),
    /** ZSET topicId → follower count (for "top topics"; set from SCARD after each change). */
    topTopics: () => k('top'),

    // ── Keyword topics ──────────────────────────────────────────────────────
    /** HASH topicId → keyword Topic JSON. */
    keywords: () => k('kw'),
    /** Pub/sub channel: a keyword topic's JSON each time one is added. */
    keywordsChannel: () => k('kw:added'),

    // ── Articles (7 days) and dedup indexes (48 h) ──────────────────────────
    /** STRING: PreparedArticle JSON. */
    article: (id: ArticleId) => k(`a:${article(id)}`),
    /** HASH source url-or-outlet → extra source JSON (other outlets' copies of the story). */
    articleSources: (id: ArticleId) => k(`a:${article(id)}:x`),
    /** STRING → article id, keyed by a digest of the canonical URL. */
    articleByUrl: (canonicalUrl: string) => k(`au:${digest(canonicalUrl)}`),
    /**
     * STRING → article id, for as long as the article (7 days): how /why finds the article of the
     * alert a reader replies to, by the alert's link or its headline (core/render/alert-reference.ts).
     * One key per article, none per delivered message.
     */
    articleByLink: (canonicalUrl: string) => k(`ar:u:${digest(canonicalUrl)}`),
    articleByHeadline: (headlineKey: string) => k(`ar:h:${digest(headlineKey)}`),
    /** ZSET articleId → saved at (ms): stories whose fingerprint has this LSH band. */
    articleBand: (band: string) => k(`ab:${/^[0-9a-f]{1,32}$/.test(band) ? band : digest(band)}`),
    /** ZSET articleId → published time (ms): newest articles, all topics. */
    latestAll: () => k('al'),
    /** ZSET articleId → published time (ms): newest articles of one topic. */
    latestOf: (t: TopicId) => k(`al:${topic(t)}`),
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

    // ── Feeds ───────────────────────────────────────────────────────────────
    /** HASH feedId → Feed JSON. */
    feeds: () => k('fd'),
    /** STRING counter: the insertion sequence of feeds (Feed.seq). */
    feedSeq: () => k('fd:seq'),
    /** HASH of a feed's health fields (FeedHealth). */
    feedHealth: (id: FeedId) => k(`fd:{fd:${token(id, 'feed id')}}:h`),
    /** ZSET item-key digest → when first seen; capped (written with the health hash: same tag). */
    feedSeen: (id: FeedId) => k(`fd:{fd:${token(id, 'feed id')}}:seen`),

    // ── Broadcasts ──────────────────────────────────────────────────────────
    /** HASH broadcastId → Broadcast JSON. */
    broadcasts: () => k('b:{b}'),
    /** ZSET broadcastId → createdAt (for the newest first list; created in one MULTI with the hash: same tag). */
    broadcastOrder: () => k('b:{b}:o'),
    /** HASH counters total/queued/sent/failed/blocked, HINCRBY'd by delivery's sender (with the sent marker: same tag). */
    broadcastCounters: (id: BroadcastId) => k(`b:${broadcast(id)}:n`),
    /** SET of broadcast ids whose progress message does not show the final report yet (src/store/redis-progress-board.ts). */
    broadcastProgressPending: () => k('b:p'),
    /** Pub/sub channel: a broadcast id each time one starts or is cancelled, so the progress reporter edits at once. */
    broadcastProgressChannel: () => k('b:p:ch'),

    // ── Delivery (owned by src/delivery; add keys below) ────────────────────
    // BullMQ's own keys live under `{<prefix>}:fanout:*` and `{<prefix>}:send:*` (its `prefix` option,
    // bullPrefix); job ids there are digests and chat ids only (src/delivery/queues.ts).
    /** SET of chat ids an article's alert reached (the sent marker), as long as a chunk can be retried (ledger.ts). */
    sentArticle: (id: ArticleId) => k(`d:s:a:${article(id)}`),
    /** SET of chat ids a broadcast reached (the sent marker), as long as a chunk can be retried. */
    sentBroadcast: (id: BroadcastId) => k(`d:s:${broadcast(id)}`),
    /** SET of chat ids whose held/digest bucket due at this instant (epoch ms) was sent, as long as a send can be retried. */
    sentBucket: (due: number) => k(`d:s:d:${intId(due, 'due time')}`),
    /** HASH queued/sent/failed/blocked for one article (with its sent marker: same tag), 8 days. */
    articleCounters: (id: ArticleId) => k(`d:n:${article(id)}`),
    /** SET of article ids held for a chat until `due` (quiet hours or its digest period), 8 days. */
    bucket: (chat: ChatId | number, due: number) => k(`d:k:${intId(chat, 'chat id')}:${intId(due, 'due time')}`),
    /** STRING: messages sent during one epoch second (send rate), 120 s (recorded with the hour's stats: same tag). */
    rateSecond: (epochSec: number) => k(`d:{d}:r:${intId(epochSec, 'epoch second')}`),
    /** HASH alerts/messages for one epoch hour (24 h stats), 26 h. */
    hourStats: (epochHour: number) => k(`d:{d}:h:${intId(epochHour, 'epoch hour')}`),
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
    /** STRING holder token, PX ttl: the process editing broadcast progress messages. */
    broadcastProgressLease: () => k('lock:progress'),
  } as const;
}
