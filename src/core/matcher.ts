/**
 * The topic matcher (placeholder: implemented with the matcher issue).
 * Contract: compiled once from topics; `match` costs a few Map look-ups per token;
 * `add`/`remove` change free keyword topics without rebuilding everything.
 */
import type { Article } from './article.js';
import type { Topic, TopicId, TopicMatch } from './topic.js';

export interface TopicMatcher {
  match(article: Article): TopicMatch[];
  add(topic: Topic): void;
  remove(id: TopicId): void;
  get(id: TopicId): Topic | undefined;
}

export function createMatcher(topics: readonly Topic[]): TopicMatcher {
  const byId = new Map(topics.map((t) => [t.id, t]));
  return {
    match: () => [],
    add: (t) => void byId.set(t.id, t),
    remove: (id) => void byId.delete(id),
    get: (id) => byId.get(id),
  };
}
