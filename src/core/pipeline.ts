/**
 * The article → alert core path, pure: parse, summarize, match topics, fingerprint the story.
 * Rendering is per subscriber (render/alert.ts), so it is not part of the shared preparation.
 */
import type { Rejection } from './article.js';
import { articleTokens } from './article-tokens.js';
import { storyFingerprint } from './fingerprint.js';
import type { ArticleInput } from './input.js';
import type { TopicMatcher } from './matcher.js';
import { parseArticleText } from './parse/index.js';
import type { PreparedArticle } from './prepared.js';
import { ok, type Result } from './result.js';
import { storyFeatures } from './story/features.js';
import { summarize } from './summarize.js';

export interface PipelineDeps {
  /** Injected clock value: the ingest time. */
  readonly now: Date;
  /** Used when the input carries no timeZone. */
  readonly defaultTimeZone: string;
  readonly matcher: TopicMatcher;
}

/**
 * Prepares one input for delivery. Unusable input (empty, binary, noise, malformed JSON, no body,
 * unknown time zone …) is a Rejection value with a reason; this function does not throw on input.
 */
export function prepareArticle(input: ArticleInput, deps: PipelineDeps): Result<PreparedArticle, Rejection> {
  const parsed = parseArticleText(input, { now: deps.now, defaultTimeZone: deps.defaultTimeZone });
  if (!parsed.ok) return parsed;
  const { article, normalized, normalizedTitle } = parsed.value;
  // Normalized and tokenized once here; every later stage reads the same tokens.
  const tokens = articleTokens(article, { title: normalizedTitle, paragraphs: normalized });
  const matches = deps.matcher.match(article, tokens);
  return ok({
    article,
    summary: summarize(article, { normalizedParagraphs: normalized, normalizedTitle, paragraphTokens: tokens.paragraphTokens }),
    matches,
    fingerprint: storyFingerprint(article, tokens),
    storyFeatures: storyFeatures(tokens, matches),
  });
}
