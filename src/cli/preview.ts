/**
 * `tanbih preview [--json] [--jsonl] [--tz ZONE] [--outlet NAME] [--url URL] <file|->`
 * Shows the alert an article would produce, as a subscriber reads it (or as JSON).
 * The input kind is recognized: an HTML page, an RSS/Atom/JSON feed (every item), a JSON
 * article `{title?, body, …}`, else plain text. `--tz` is both the source's zone (datelines
 * are read in it) and the display zone; default DEFAULT_TIMEZONE, else Asia/Riyadh.
 * `--jsonl` reads `{id, title, body, url?, published?, outlet?}` lines and writes one result
 * (or `{id, error}`) per line, each with `stale` and `story: {id, sameAs?, update?}`: the lines
 * are clustered into stories in input order by the rule ingest uses (core/story). `--now ISO`
 * is the ingest time (staleness, relative datelines); default the clock.
 * Exit: 0 ok, 1 unreadable or rejected input, 2 bad arguments.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Rejection } from '../core/article.js';
import { builtinTopics } from '../core/catalog.js';
import type { ArticleInput } from '../core/input.js';
import { createMatcher, type TopicMatcher } from '../core/matcher.js';
import { decodeUtf8 } from '../core/parse/guards.js';
import { parseFeed } from '../core/parse/feed.js';
import { isValidTimeZone } from '../core/time.js';
import { prepareArticle } from '../core/pipeline.js';
import type { PreparedArticle } from '../core/prepared.js';
import { renderAlert } from '../core/render/alert.js';
import { isStale } from '../core/stale.js';
import { createStoryWindow, type StoryWindow } from '../core/story/window.js';
import type { Result } from '../core/result.js';
import { validateTelegramHtml } from '../core/telegram-html.js';
import type { CliIo } from './io.js';

const USAGE = `Usage: npm run -s preview -- [--json | --jsonl] [--tz ZONE] [--outlet NAME] [--url URL] [--now ISO] <file|->
  --json      print {title, publishedAt, outlet, citedSources, topics, summary, html, warnings, stale} instead of the alert
  --jsonl     read JSON Lines {id, title, body, url?, published?, outlet?} (stdin or file); one result per line
  --tz ZONE   IANA zone of the source's datelines and of the displayed time (default DEFAULT_TIMEZONE or Asia/Riyadh)
  --outlet    the outlet's name for the source line;  --url  the article's link
  --now ISO   the ingest time: what "stale" is relative to (default: now)`;

type Context = { readonly io: CliIo; readonly tz: string; readonly matcher: TopicMatcher; readonly now: Date; readonly staleAfterHours: number };

async function readAll(source: string, io: CliIo): Promise<Uint8Array> {
  if (source !== '-') return readFile(source);
  const chunks: Uint8Array[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function inputsOf(bytes: Uint8Array, common: { timeZone: string; outlet?: string; url?: string }): Result<ArticleInput[], Rejection> {
  const head = new TextDecoder().decode(bytes.subarray(0, 400)).trimStart().toLowerCase();
  if (/^(<\?xml|<rss|<feed|<rdf)/.test(head) || (head.startsWith('{') && head.includes('jsonfeed.org'))) {
    const feed = parseFeed(bytes);
    if (!feed.ok) return feed;
    return { ok: true, value: feed.value.items.map((item) => ({ kind: 'feed-item', item, ...common, outlet: common.outlet ?? feed.value.title })) };
  }
  const text = decodeUtf8(bytes);
  if (!text.ok) return text;
  if (head.startsWith('<')) return { ok: true, value: [{ kind: 'html', html: text.value, ...common }] };
  if (head.startsWith('{')) return { ok: true, value: [{ kind: 'json', json: text.value, ...common }] };
  return { ok: true, value: [{ kind: 'text', text: text.value, ...common }] };
}

function toJson(prepared: PreparedArticle, html: string, ctx: Context): Record<string, unknown> {
  const { article } = prepared;
  return {
    title: article.title, publishedAt: article.publishedAt.toISOString(), timeSource: article.timeSource,
    outlet: article.outlet ?? null, url: article.url ?? null, citedSources: article.citedSources,
    topics: prepared.matches.map((m) => ({ id: m.topicId, name: m.name, score: m.score, evidence: m.evidence, path: m.path })),
    summary: prepared.summary, html, warnings: article.warnings ?? [], stale: isStale(article, ctx.now, ctx.staleAfterHours),
  };
}

/** Files the article under a story of the run; `sameAs` is the input id of the story's first line. */
function storyOf(prepared: PreparedArticle, id: unknown, stories: StoryWindow, firstInput: Map<string, unknown>): Record<string, unknown> {
  const { decision, story } = stories.assign(prepared.article.id, prepared.storyFeatures!, prepared.fingerprint.signature, prepared.article.publishedAt);
  if (decision.kind === 'new') {
    firstInput.set(story.id, id);
    return { id: story.id };
  }
  return { id: story.id, sameAs: firstInput.get(story.id) ?? null, ...(decision.kind === 'update' ? { update: true } : {}) };
}

/** The alert as a subscriber reads it: tags gone, entities decoded, invisible direction marks dropped. */
function asReader(html: string, url: string | undefined): string {
  const check = validateTelegramHtml(html);
  const text = check.ok ? check.text : html;
  const plain = text.replace(/[\u200E\u200F\u2066-\u2069]/g, '');
  return url ? plain.replace('اقرأ الخبر كاملاً', `اقرأ الخبر كاملاً: ${url}`) : plain;
}

function prepare(input: ArticleInput, ctx: Context): Result<{ prepared: PreparedArticle; html: string }, Rejection> {
  const result = prepareArticle(input, { now: ctx.now, defaultTimeZone: ctx.tz, matcher: ctx.matcher });
  if (!result.ok) return result;
  return { ok: true, value: { prepared: result.value, html: renderAlert(result.value, { timeZone: ctx.tz }) } };
}

async function runJsonl(bytes: Uint8Array, ctx: Context): Promise<number> {
  const lines = new TextDecoder().decode(bytes).split(/\r?\n/);
  const stories = createStoryWindow();
  const firstInput = new Map<string, unknown>();
  for (const raw of lines) {
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      ctx.io.stdout.write(`${JSON.stringify({ id: null, code: 'malformed-json', error: 'line is not valid JSON' })}\n`);
      continue;
    }
    const id = typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : null;
    const done = prepare({ kind: 'json', json: value, timeZone: ctx.tz }, ctx);
    const out = done.ok
      ? { id, ...toJson(done.value.prepared, done.value.html, ctx), story: storyOf(done.value.prepared, id, stories, firstInput) }
      : { id, code: done.error.code, error: done.error.reason };
    ctx.io.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return 0;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        json: { type: 'boolean' }, jsonl: { type: 'boolean' }, tz: { type: 'string' }, outlet: { type: 'string' }, url: { type: 'string' },
        now: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const tz = values.tz ?? io.env['DEFAULT_TIMEZONE'] ?? 'Asia/Riyadh';
  const source = positionals[0] ?? (values.jsonl ? '-' : undefined);
  if (!source || positionals.length > 1 || (values.json && values.jsonl) || !isValidTimeZone(tz)) {
    io.stderr.write(`${isValidTimeZone(tz) ? '' : `Unknown time zone "${tz}".\n`}${USAGE}\n`);
    return 2;
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    io.stderr.write(`--now needs an ISO date-time such as 2026-12-01T00:00:00Z, not "${values.now}".\n${USAGE}\n`);
    return 2;
  }
  const staleAfterHours = Number(io.env['STALE_AFTER_HOURS'] ?? '') || 36;
  let bytes: Uint8Array;
  try {
    bytes = await readAll(source, io);
  } catch (error) {
    io.stderr.write(`Cannot read ${source}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const ctx: Context = { io, tz, matcher: createMatcher(builtinTopics()), now, staleAfterHours };
  if (values.jsonl) return runJsonl(bytes, ctx);
  const inputs = inputsOf(bytes, { timeZone: tz, ...(values.outlet ? { outlet: values.outlet } : {}), ...(values.url ? { url: values.url } : {}) });
  if (!inputs.ok) {
    io.stderr.write(`Rejected (${inputs.error.code}): ${inputs.error.reason}\n`);
    return 1;
  }
  let failed = 0;
  for (const input of inputs.value) {
    const done = prepare(input, ctx);
    if (!done.ok) {
      io.stderr.write(`Rejected (${done.error.code}): ${done.error.reason}\n`);
      failed++;
    } else if (values.json) {
      io.stdout.write(`${JSON.stringify(toJson(done.value.prepared, done.value.html, ctx))}\n`);
    } else {
      for (const w of done.value.prepared.article.warnings ?? []) io.stderr.write(`Warning (${w.code}): ${w.message}\n`);
      io.stdout.write(`${asReader(done.value.html, done.value.prepared.article.url)}\n${inputs.value.length > 1 ? '\n' : ''}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
