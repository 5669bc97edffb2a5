/**
 * The built-in topic catalogue (placeholder: data/ and its validation arrive with the matcher issue).
 * Contract: `builtinTopics()` returns every built-in topic, validated.
 */
import type { Topic } from './topic.js';

export function builtinTopics(): readonly Topic[] {
  return [];
}
