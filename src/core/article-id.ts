/**
 * Stable article ids: the same story URL (after canonicalization) or, without a URL, the same
 * normalized headline and body always give the same id. node:crypto is pure computation here.
 */
import { createHash } from 'node:crypto';
import { canonicalUrl } from './fingerprint.js';
import { asArticleId, type ArticleId } from './ids.js';
import { normalizeText } from './normalize.js';

/** 32 hex characters (128 bits of SHA-256): plenty against collisions, short in Redis keys. */
export function articleId(parts: {
  readonly url?: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** normalizeText of each paragraph, when the caller has it already. */
  readonly normalized?: readonly string[];
  /** normalizeText(title), when the caller has it already. */
  readonly normalizedTitle?: string;
}): ArticleId {
  const url = parts.url ? canonicalUrl(parts.url) : undefined;
  const key = url ? `url:${url}` : `text:${parts.normalizedTitle ?? normalizeText(parts.title)}\n${(parts.normalized ?? parts.paragraphs.map(normalizeText)).join('\n')}`;
  return asArticleId(createHash('sha256').update(key).digest('hex').slice(0, 32));
}
