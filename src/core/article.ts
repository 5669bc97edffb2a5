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
  /** What the source gave that could not be used; the article was kept anyway. */
  readonly warnings?: readonly ArticleWarning[];
}

/**
 * Input the article was kept despite: a publication time nobody can read (`{code:'unreadable-date',
 * field:'published', value:'…'}`) leaves the article on the ingest time, and the alert says so.
 */
export interface ArticleWarning {
  readonly code: 'unreadable-date';
  /** The input field that held the value: publishedAt, published (JSON), pubDate (feeds). */
  readonly field: string;
  /** The value as given, clipped to 200 characters. */
  readonly value: string;
  /** What happened, in English, for an API client or an admin. */
  readonly message: string;
}

/** The warning for a publication time that no reader understood. */
export function unreadableDate(field: string, value: string | number): ArticleWarning {
  const text = String(value).slice(0, 200);
  return { code: 'unreadable-date', field, value: text, message: `${field} ${JSON.stringify(text)} is not a date we can read; the ingest time was used instead` };
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
