/**
 * The whole article → alert path (parse, summarize, match, fingerprint, render, per article) over
 * the canonical fixture and the test articles: plain text, JSON, RSS/Atom/JSON Feed items and an
 * HTML page. One thread, so one core. `npm run -s bench -- pipeline --json [--rounds N]`.
 * HTML pages are also timed apart: one marks its article body and is read in a streaming pass,
 * the other does not and goes through linkedom + Readability, which costs far more than the rest.
 * The parse stage includes normalizing and tokenizing the article once (articleTokens).
 * Every article is also filed into a story window holding 10,000 recent stories (core/story):
 * candidate retrieval through the inverted index, the decision, the record.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { builtinTopics } from '../src/core/catalog.js';
import { articleTokens } from '../src/core/article-tokens.js';
import type { ArticleInput } from '../src/core/input.js';
import { createMatcher } from '../src/core/matcher.js';
import { parseFeed } from '../src/core/parse/feed.js';
import { storyFingerprint } from '../src/core/fingerprint.js';
import { parseArticleText } from '../src/core/parse/index.js';
import { prepareArticle, type PipelineDeps } from '../src/core/pipeline.js';
import { summarize } from '../src/core/summarize.js';
import { storyFeatures } from '../src/core/story/features.js';
import { renderAlert } from '../src/core/render/alert.js';
import type { StoryFeatures } from '../src/core/story/features.js';
import { createStoryWindow, type StoryWindow } from '../src/core/story/window.js';

const fixtures = new URL('../tests/fixtures/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, fixtures), 'utf8');

function feedItems(name: string): ArticleInput[] {
  const feed = parseFeed(readFileSync(new URL(`articles/${name}`, fixtures)));
  if (!feed.ok) throw new Error(`${name}: ${feed.error.reason}`);
  return feed.value.items.map((item) => ({ kind: 'feed-item', item, ...(feed.value.title ? { outlet: feed.value.title } : {}) }));
}

function inputs(): { light: ArticleInput[]; html: ArticleInput[] } {
  const light: ArticleInput[] = [
    { kind: 'text', text: read('armenia-withdrawal.txt'), timeZone: 'Asia/Dubai' },
    { kind: 'text', text: read('articles/tunisia-dateline.txt'), timeZone: 'Africa/Tunis' },
    { kind: 'json', json: read('articles/jordan-article.json') },
    ...feedItems('gaza-rss.xml'), ...feedItems('lebanon-atom.xml'), ...feedItems('morocco-feed.json'), ...feedItems('uae-windows-1256.xml'),
  ];
  return { light, html: [{ kind: 'html', html: read('articles/sudan-page.html') }, { kind: 'html', html: read('articles/qatar-page-divs.html') }] };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

interface Figures { perSec: number; perCpuSec: number; p50: number; p99: number; count: number }

/** Stories held before measuring. */
const WINDOW_STORIES = 10_000;

/**
 * A window of WINDOW_STORIES stories shaped like real ones: each borrows a prepared article's
 * features (topics, counts) with terms drawn from a Zipf-distributed vocabulary instead, so
 * postings have the long tail of a real week. The window is wide so the fixtures' dates all fit.
 */
function filledWindow(list: readonly ArticleInput[], deps: PipelineDeps): StoryWindow {
  const window = createStoryWindow({ windowMs: 20 * 365 * 24 * 3600 * 1000, maxStories: 2 * WINDOW_STORIES });
  const seeds = list.map((input) => {
    const p = prepareArticle(input, deps);
    if (!p.ok) throw new Error(p.error.reason);
    return p.value;
  });
  let x = 12345;
  const random = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  // Rank r with probability ∝ 1/r over 50,000 words (log-uniform ranks).
  const zipf = (): string => `كلمه${Math.floor(50_000 ** random())}`;
  for (let i = 0; i < WINDOW_STORIES; i++) {
    const seed = seeds[i % seeds.length]!;
    const f = seed.storyFeatures!;
    const features: StoryFeatures = {
      ...f,
      terms: f.terms.map(() => zipf()),
      numbers: [String(100 + Math.floor(random() * 5000))],
    };
    const signature = seed.fingerprint.signature.map((v) => (v ^ Math.floor(random() * 2 ** 31)) >>> 0);
    window.assign(`s${i}`, features, signature, seed.article.publishedAt);
  }
  return window;
}

function measure(list: readonly ArticleInput[], rounds: number, deps: PipelineDeps, stories?: StoryWindow): Figures {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of list) {
      const t0 = performance.now();
      const prepared = prepareArticle(input, deps);
      if (!prepared.ok) throw new Error(prepared.error.reason);
      stories?.assign(prepared.value.article.id, prepared.value.storyFeatures!, prepared.value.fingerprint.signature, prepared.value.article.publishedAt);
      renderAlert(prepared.value, { timeZone: 'Asia/Riyadh' });
      times.push(performance.now() - t0);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const sorted = times.toSorted((a, b) => a - b);
  return {
    perSec: Math.round(times.length / seconds), perCpuSec: Math.round(times.length / cpuSeconds),
    p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), count: times.length,
  };
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Mean milliseconds per article of each stage, over `list`: where the time goes. */
function stages(list: readonly ArticleInput[], rounds: number, deps: PipelineDeps, stories: StoryWindow): Record<string, number> {
  const total = { parse: 0, summarize: 0, match: 0, fingerprint: 0, story: 0, render: 0 };
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    for (const input of list) {
      let t0 = performance.now();
      const parsed = parseArticleText(input, { now: deps.now, defaultTimeZone: deps.defaultTimeZone });
      if (!parsed.ok) throw new Error(parsed.error.reason);
      const { article, normalized, normalizedTitle } = parsed.value;
      const tokens = articleTokens(article, { title: normalizedTitle, paragraphs: normalized });
      const lap = (stage: keyof typeof total): void => {
        const t1 = performance.now();
        total[stage] += t1 - t0;
        t0 = t1;
      };
      lap('parse');
      const summary = summarize(article, { normalizedParagraphs: normalized, normalizedTitle, paragraphTokens: tokens.paragraphTokens });
      lap('summarize');
      const matches = deps.matcher.match(article, tokens);
      lap('match');
      const fingerprint = storyFingerprint(article, tokens);
      lap('fingerprint');
      stories.assign(article.id, storyFeatures(tokens, matches), fingerprint.signature, article.publishedAt);
      lap('story');
      renderAlert({ article, summary, matches, fingerprint }, { timeZone: 'Asia/Riyadh' });
      lap('render');
      count++;
    }
  }
  return Object.fromEntries(Object.entries(total).map(([k, v]) => [k, round3(v / count)]));
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const roundsArg = args.indexOf('--rounds');
  const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 400;
  const deps: PipelineDeps = { now: new Date('2026-01-01T00:00:00Z'), defaultTimeZone: 'Asia/Riyadh', matcher: createMatcher(builtinTopics()) };
  const { light, html } = inputs();
  const all = [...light, ...html];
  const heapEmpty = process.memoryUsage().heapUsed;
  const stories = filledWindow(all, deps);
  const windowMb = Math.round(((process.memoryUsage().heapUsed - heapEmpty) / 1024 / 1024) * 10) / 10;
  measure(all, 150, deps, stories); // warm-up: JIT, Intl formatters, the matcher's caches
  const textAndFeeds = measure(light, rounds, deps, stories);
  const htmlPages = measure(html, Math.max(20, Math.floor(rounds / 4)), deps, stories);
  const heapBefore = process.memoryUsage().heapUsed;
  const mixed = measure(all, rounds, deps, stories);
  const heapAfter = process.memoryUsage().heapUsed;
  const sentence = 'وقال وزير الخارجية إن المحادثات مع يريفان ستستأنف الأسبوع المقبل في موسكو بحضور الوسطاء. ';
  const large: ArticleInput = { kind: 'text', text: `محادثات أرمينيا\n\n${Array.from({ length: 1400 }, () => sentence).join('\n\n')}` };
  const big = measure([large], 10, deps, stories);
  return {
    articlesPerSec: mixed.perSec, p99Ms: round3(mixed.p99), p50Ms: round3(mixed.p50), articles: mixed.count,
    // Wall-clock figures suffer when other processes share the cores; CPU-time figures do much less.
    articlesPerCpuSec: mixed.perCpuSec, loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    distinctArticles: all.length,
    textAndFeedItems: { articlesPerSec: textAndFeeds.perSec, articlesPerCpuSec: textAndFeeds.perCpuSec, p99Ms: round3(textAndFeeds.p99), articles: textAndFeeds.count },
    htmlPages: { articlesPerSec: htmlPages.perSec, articlesPerCpuSec: htmlPages.perCpuSec, p99Ms: round3(htmlPages.p99), articles: htmlPages.count },
    textAndFeedStageMs: stages(light, Math.max(20, Math.floor(rounds / 4)), deps, stories),
    storiesInWindow: stories.size, storyWindowHeapMb: windowMb,
    words20kMs: round3(big.p50),
    heapGrowthMb: Math.round(((heapAfter - heapBefore) / 1024 / 1024) * 10) / 10,
    topics: deps.matcher.topics().length,
  };
}
