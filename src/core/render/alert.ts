/**
 * The alert message, Telegram HTML, exactly in the DESIGN.md layout:
 *
 *   🔴 <b>headline</b>
 *
 *   summary sentences
 *
 *   📰 المصدر: outlet — نقلاً عن إنترفاكس
 *   🕓 الخميس 9 مايو 2024، 16:19 (بتوقيت دبي)
 *   🏷 #أرمينيا #جنوب_القوقاز
 *   🔗 <a href="…">اقرأ الخبر كاملاً</a>
 *
 * Every article string is stripped of bidi controls, Latin-isolated and escaped. The message stays
 * within Telegram's 4096 UTF-16 units after entity parsing: the summary is shortened (whole
 * sentences first, then at a word boundary), never the tags.
 */
import type { PreparedArticle, RenderOptions } from '../prepared.js';
import { clip } from '../sentences.js';
import { RLM, rtlText } from './bidi.js';
import { escapeHtml } from './escape.js';
import { formatAlertTime, zoneLabel } from './time.js';

/** Telegram's limit for a message text, in UTF-16 units after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;
// Every agency the report relies on is credited, in order of mention (the first is the main
// source): the fixture reads "نقلاً عن إنترفاكس وسبوتنيك أرمينيا". Three names at most keep the line short.
const MAX_CITED = 3;

/** One line of the message: its HTML and the length of the text Telegram will show for it. */
interface Line {
  readonly html: string;
  readonly length: number;
}

/** Plain text → a Line; `prefix`/`suffix` are trusted literals, `text` is article text. */
function line(prefix: string, text: string, suffix = ''): Line {
  const safe = rtlText(text);
  return { html: `${RLM}${prefix}${escapeHtml(safe)}${suffix}`, length: RLM.length + prefix.length + safe.length + suffix.length };
}

// Topic names are few and every alert repeats them: each hashtag is worked out once.
const hashtags = new Map<string, string>();
const HASHTAG_LIMIT = 5000;

/** "#جنوب_القوقاز": Telegram hashtags are letters, digits and underscores (harakat would split them). */
export function hashtag(name: string): string {
  let tag = hashtags.get(name);
  if (tag === undefined) {
    tag = `#${name.trim().replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '')}`;
    if (hashtags.size >= HASHTAG_LIMIT) hashtags.clear();
    hashtags.set(name, tag);
  }
  return tag;
}

function sourceLine(prepared: PreparedArticle): Line | undefined {
  const { outlet, citedSources } = prepared.article;
  const cited = citedSources.slice(0, MAX_CITED).map((s) => rtlText(s));
  const via = cited.length > 0 ? `نقلاً عن ${cited.join(' و')}` : '';
  if (!outlet && !via) return undefined;
  const text = outlet ? `المصدر: ${rtlText(outlet)}${via ? ` — ${via}` : ''}` : via;
  return { html: `${RLM}📰 ${escapeHtml(text)}`, length: RLM.length + 3 + text.length };
}

function timeLine(prepared: PreparedArticle, options: RenderOptions): Line {
  const { publishedAt, timeSource, timePrecision, warnings } = prepared.article;
  const when = formatAlertTime(publishedAt, { ...options, precision: timePrecision ?? 'minute' });
  const zone = timePrecision === 'day' ? '' : ` (${zoneLabel(options.timeZone)})`;
  const unreadable = timeSource === 'ingest-time' && (warnings ?? []).some((w) => w.code === 'unreadable-date');
  // The reader must not take our clock for the outlet's: say which time this is, and why.
  const text = unreadable
    ? `🕓 تعذّرت قراءة وقت النشر في المصدر؛ وصلنا الخبر ${when}${zone}`
    : `🕓 ${when}${zone}${timeSource === 'ingest-time' ? ' — وقت وصول الخبر، فالمصدر لم يذكر وقت النشر' : ''}`;
  return { html: `${RLM}${escapeHtml(text)}`, length: RLM.length + text.length };
}

function tagLine(prepared: PreparedArticle): Line | undefined {
  const tags = [...new Set(prepared.matches.map((m) => hashtag(m.name.ar)))].filter((t) => t.length > 1);
  if (tags.length === 0) return undefined;
  const text = `🏷 ${tags.join(' ')}`;
  return { html: `${RLM}${escapeHtml(text)}`, length: RLM.length + text.length };
}

function linkLine(url: string | undefined): Line | undefined {
  // Parsing keeps only http(s) links; a PreparedArticle built elsewhere gets the same rule here.
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  const label = 'اقرأ الخبر كاملاً';
  return { html: `${RLM}🔗 <a href="${escapeHtml(url)}">${label}</a>`, length: RLM.length + 3 + label.length };
}

/** The summary that fits in `budget` units: drop trailing sentences, then clip the last one. */
function summaryLine(sentences: readonly string[], budget: number): Line | undefined {
  for (let n = sentences.length; n > 0; n--) {
    const candidate = line('', sentences.slice(0, n).join(' '));
    if (candidate.length <= budget) return candidate;
    if (n === 1) {
      const clipped = line('', clip(rtlText(sentences[0] ?? ''), Math.max(0, budget - RLM.length - 4)));
      return clipped.length > RLM.length + 1 ? clipped : undefined;
    }
  }
  return undefined;
}

/**
 * Renders a prepared article for one subscriber (time zone, digits). The result passes
 * validateTelegramHtml and is at most MAX_MESSAGE_LENGTH units long after entity parsing.
 */
export function renderAlert(prepared: PreparedArticle, options: RenderOptions): string {
  // An update of a story already alerted says so before the headline (core/story/decide.ts).
  const head = line(prepared.story?.update ? '🔄 <b>تحديث: ' : '🔴 <b>', clip(prepared.article.title, 600), '</b>');
  const headline: Line = { html: head.html, length: head.length - '<b>'.length - '</b>'.length };
  const footer = [sourceLine(prepared), timeLine(prepared, options), tagLine(prepared), linkLine(prepared.article.url)]
    .filter((l): l is Line => l !== undefined);
  const fixed = headline.length + footer.reduce((n, l) => n + l.length + 1, 0);
  // Two blank-line separators around the summary: "\n\n" twice.
  const summary = summaryLine(prepared.summary, MAX_MESSAGE_LENGTH - fixed - 4);
  const blocks = [headline.html, ...(summary ? [summary.html] : []), footer.map((l) => l.html).join('\n')];
  return blocks.join('\n\n');
}
