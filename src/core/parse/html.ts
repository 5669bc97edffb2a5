/**
 * An HTML article page → the parts of an Article. Metadata is read before Readability runs
 * (it rewrites the document): og:title, article:published_time and friends, JSON-LD
 * datePublished/headline/publisher, the canonical URL, og:site_name.
 * Pages are read in one streaming pass without a DOM (page-scan.ts); linkedom and Readability
 * only run for pages that do not mark their article body. That path is the costliest step of the
 * pipeline (measured Dec 2026 on the 2 KB Qatar fixture: ~0.14 ms linkedom, ~0.45 ms Readability,
 * ~400 KB allocated, against ~0.07 ms for a whole marked page); it is kept as it is because
 * guessing the body of an unmarked page is exactly Readability's job, and a home-grown guess would
 * change what readers get on real pages.
 */
import { Readability } from '@mozilla/readability';
import { cleanSpace, documentSource, paragraphsOf, parseDocument, type DomDocument, type DomElement } from './dom.js';
import { readMachineDate } from '../printed-date.js';
import { scanPage, type PageFacts } from './page-scan.js';

export interface HtmlPage {
  readonly title?: string;
  readonly paragraphs: readonly string[];
  readonly url?: string;
  readonly outlet?: string;
  readonly published?: Date;
  /** The page's date when it is not machine-readable ("05 ديسمبر 2025"), for parseArticle to read in the source zone. */
  readonly publishedText?: string;
}

type MetaKey = readonly ['property' | 'name' | 'itemprop', string];

const meta = (facts: PageFacts, ...keys: MetaKey[]): string | undefined => {
  for (const [attr, value] of keys) {
    const content = cleanSpace(facts.meta(attr, value) ?? '');
    if (content) return content;
  }
  return undefined;
};

/**
 * A metadata date: a machine date (ISO 8601 with an offset, RFC 2822, epoch ms) as a Date, any
 * other text kept as printed for parseArticle (never `new Date(text)`: V8 reads 11.08.2025 as
 * 8 November, and an offset-less time in the server's zone).
 */
function metaDate(value: unknown): Pick<HtmlPage, 'published' | 'publishedText'> | undefined {
  if (typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : { published: date };
  }
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const date = readMachineDate(value);
  return date ? { published: date } : { publishedText: value.trim().slice(0, 200) };
}

/** The first value of `key` found walking JSON-LD (objects, arrays, @graph). */
function findJsonLd(node: unknown, key: string, depth = 0): unknown {
  if (depth > 6 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findJsonLd(item, key, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (record[key] !== undefined) return record[key];
  for (const value of Object.values(record)) {
    const found = findJsonLd(value, key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function readJsonLd(texts: readonly string[]): unknown[] {
  const blocks: unknown[] = [];
  for (const text of texts) {
    try {
      blocks.push(JSON.parse(text));
    } catch {
      // A broken JSON-LD block is common on real sites; the other metadata still counts.
      continue;
    }
  }
  return blocks;
}

/** Only absolute http(s) URLs are kept: a page cannot smuggle javascript: into a link. */
export function httpUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

const MARKED_BODY_BLOCKS = 'p, h2, h3, blockquote';
const NOT_BODY = 'figure, figcaption, aside, nav, footer, form, [class*="related"], [class*="share"]';

/**
 * The paragraphs of a page that marks its article body (`itemprop="articleBody"` or a single
 * `<article>`) with real paragraphs in it. Most news sites do; reading the mark directly is about
 * ten times cheaper than Readability, which stays the fallback for everything else.
 */
function markedBody(doc: DomDocument): string[] | undefined {
  const articles = [...doc.querySelectorAll('article')];
  const root = doc.querySelector('[itemprop="articleBody"]') ?? (articles.length === 1 ? articles[0] : undefined);
  if (!root) return undefined;
  const paragraphs = paragraphsOf(root, MARKED_BODY_BLOCKS, NOT_BODY);
  const size = paragraphs.reduce((n, p) => n + p.length, 0);
  return paragraphs.length >= 2 && size >= 200 ? paragraphs : undefined;
}

/** The page facts read through linkedom's DOM. */
function domFacts(doc: DomDocument): PageFacts {
  return {
    meta: (attr, value) => doc.querySelector(`meta[${attr}="${value}"]`)?.getAttribute('content'),
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    time: doc.querySelector('time[datetime]')?.getAttribute('datetime'),
    h1: doc.querySelector('h1')?.textContent ?? undefined,
    // Read when asked: the title is only consulted after Readability has run, as it always was.
    get title() {
      return doc.querySelector('title')?.textContent ?? undefined;
    },
    jsonLd: [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) => script.textContent ?? ''),
  };
}

/** Reads an article page. Paragraphs come from the marked article body, else Readability, else the body. */
export function parseHtmlPage(html: string, baseUrl?: string): HtmlPage {
  const source = documentSource(html);
  // The scan answers every metadata query; only a page without a marked body (or one the scan is
  // unsure of) is parsed into a DOM, for Readability.
  const scanned = scanPage(source);
  const doc = scanned?.paragraphs ? undefined : parseDocument(source);
  const facts = scanned ?? domFacts(doc as DomDocument);
  const jsonLd = readJsonLd(facts.jsonLd);
  const ld = (key: string): unknown => findJsonLd(jsonLd, key);
  const publisher = ld('publisher');
  const ldPublisher = typeof publisher === 'object' && publisher !== null ? (publisher as { name?: unknown }).name : undefined;
  const url = httpUrl(facts.canonical, baseUrl)
    ?? httpUrl(meta(facts, ['property', 'og:url']), baseUrl) ?? httpUrl(baseUrl);
  const published = metaDate(meta(facts, ['property', 'article:published_time'], ['name', 'pubdate'],
    ['name', 'publish-date'], ['itemprop', 'datePublished'], ['name', 'date'], ['name', 'dc.date']))
    ?? metaDate(ld('datePublished'))
    ?? metaDate(facts.time);
  const headline = ld('headline');
  const metaTitle = meta(facts, ['property', 'og:title'], ['name', 'twitter:title'])
    ?? (typeof headline === 'string' ? cleanSpace(headline) : undefined);
  let outlet = meta(facts, ['property', 'og:site_name']) ?? (typeof ldPublisher === 'string' ? cleanSpace(ldPublisher) : undefined);

  const h1 = cleanSpace(facts.h1 ?? '');
  const marked = scanned ? scanned.paragraphs : markedBody(doc as DomDocument);
  const article = marked || !doc ? undefined : new Readability(doc as never, { serializer: (node) => node as unknown as DomElement }).parse();
  outlet ??= article?.siteName ? cleanSpace(article.siteName) : undefined;
  // "headline - site" titles: Readability trims them, sometimes cutting the headline too. An <h1>
  // that contains the guess, or is contained in it, is the whole headline.
  // The title element is read after Readability, as it always was (Readability rewrites the DOM).
  const titleText = doc ? doc.querySelector('title')?.textContent : facts.title;
  const guess = article?.title ? cleanSpace(article.title) : cleanSpace(titleText ?? '');
  const title = metaTitle ?? (h1 && (!guess || h1.includes(guess) || guess.includes(h1)) ? h1 : guess || undefined);
  const content = article?.content ?? doc?.body;
  const paragraphs = marked ?? (content ? paragraphsOf(content) : []);
  // Readability keeps the page's <h1> as the first block; the title is not part of the body.
  const body = title && paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  return {
    ...(title ? { title } : {}), paragraphs: body, ...(url ? { url } : {}),
    ...(outlet ? { outlet } : {}), ...published,
  };
}
