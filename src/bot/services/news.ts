/**
 * What /latest and /why read: the newest stored articles for a chat's topics, and which
 * article a sent alert carried with the topics that matched it.
 */
import type { ChatId, TopicId } from '../../core/ids.js';
import type { PreparedArticle } from '../../core/prepared.js';
import type { TopicMatch } from '../../core/topic.js';
import type { ArticleStore, SubscriptionStore } from '../../store/ports.js';

export interface NewsService {
  /** Newest first, de-duplicated: one topic's, or across the chat's topics (all news if it follows none). */
  latest(chat: ChatId, topic: TopicId | undefined, limit: number): Promise<PreparedArticle[]>;
  /** The alert's article and the matches that concern the chat (all matches if it follows none of them). */
  explain(chat: ChatId, messageId: number): Promise<{ article: PreparedArticle; matches: readonly TopicMatch[] } | undefined>;
}

export interface NewsServiceDeps {
  readonly articles: Pick<ArticleStore, 'latest' | 'get' | 'articleForMessage'>;
  readonly subscriptions: Pick<SubscriptionStore, 'topicsOf'>;
}

/** Followed topics read for /latest; beyond this the newest stories are already covered. */
const MAX_TOPICS_READ = 20;

export function createNewsService(deps: NewsServiceDeps): NewsService {
  return {
    async latest(chat, topic, limit) {
      if (topic) return deps.articles.latest(topic, limit);
      const topics = (await deps.subscriptions.topicsOf(chat)).slice(0, MAX_TOPICS_READ);
      if (topics.length === 0) return deps.articles.latest(undefined, limit);
      const lists = await Promise.all(topics.map((t) => deps.articles.latest(t, limit)));
      const byId = new Map(lists.flat().map((p) => [p.article.id, p]));
      return [...byId.values()]
        .toSorted((a, b) => b.article.publishedAt.getTime() - a.article.publishedAt.getTime())
        .slice(0, limit);
    },
    async explain(chat, messageId) {
      const id = await deps.articles.articleForMessage(chat, messageId);
      const article = id ? await deps.articles.get(id) : undefined;
      if (!article) return undefined;
      const followed = new Set(await deps.subscriptions.topicsOf(chat));
      const mine = article.matches.filter((m) => followed.has(m.topicId));
      return { article, matches: mine.length > 0 ? mine : article.matches };
    },
  };
}
