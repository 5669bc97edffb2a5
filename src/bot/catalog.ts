/**
 * What the bot asks of the topic catalogue: look a topic up, list a picker category,
 * search by name. Built in src/app/bot-role.ts from the core catalogue and the live matcher (which
 * also knows free keywords), so the bot never reads catalogue data itself.
 */
import type { TopicId } from '../core/ids.js';
import type { TopicMatcher, TopicSearchHit } from '../core/matcher.js';
import type { Topic, TopicKind } from '../core/topic.js';

/** The picker's categories (دول، مناطق، نزاعات، شخصيات، مواضيع). */
export const CATEGORIES = ['countries', 'regions', 'conflicts', 'people', 'themes'] as const;
export type Category = (typeof CATEGORIES)[number];

const KINDS: Readonly<Record<Category, readonly TopicKind[]>> = {
  countries: ['country'],
  regions: ['region'],
  conflicts: ['conflict'],
  people: ['person'],
  themes: ['theme'],
};

export interface TopicCatalog {
  /** Any topic, built-in or free keyword. */
  get(id: TopicId): Topic | undefined;
  /** A category's topics in a stable order (by Arabic name). */
  inCategory(category: Category): readonly Topic[];
  /** Best matches for a user's words, Arabic or English, best first. */
  search(query: string, limit: number): readonly Topic[];
  /** The topic these words name exactly (a name or alias, any spelling), if any. */
  named(query: string): Topic | undefined;
}

export interface TopicCatalogDeps {
  readonly topics: readonly Topic[];
  /** Looks up any topic, including free keywords learned at run time. */
  readonly lookup: (id: TopicId) => Topic | undefined;
  readonly search: (query: string, limit: number) => readonly Topic[];
  readonly named: (query: string) => Topic | undefined;
}

export function createTopicCatalog(deps: TopicCatalogDeps): TopicCatalog {
  const collator = new Intl.Collator('ar');
  const byCategory = new Map<Category, readonly Topic[]>(
    CATEGORIES.map((c) => [
      c,
      deps.topics.filter((t) => KINDS[c].includes(t.kind)).toSorted((a, b) => collator.compare(a.names.ar, b.names.ar)),
    ]),
  );
  return {
    get: (id) => deps.lookup(id),
    inCategory: (c) => byCategory.get(c) ?? [],
    search: (q, limit) => deps.search(q, limit),
    named: (q) => deps.named(q),
  };
}

/**
 * The catalogue over a live matcher: built-in topics for the picker, the matcher for
 * look-ups (keywords too) and search. Search lists built-in topics only, which do not
 * change while running, so answers are cached: people type the same few names.
 */
export function catalogFromMatcher(matcher: Pick<TopicMatcher, 'get' | 'searchTopics'>, topics: readonly Topic[]): TopicCatalog {
  const cache = new Map<string, readonly TopicSearchHit[]>();
  const hits = (query: string, limit: number): readonly TopicSearchHit[] => {
    const key = `${limit}|${query}`;
    let found = cache.get(key);
    if (!found) {
      found = matcher.searchTopics(query, limit);
      if (cache.size >= SEARCH_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, found);
    }
    return found;
  };
  return createTopicCatalog({
    topics,
    lookup: (id) => matcher.get(id),
    search: (query, limit) => hits(query, limit).map((hit) => hit.topic),
    named: (query) => {
      const best = hits(query, 1)[0];
      return best && best.score >= EXACT_NAME_SCORE ? best.topic : undefined;
    },
  });
}

const SEARCH_CACHE_SIZE = 5_000;
/** Search scores from 70 up mean every word of a name or alias was typed (core/catalog/search.ts). */
const EXACT_NAME_SCORE = 70;
