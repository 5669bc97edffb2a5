/**
 * Stale news: an article published longer ago than the threshold at ingest is stored and
 * searchable but alerts no one (a feed re-publishing an old item, an archive page pasted in).
 * An article whose time is its ingest time (the source gave none) is never stale.
 */
import type { Article } from './article.js';

export const DEFAULT_STALE_AFTER_HOURS = 36;

export function isStale(article: Pick<Article, 'publishedAt' | 'timeSource'>, now: Date, staleAfterHours = DEFAULT_STALE_AFTER_HOURS): boolean {
  if (article.timeSource === 'ingest-time') return false;
  return now.getTime() - article.publishedAt.getTime() > staleAfterHours * 3600 * 1000;
}
