/**
 * What /latest and /why read: the newest stored articles for a chat's topics (one per story),
 * which article a sent alert carried with the topics that matched it, and the other outlets that
 * told the same story ("رواه أيضًا").
 */
import type { ArticleId, ChatId, TopicId } from '../../core/ids.js';
import type { PreparedArticle } from '../../core/prepared.js';
import type { AlertReference } from '../../core/render/alert-reference.js';
import type { TopicMatch } from '../../core/topic.js';
import type { ArticleStore, StoryStore, SubscriptionStore } from '../../store/ports.js';

export interface NewsService {
  /** Newest first, one article per story: one topic's, or across the chat's topics (all news if it follows none). */
  latest(chat: ChatId, topic: TopicId | undefined, limit: number): Promise<PreparedArticle[]>;
  /** The alert's article and the matches that concern the chat (all matches if it follows none of them). */
  /** Why `chat` got the alert it replied to (`alert`: what the reader's copy names: its link, its headline). */
  explain(chat: ChatId, alert: AlertReference): Promise<{ article: PreparedArticle; matches: readonly TopicMatch[] } | undefined>;
  /** The other outlets of the article's story (and of its near-copies), in the order they reported it. */
  alsoReported(article: PreparedArticle): Promise<string[]>;
}

export interface NewsServiceDeps {
  readonly articles: Pick<ArticleStore, 'latest' | 'get' | 'findForAlert' | 'extraSources'>;
  readonly subscriptions: Pick<SubscriptionStore, 'topicsOf'>;
  readonly stories?: Pick<StoryStore, 'members'>;
}

/** Followed topics read for /latest; beyond this the newest stories are already covered. */
const MAX_TOPICS_READ = 20;
/** Outlets named after "رواه أيضًا" (the line stays short). */
const MAX_OUTLETS = 6;

const storyKey = (p: PreparedArticle): string => p.story?.id ?? p.article.id;

/** Newest first, the newest article of each story only. */
function onePerStory(list: readonly PreparedArticle[], limit: number): PreparedArticle[] {
  const seen = new Set<string>();
  const out: PreparedArticle[] = [];
  for (const p of list.toSorted((a, b) => b.article.publishedAt.getTime() - a.article.publishedAt.getTime())) {
    if (seen.has(storyKey(p)) || seen.has(p.article.id)) continue;
    seen.add(storyKey(p));
    seen.add(p.article.id);
    out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

export function createNewsService(deps: NewsServiceDeps): NewsService {
  return {
    async latest(chat, topic, limit) {
      // Read a little more than asked: updates of one story collapse into one line.
      const read = limit * 2;
      if (topic) return onePerStory(await deps.articles.latest(topic, read), limit);
      const topics = (await deps.subscriptions.topicsOf(chat)).slice(0, MAX_TOPICS_READ);
      if (topics.length === 0) return onePerStory(await deps.articles.latest(undefined, read), limit);
      const lists = await Promise.all(topics.map((t) => deps.articles.latest(t, read)));
      return onePerStory(lists.flat(), limit);
    },
    async explain(chat, alert) {
      const id = await deps.articles.findForAlert(alert);
      const article = id ? await deps.articles.get(id) : undefined;
      if (!article) return undefined;
      const followed = new Set(await deps.subscriptions.topicsOf(chat));
      const mine = article.matches.filter((m) => followed.has(m.topicId));
      return { article, matches: mine.length > 0 ? mine : article.matches };
    },
    async alsoReported(p) {
      const [members, copies] = await Promise.all([
        p.story && deps.stories ? deps.stories.members(p.story.id) : Promise.resolve([]),
        deps.articles.extraSources(p.article.id as ArticleId),
      ]);
      const own = p.article.outlet;
      const outlets: string[] = [];
      for (const m of [...members.filter((x) => x.articleId !== p.article.id), ...copies]) {
        if (m.outlet && m.outlet !== own && !outlets.includes(m.outlet)) outlets.push(m.outlet);
      }
      return outlets.slice(0, MAX_OUTLETS);
    },
  };
}
