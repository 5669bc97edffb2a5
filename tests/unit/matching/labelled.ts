/**
 * The labelled set (tests/fixtures/labelled/articles.json): Arabic news articles,
 * faithful reconstructions of real stories with their sources noted, each with the
 * topics that must fire (`expect`), must not (`forbid`) and may (`optional`).
 */
import { readFileSync } from 'node:fs';
import type { Article } from '../../../src/core/article.js';
import type { TopicMatcher } from '../../../src/core/matcher.js';
import { article } from './support.js';

export interface LabelledArticle {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly body: readonly string[];
  readonly expect: readonly string[];
  readonly forbid: readonly string[];
  readonly optional: readonly string[];
  /** Articles with the same story id are the same story from different outlets. */
  readonly story?: string;
  readonly url?: string;
}

export function labelledArticles(): LabelledArticle[] {
  const url = new URL('../../fixtures/labelled/articles.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as LabelledArticle[];
}

export const toArticle = (l: LabelledArticle): Article => article(l.title, l.body, l.id, l.url);

export interface Scores {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  /** Per article: topics that fired but were not expected (and not optional), and expected ones that did not fire. */
  readonly errors: { id: string; falsePositives: string[]; falseNegatives: string[] }[];
}

/**
 * Micro precision and recall over the set. Every topic that fires and is neither
 * expected nor optional is a false positive (whether or not it is listed in `forbid`).
 */
export function evaluate(matcher: TopicMatcher, set: readonly LabelledArticle[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: Scores['errors'] = [];
  for (const l of set) {
    const fired = new Set(matcher.match(toArticle(l)).map((m) => m.topicId as string));
    const falsePositives = [...fired].filter((id) => !l.expect.includes(id) && !l.optional.includes(id));
    const falseNegatives = l.expect.filter((id) => !fired.has(id));
    tp += l.expect.length - falseNegatives.length;
    fp += falsePositives.length;
    fn += falseNegatives.length;
    if (falsePositives.length + falseNegatives.length > 0) errors.push({ id: l.id, falsePositives, falseNegatives });
  }
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), errors };
}
