/**
 * The labelled sets (tests/fixtures/labelled/, see its README): Arabic news articles, each
 * with the topics that must fire (`expect`), must not (`forbid`) and may (`optional`).
 * `original` is the first set (reconstructions, tuned on); `news` is real articles for
 * development; `holdout-1` and `holdout-2` are real articles set aside (holdout-2 was studied once, so
 * it now counts as development); `holdout-3` and `holdout-4` were the untouched batches of the sessions
 * before (each labelled and committed before its first run); `holdout-5` to `holdout-10` were each run
 * once and then studied; `holdout-11` and `holdout-12` were run once and are not studied;
 * `holdout-13` to `holdout-18` were run once and then studied; `holdout-19` and `holdout-20`, then `holdout-21` and
 * `holdout-22`, are the untouched batches (labelled and committed before any run, run once, not studied).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Article } from '../../../src/core/article.js';
import { keywordTopic } from '../../../src/core/keyword-topic.js';
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
  readonly outlet?: string;
  readonly published?: string | null;
  /** The ambiguity classes the article was collected for (oman-amman, mali, sport …). */
  readonly classes?: readonly string[];
  /** Which of LABELLED_KEYWORDS a follower should get; absent means none. */
  readonly keywords?: { readonly expect: readonly string[]; readonly optional: readonly string[] };
}

/** Every labelled set, oldest first. */
export const LABELLED_SET_NAMES = ['original', 'news', 'holdout-1', 'holdout-2', 'holdout-3', 'holdout-4', 'holdout-5', 'holdout-6', 'holdout-7', 'holdout-8', 'holdout-9', 'holdout-10', 'holdout-11', 'holdout-12', 'holdout-13', 'holdout-14', 'holdout-15', 'holdout-16', 'holdout-17', 'holdout-18', 'holdout-19', 'holdout-20', 'holdout-21', 'holdout-22'] as const;

export type LabelledSetName = (typeof LABELLED_SET_NAMES)[number];

/** The free keywords the sets are labelled for (spelling variants of each must be found). */
export const LABELLED_KEYWORDS = ['زنغزور', 'الفيدرالي', 'الذهب', 'أوبك', 'ملعب اليرموك', 'الانتخابات الرئاسية', 'الدعم السريع', 'صندوق النقد الدولي'] as const;

const fixtures = new URL('../../fixtures/labelled/', import.meta.url);
const readJson = (url: URL): LabelledArticle[] => JSON.parse(readFileSync(url, 'utf8')) as LabelledArticle[];

export function labelledSet(name: LabelledSetName): LabelledArticle[] {
  if (name === 'original') return readJson(new URL('articles.json', fixtures));
  const dir = new URL(`${name}/`, fixtures);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).toSorted().flatMap((f) => readJson(new URL(f, dir)));
}

/** The original set (kept for the tests written against it). */
export const labelledArticles = (): LabelledArticle[] => labelledSet('original');

export const toArticle = (l: LabelledArticle): Article => article(l.title, l.body, l.id, l.url);

/** Labelled articles of `names` by id, and the topics `matcher` fires for one (for tests that name the sentence that decides). */
export function labelledById(matcher: TopicMatcher, names: readonly LabelledSetName[]): { byId: (id: string) => LabelledArticle; fired: (id: string) => string[] } {
  const sets = names.flatMap((name) => labelledSet(name));
  const byId = (id: string): LabelledArticle => {
    const found = sets.find((l) => l.id === id);
    if (!found) throw new Error(`no labelled article ${id}`);
    return found;
  };
  return { byId, fired: (id) => matcher.match(toArticle(byId(id))).map((m) => m.topicId) };
}

export interface Scores {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  /** Per article: topics that fired but were not expected (and not optional), and expected ones that did not fire. */
  readonly errors: { id: string; falsePositives: string[]; falseNegatives: string[] }[];
}

function score(set: readonly LabelledArticle[], fired: (l: LabelledArticle) => Set<string>, labels: (l: LabelledArticle) => { expect: readonly string[]; optional: readonly string[] }): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: Scores['errors'] = [];
  for (const l of set) {
    const got = fired(l);
    const { expect, optional } = labels(l);
    const falsePositives = [...got].filter((id) => !expect.includes(id) && !optional.includes(id));
    const falseNegatives = expect.filter((id) => !got.has(id));
    tp += expect.length - falseNegatives.length;
    fp += falsePositives.length;
    fn += falseNegatives.length;
    if (falsePositives.length + falseNegatives.length > 0) errors.push({ id: l.id, falsePositives, falseNegatives });
  }
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), errors };
}

/**
 * Micro precision and recall over the set (catalogue topics only). Every topic that fires and
 * is neither expected nor optional is a false positive (whether or not it is listed in `forbid`).
 */
export function evaluate(matcher: TopicMatcher, set: readonly LabelledArticle[]): Scores {
  return score(
    set,
    (l) => new Set(matcher.match(toArticle(l)).filter((m) => m.kind !== 'keyword').map((m) => m.topicId as string)),
    (l) => ({ expect: l.expect, optional: [...l.optional, ...implicitlyOptional(matcher, l)] }),
  );
}

/**
 * Regions fire from their members (Jordan → the Levant → the Middle East), so every ancestor of
 * a topic the article expects or allows may fire too, unless the label forbids it. Applied the
 * same way to every set; labels list regions in `expect` only where the story is about the group.
 */
export function implicitlyOptional(matcher: TopicMatcher, l: LabelledArticle): string[] {
  const out = new Set<string>();
  const queue = [...l.expect, ...l.optional];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const parent of matcher.get(id as never)?.parents ?? []) {
      if (out.has(parent) || l.forbid.includes(parent)) continue;
      out.add(parent);
      queue.push(parent);
    }
  }
  return [...out];
}

/** The same for LABELLED_KEYWORDS added to `matcher` as free keywords (scored by keyword text). */
export function evaluateKeywords(matcher: TopicMatcher, set: readonly LabelledArticle[]): Scores {
  const fired = firedKeywords(matcher, set);
  return score(set, (l) => fired.get(l.id) ?? new Set(), (l) => l.keywords ?? { expect: [], optional: [] });
}

const only = (k: string, list: readonly string[]): string[] => list.filter((x) => x === k);

/** The keyword figures one keyword at a time (same run as evaluateKeywords, split by keyword text). */
export function evaluateEachKeyword(matcher: TopicMatcher, set: readonly LabelledArticle[]): Map<string, Scores> {
  const fired = firedKeywords(matcher, set);
  return new Map(LABELLED_KEYWORDS.map((k) => [k, score(
    set,
    (l) => new Set(only(k, [...(fired.get(l.id) ?? [])])),
    (l) => ({ expect: only(k, l.keywords?.expect ?? []), optional: only(k, l.keywords?.optional ?? []) }),
  )]));
}

/** Which LABELLED_KEYWORDS fire on each article, with the keywords added to `matcher` for the run only. */
function firedKeywords(matcher: TopicMatcher, set: readonly LabelledArticle[]): Map<string, Set<string>> {
  const byId = new Map<string, string>();
  for (const k of LABELLED_KEYWORDS) {
    const t = keywordTopic(k);
    if (!t.ok) throw new Error(`bad keyword ${k}`);
    matcher.add(t.value);
    byId.set(t.value.id, k);
  }
  try {
    return new Map(set.map((l) => [l.id, new Set(matcher.match(toArticle(l)).flatMap((m) => byId.get(m.topicId) ?? []))]));
  } finally {
    for (const id of byId.keys()) matcher.remove(id as never);
  }
}

/** Scores per ambiguity class (an article counts in each of its classes). */
export function evaluateByClass(matcher: TopicMatcher, set: readonly LabelledArticle[]): Map<string, Scores> {
  const classes = new Map<string, LabelledArticle[]>();
  for (const l of set) for (const c of l.classes ?? []) classes.set(c, [...(classes.get(c) ?? []), l]);
  return new Map([...classes].toSorted(([a], [b]) => a.localeCompare(b)).map(([c, list]) => [c, evaluate(matcher, list)]));
}

/** One line per figure, for test output and the report. */
export function describeScores(label: string, s: Scores, n: number): string {
  return `${label}: ${n} articles, tp=${s.tp} fp=${s.fp} fn=${s.fn}, precision=${s.precision.toFixed(3)} recall=${s.recall.toFixed(3)}`;
}
