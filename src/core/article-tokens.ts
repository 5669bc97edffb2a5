/**
 * An article's normalized text and word tokens, computed once per article and shared by the
 * stages that read them (matching, fingerprinting, the id): normalizing and tokenizing the same
 * paragraphs in every stage used to be the largest single cost of preparing an article.
 */
import type { Article } from './article.js';
import { normalizeText, tokenize } from './normalize.js';

export interface ArticleTokens {
  /** normalizeText(article.title). */
  readonly title: string;
  /** normalizeText of each paragraph, same indices as article.paragraphs. */
  readonly paragraphs: readonly string[];
  /** tokenize(title). */
  readonly titleTokens: readonly string[];
  /** tokenize of each normalized paragraph. */
  readonly paragraphTokens: readonly (readonly string[])[];
}

/**
 * The tokens of `article`. `known` (normalized title and paragraphs the parser computed already)
 * is used as given; it must be normalizeText of the same text.
 */
export function articleTokens(article: Article, known: { readonly title?: string; readonly paragraphs?: readonly string[] } = {}): ArticleTokens {
  const title = known.title ?? normalizeText(article.title);
  const paragraphs = known.paragraphs ?? article.paragraphs.map(normalizeText);
  return { title, paragraphs, titleTokens: tokenize(title), paragraphTokens: paragraphs.map(tokenize) };
}
