/**
 * Walking an audience: the union of several topics' followers, or every chat, page by page.
 * Used to count recipients (ingest, broadcast preview) and, resumably, by the fan-out.
 */
import type { ChatId, TopicId } from '../core/ids.js';
import type { BroadcastAudience, ChatStore, SubscriptionStore } from '../store/ports.js';

export const PAGE = 1000;

/** Position in a walk: which topic (for topic audiences) and the store cursor within it. */
export interface WalkPosition {
  readonly ti: number;
  readonly cur: string;
}

/**
 * One page of a multi-topic walk. Chats that also follow an earlier topic of the list are
 * left out, so each chat appears once in the whole walk. `next` undefined means done.
 */
export async function followersPage(
  subscriptions: SubscriptionStore,
  topics: readonly TopicId[],
  at: WalkPosition,
): Promise<{ chats: ChatId[]; next: WalkPosition | undefined }> {
  const topic = topics[at.ti];
  if (topic === undefined) return { chats: [], next: undefined };
  const page = await subscriptions.scanFollowers(topic, at.cur, PAGE);
  const earlier = topics.slice(0, at.ti);
  let chats = page.chats;
  if (earlier.length > 0 && chats.length > 0) {
    const seen = await Promise.all(chats.map(async (c) => (await Promise.all(earlier.map((t) => subscriptions.isFollowing(c, t)))).some(Boolean)));
    chats = chats.filter((_, i) => !seen[i]);
  }
  const next = page.cursor !== '0' ? { ti: at.ti, cur: page.cursor } : at.ti + 1 < topics.length ? { ti: at.ti + 1, cur: '0' } : undefined;
  return { chats, next };
}

/** One page of "everyone" (every registered chat). */
export async function everyonePage(chats: ChatStore, at: WalkPosition): Promise<{ chats: ChatId[]; next: WalkPosition | undefined }> {
  const page = await chats.scanAll(at.cur, PAGE);
  return { chats: page.chats, next: page.cursor !== '0' ? { ti: 0, cur: page.cursor } : undefined };
}

/** Above this many follower entries, counting the union exactly would slow ingest down; the sum is given instead. */
export const EXACT_UNION_LIMIT = 20_000;

/**
 * How many distinct chats follow any of `topics`: exact (a chat following two of them counts
 * once) when they have at most EXACT_UNION_LIMIT follower entries in all; beyond that, the sum of
 * the follower counts, an upper bound (the fan-out itself still sends one alert per chat).
 */
export async function countFollowers(subscriptions: SubscriptionStore, topics: readonly TopicId[]): Promise<number> {
  if (topics.length === 0) return 0;
  const counts = await Promise.all(topics.map((t) => subscriptions.followerCount(t)));
  const nonEmpty = topics.filter((_, i) => (counts[i] ?? 0) > 0);
  const sum = counts.reduce((a, b) => a + b, 0);
  if (nonEmpty.length <= 1 || sum > EXACT_UNION_LIMIT) return sum;
  let total = 0;
  let at: WalkPosition | undefined = { ti: 0, cur: '0' };
  while (at) {
    const page = await followersPage(subscriptions, nonEmpty, at);
    total += page.chats.length;
    at = page.next;
  }
  return total;
}

/** The audience's size: followers of the topics, or every active chat. */
export async function countAudience(deps: { chats: ChatStore; subscriptions: SubscriptionStore }, audience: BroadcastAudience): Promise<number> {
  if (audience.kind === 'topics') return countFollowers(deps.subscriptions, audience.topics);
  return (await deps.chats.stats()).active;
}
