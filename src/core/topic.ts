import type { TopicId } from './ids.js';

export type { TopicId };

export type TopicKind = 'country' | 'region' | 'city' | 'conflict' | 'person' | 'theme' | 'keyword';

/** A followable topic. The built-in ones are data (data/), free keywords are built by `keywordTopic`. */
export interface Topic {
  readonly id: TopicId;
  readonly kind: TopicKind;
  readonly names: { readonly ar: string; readonly en: string };
  /** Strong aliases: any one of them is evidence on its own. */
  readonly aliases: { readonly ar: readonly string[]; readonly en: readonly string[] };
  /** Weak aliases (ethnic words such as الأرمن): they count only beside a strong alias. */
  readonly weak: readonly string[];
  /** Words that, near a hit, mean the text is about something else (ولاية next to جورجيا). */
  readonly blockers: readonly string[];
  /** Parent topics: a hit here also fires them (Yerevan → Armenia → South Caucasus). */
  readonly parents: readonly TopicId[];
  /**
   * A person's offices (الرئيس المصري), also listed in `weak`: they count only beside the person's
   * own name, never because the country is there (it is there for every president).
   */
  readonly offices?: readonly string[];
}

export type Zone = 'title' | 'lead' | 'body';

/** One piece of evidence: an alias found in the article. */
export interface Evidence {
  /** The words as they appear in the article. */
  readonly text: string;
  /** Which topic's alias matched (differs from the match's topic for parent paths). */
  readonly topicId: TopicId;
  readonly zone: Zone;
  readonly count: number;
  readonly weak: boolean;
}

/** A topic that fired for an article, with why. */
export interface TopicMatch {
  readonly topicId: TopicId;
  readonly kind: TopicKind;
  readonly name: { readonly ar: string; readonly en: string };
  readonly score: number;
  readonly evidence: readonly Evidence[];
  /** From the topic that had direct evidence up to this one, e.g. [city:yerevan, country:AM, region:south-caucasus]. */
  readonly path: readonly TopicId[];
}
