/**
 * `parseArticle(input, ctx)`: any ArticleInput (plain text, HTML page, JSON, feed item) → one
 * Article, or a Rejection saying why not. Pure: the clock and the default zone are passed in.
 */
import { unreadableDate, type Article, type ArticleWarning, type Rejection } from '../article.js';
import { articleId } from '../article-id.js';
import { findCitedSources } from '../attribution.js';
import type { DatelineMatch } from '../dateline.js';
import type { ArticleInput } from '../input.js';
import { stripControls } from '../control-chars.js';
import { scriptCounts } from '../script-counts.js';
import { normalizeText } from '../normalize.js';
import { readPrintedTime, type PrintedTime } from '../printed-date.js';
import { err, ok, type Result } from '../result.js';
import { clip, splitSentences } from '../sentences.js';
import { isValidTimeZone } from '../time.js';
import { cleanSpace, htmlToParagraphs } from './dom.js';
import { checkRaw, checkText, checkWords } from './guards.js';
import { httpUrl, parseHtmlPage } from './html.js';
import { readJsonArticle } from './json.js';
import { resolvePublished } from './published.js';
import { parseTextLayout } from './text.js';

export interface ParseContext {
  /** The ingest time: relative datelines and the fallback time come from it. */
  readonly now: Date;
  /** The zone datelines are read in when the input names none. */
  readonly defaultTimeZone: string;
}

/**
 * linkedom and Readability have never thrown in fuzzing, but they are third-party parsers fed
 * hostile pages: if one does, the page is refused with the reason instead of failing the caller.
 */
function readPage(html: string, url: string | undefined): ReturnType<typeof parseHtmlPage> | Rejection {
  try {
    return parseHtmlPage(html, url);
  } catch (error) {
    return { code: 'not-text', reason: `the HTML page could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** What each kind of input yields before the common steps. */
interface Draft {
  readonly title?: string;
  readonly paragraphs: readonly string[];
  readonly captions: readonly string[];
  readonly dateline?: DatelineMatch;
  readonly url?: string;
  readonly outlet?: string;
  readonly published?: PrintedTime;
  readonly warnings?: readonly ArticleWarning[];
}

const MAX_TITLE = 300;

type Normalize = (text: string) => string;

/** normalizeText with a memo for one article: header lines are normalized again as paragraphs. */
function memoNormalize(): Normalize {
  const memo = new Map<string, string>();
  return (text) => {
    let normalized = memo.get(text);
    if (normalized === undefined) {
      normalized = normalizeText(text);
      memo.set(text, normalized);
    }
    return normalized;
  };
}

/** A machine date as is, a printed one read in the source zone; unreadable: a warning naming `field`. */
function timeOf(date: Date | undefined, text: string | undefined, field: string, ctx: { now: Date; timeZone: string }): Pick<Draft, 'published' | 'warnings'> {
  if (date) return { published: { date, precision: 'minute' } };
  if (text === undefined) return {};
  const published = readPrintedTime(text, ctx);
  return published ? { published } : { warnings: [unreadableDate(field, text)] };
}

function draftOf(input: ArticleInput, now: Date, timeZone: string, normalize: Normalize): Result<Draft, Rejection> {
  const ctx = { now, timeZone };
  switch (input.kind) {
    case 'text': {
      const checked = checkText(input.text);
      return checked.ok ? ok(parseTextLayout(checked.value, ctx, undefined, normalize)) : checked;
    }
    case 'html': {
      const checked = checkRaw(input.html);
      if (!checked.ok) return checked;
      const page = readPage(checked.value, input.url);
      if ('code' in page) return err(page);
      const { published, publishedText, ...rest } = page;
      return ok({ ...rest, ...timeOf(published, publishedText, 'datePublished', ctx), ...parseTextLayout(page.paragraphs.join('\n\n'), ctx, page.title, normalize) });
    }
    case 'json': {
      const json = readJsonArticle(input.json, ctx);
      if (!json.ok) return json;
      // JSON strings may escape any control character (\u0000): dropped, not a reason to refuse.
      const { body: rawBody, title, ...rest } = json.value;
      const body = stripControls(rawBody);
      const checked = checkText(body);
      if (!checked.ok) return checked;
      const text = /<\/?(?:p|div|br|span|a|b|strong|em|i)\b/i.test(body) ? htmlToParagraphs(body).join('\n\n') : body;
      return ok({ ...rest, ...parseTextLayout(text, ctx, title ? cleanSpace(title) : undefined, normalize) });
    }
    case 'feed-item': {
      const { item } = input;
      const html = item.contentHtml ?? item.summary ?? '';
      const raw = checkRaw(html);
      if (!raw.ok) return raw.error.code === 'empty' ? err({ code: 'no-body', reason: 'the feed item has no content or description' }) : raw;
      const layout = parseTextLayout(htmlToParagraphs(html).join('\n\n'), ctx, item.title, normalize);
      return ok({ ...layout, ...(item.link ? { url: item.link } : {}), ...timeOf(item.published, item.publishedText, 'pubDate', ctx) });
    }
  }
}

/** Display text never carries control characters (an HTML `&#1;` or a feed title can bring them). */
function withoutControls(draft: Draft): Draft {
  return {
    ...draft,
    paragraphs: draft.paragraphs.map(stripControls).filter((p) => p.trim().length > 0),
    ...(draft.title !== undefined ? { title: stripControls(draft.title) } : {}),
    ...(draft.outlet !== undefined ? { outlet: stripControls(draft.outlet) } : {}),
    captions: draft.captions.map(stripControls),
  };
}

function languageOf(text: string): Article['lang'] {
  const { arabic, latin } = scriptCounts(text);
  if (arabic >= latin && arabic > 0) return 'ar';
  return latin > 0 ? 'en' : 'other';
}

/** Parses one input into an Article (see module doc). Never throws on bad input. */
export function parseArticle(input: ArticleInput, ctx: ParseContext): Result<Article, Rejection> {
  const parsed = parseArticleText(input, ctx);
  return parsed.ok ? ok(parsed.value.article) : parsed;
}

/**
 * parseArticle, also returning normalizeText of every paragraph and of the title: the pipeline
 * hands them on to the later stages instead of normalizing the same text again.
 */
export function parseArticleText(
  input: ArticleInput, ctx: ParseContext,
): Result<{ article: Article; normalized: readonly string[]; normalizedTitle: string }, Rejection> {
  const timeZone = input.timeZone ?? ctx.defaultTimeZone;
  if (!isValidTimeZone(timeZone)) return err({ code: 'invalid-field', reason: `unknown time zone "${timeZone}"` });
  const normalize = memoNormalize();
  const drafted = draftOf(input, ctx.now, timeZone, normalize);
  if (!drafted.ok) return drafted;
  const draft = withoutControls(drafted.value);
  if (draft.paragraphs.length === 0) return err({ code: 'no-body', reason: 'the article has no body text' });
  // Text and JSON bodies were checked whole; extracted HTML and feed text is checked here.
  if (input.kind === 'html' || input.kind === 'feed-item') {
    const words = checkWords(draft.paragraphs.join('\n'));
    if (!words.ok) return words;
  }
  const title = clip(cleanSpace(draft.title ?? splitSentences(draft.paragraphs[0] ?? '')[0] ?? ''), MAX_TITLE);
  const url = httpUrl(draft.url) ?? httpUrl(input.url);
  const outlet = input.outlet !== undefined ? stripControls(input.outlet) : draft.outlet;
  const time = resolvePublished({
    ...(draft.published ? { metadata: draft.published } : {}),
    ...(draft.dateline ? { dateline: draft.dateline } : {}),
    ...(draft.paragraphs[0] ? { lead: draft.paragraphs[0] } : {}),
  }, ctx.now, timeZone);
  // Normalized once, shared by attribution, the id and (through the pipeline) the later stages.
  const normalized = draft.paragraphs.map(normalize);
  const normalizedTitle = normalize(title);
  const article: Article = {
    id: articleId({ ...(url ? { url } : {}), title, paragraphs: draft.paragraphs, normalized, normalizedTitle }),
    ...(url ? { url } : {}),
    title,
    paragraphs: draft.paragraphs,
    ...time,
    ...(outlet ? { outlet } : {}),
    citedSources: findCitedSources(draft.paragraphs, outlet, normalized),
    lang: languageOf(`${title} ${draft.paragraphs.slice(0, 3).join(' ')}`.slice(0, 2000)),
    ...(draft.captions.length > 0 ? { captions: draft.captions } : {}),
    ...(draft.warnings && draft.warnings.length > 0 ? { warnings: draft.warnings } : {}),
  };
  return ok({ article, normalized, normalizedTitle });
}
