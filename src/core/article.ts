import type { ArticleId } from './ids.js';

/** Where an article's publication time came from; the alert may say so. */
export type TimeSource = 'metadata' | 'dateline' | 'ingest-time';

/** One ingested news article after parsing: plain text, no markup. */
export interface Article {
  readonly id: ArticleId;
  /** Canonical URL when the source gave one. */
  readonly url?: string;
  readonly title: string;
  /** Body paragraphs in order, captions and datelines removed. */
  readonly paragraphs: readonly string[];
  readonly publishedAt: Date;
  readonly timeSource: TimeSource;
  /** 'day' when the source gave a date without a time of day (the alert then shows the date only). */
  readonly timePrecision?: 'minute' | 'day';
  /** The outlet that published it (feed or site name), when known. */
  readonly outlet?: string;
  /** Agencies the text cites (إنترفاكس، رويترز …), in order of first mention, de-duplicated. */
  readonly citedSources: readonly string[];
  readonly lang: 'ar' | 'en' | 'other';
  /** Photo caption lines found above the headline, kept out of the body. */
  readonly captions?: readonly string[];
}

/** Why an input could not become an Article. */
export type RejectionCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'not-text'
  | 'no-body'
  | 'malformed-json'
  | 'malformed-feed'
  | 'invalid-field';

export interface Rejection {
  readonly code: RejectionCode;
  /** A human-readable reason (English), safe to show to an admin or an API client. */
  readonly reason: string;
}
