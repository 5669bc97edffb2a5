/**
 * The one service the topic features call: follow, unfollow, toggle and list a chat's
 * topics, and follow free keywords. It registers the chat on its first follow, so a
 * user who types a topic before /start loses nothing.
 */
import { asChatId, type ChatId, type TopicId } from '../../core/ids.js';
import type { Topic } from '../../core/topic.js';
import type { ChatStore, ChatType, FollowError, KeywordRegistry, Language, SubscriptionStore } from '../../store/ports.js';
import type { TopicCatalog } from '../catalog.js';

/** The chat a change applies to, as the feature knows it. */
export interface TargetChat {
  readonly id: ChatId;
  readonly type: ChatType;
  readonly title?: string;
  readonly language: Language;
}

export type FollowOutcome =
  | { readonly ok: true; readonly topic: Topic; readonly already: boolean }
  | { readonly ok: false; readonly error: FollowError };

export interface FollowService {
  follow(target: TargetChat, topic: TopicId): Promise<FollowOutcome>;
  unfollow(target: TargetChat, topic: TopicId): Promise<boolean>;
  /** Follows if not followed, else unfollows; returns the chat's topics afterwards. */
  toggle(target: TargetChat, topic: TopicId): Promise<{ outcome: FollowOutcome | 'unfollowed'; followed: ReadonlySet<TopicId> }>;
  followed(chat: ChatId): Promise<ReadonlySet<TopicId>>;
  /** The chat's topics, resolved (unknown ids are dropped), in following order. */
  list(chat: ChatId): Promise<Topic[]>;
  /** Follows words as a keyword topic; `unknown-topic` when the words cannot make one. */
  followKeyword(target: TargetChat, words: string): Promise<FollowOutcome>;
  /** Unfollows the followed topic the words name (catalogue search or the same keyword); undefined if none. */
  unfollowByName(target: TargetChat, words: string): Promise<Topic | undefined>;
  unfollowAll(chat: ChatId): Promise<number>;
}

export interface FollowServiceDeps {
  readonly chats: Pick<ChatStore, 'register'>;
  readonly subscriptions: SubscriptionStore;
  readonly keywords: Pick<KeywordRegistry, 'add'>;
  readonly catalog: Pick<TopicCatalog, 'get' | 'search'>;
  /** Builds a keyword topic from user words (core), or undefined when they are unusable. */
  readonly keywordTopic: (words: string) => Topic | undefined;
  /** Makes a new keyword known to the live matcher in this process (others learn via the registry). */
  readonly learnKeyword?: (topic: Topic) => void;
}

export function createFollowService(deps: FollowServiceDeps): FollowService {
  const { subscriptions } = deps;
  const register = (t: TargetChat) =>
    deps.chats.register({ id: t.id, type: t.type, language: t.language, ...(t.title ? { title: t.title } : {}) });

  const followTopic = async (target: TargetChat, topic: Topic): Promise<FollowOutcome> => {
    await register(target);
    const result = await subscriptions.follow(target.id, topic.id);
    return result.ok ? { ok: true, topic, already: result.already } : { ok: false, error: result.error };
  };

  const follow = async (target: TargetChat, id: TopicId): Promise<FollowOutcome> => {
    const topic = deps.catalog.get(id);
    return topic ? followTopic(target, topic) : { ok: false, error: { code: 'unknown-topic' } };
  };

  const followed = async (chat: ChatId) => new Set(await subscriptions.topicsOf(chat));

  return {
    follow,
    unfollow: (target, id) => subscriptions.unfollow(target.id, id),
    async toggle(target, id) {
      let outcome: FollowOutcome | 'unfollowed' = 'unfollowed';
      if (await subscriptions.isFollowing(target.id, id)) await subscriptions.unfollow(target.id, id);
      else outcome = await follow(target, id);
      return { outcome, followed: await followed(target.id) };
    },
    followed,
    async list(chat) {
      const ids = await subscriptions.topicsOf(chat);
      return ids.flatMap((id) => deps.catalog.get(id) ?? []);
    },
    async followKeyword(target, words) {
      const topic = deps.keywordTopic(words);
      if (!topic) return { ok: false, error: { code: 'unknown-topic' } };
      await deps.keywords.add(topic);
      deps.learnKeyword?.(topic);
      return followTopic(target, topic);
    },
    async unfollowByName(target, words) {
      const current = await followed(target.id);
      const keyword = deps.keywordTopic(words);
      const candidates = [...(keyword ? [keyword] : []), ...deps.catalog.search(words, 10)];
      const topic = candidates.find((t) => current.has(t.id));
      if (topic) await subscriptions.unfollow(target.id, topic.id);
      return topic;
    },
    unfollowAll: (chat) => subscriptions.unfollowAll(asChatId(chat)),
  };
}
