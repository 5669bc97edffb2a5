/**
 * Keeps a process's matcher in step with the free keyword topics of every process:
 * loads the stored ones, then adds each one announced later (KeywordRegistry.watch).
 */
import type { TopicMatcher } from '../core/matcher.js';
import type { KeywordRegistry } from '../store/ports.js';

/** Returns the unsubscribe. Keywords added between `all()` and `watch()` are caught by watching first. */
export async function wireLiveKeywords(registry: KeywordRegistry, matcher: TopicMatcher): Promise<() => Promise<void>> {
  const stop = await registry.watch((topic) => matcher.add(topic));
  for (const topic of await registry.all()) matcher.add(topic);
  return stop;
}
