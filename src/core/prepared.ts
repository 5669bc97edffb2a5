import type { Article } from './article.js';
import type { StoryFeatures } from './story/features.js';
import type { TopicMatch } from './topic.js';

/**
 * A near-duplicate fingerprint of an article's story.
 * `bands` are LSH band digests: two stories that share any band are candidates,
 * and `sameStory` (core/fingerprint.ts) decides. The store indexes the bands.
 */
export interface StoryFingerprint {
  /** Canonical URL: scheme and host lower-cased, no utm_*, no fragment. */
  readonly canonicalUrl?: string;
  /** MinHash signature of the normalized text's shingles. */
  readonly signature: readonly number[];
  /** LSH band digests of the signature (short hex strings). */
  readonly bands: readonly string[];
}

/** What the pipeline makes of one article: everything delivery needs, nothing per-subscriber. */
export interface PreparedArticle {
  readonly article: Article;
  /** 2–3 summary sentences, in original order. */
  readonly summary: readonly string[];
  readonly matches: readonly TopicMatch[];
  readonly fingerprint: StoryFingerprint;
  /** What identifies the article's event (story/features.ts); absent on articles stored before stories. */
  readonly storyFeatures?: StoryFeatures;
  /** The story the article was filed under at ingest; `update`: it alerted as a development of it. */
  readonly story?: StoryRef;
}

/** An article's place in a story. */
export interface StoryRef {
  /** The story's id: the id of its first article. */
  readonly id: string;
  readonly update?: boolean;
}

/** Per-subscriber rendering choices. */
export interface RenderOptions {
  /** IANA time zone for the alert's time line. */
  readonly timeZone: string;
  /** Digits for the time line: Latin (default) or Arabic-Indic. */
  readonly numberingSystem?: 'latn' | 'arab';
}
