/**
 * Story fingerprints (placeholder: implemented with the matcher issue).
 * Contract: `canonicalUrl` lower-cases scheme and host, drops utm_* and the fragment;
 * `storyFingerprint` is a MinHash signature with LSH bands; `sameStory` decides.
 */
import type { Article } from './article.js';
import type { StoryFingerprint } from './prepared.js';

export function canonicalUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.toString();
  } catch {
    return undefined;
  }
}

export function storyFingerprint(article: Article): StoryFingerprint {
  const url = article.url ? canonicalUrl(article.url) : undefined;
  return { ...(url ? { canonicalUrl: url } : {}), signature: [], bands: [] };
}

export function sameStory(a: StoryFingerprint, b: StoryFingerprint): boolean {
  return a.canonicalUrl !== undefined && a.canonicalUrl === b.canonicalUrl;
}
