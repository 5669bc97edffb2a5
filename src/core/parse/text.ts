/**
 * Plain-text article layout: the lines above the body may hold photo captions (often printed
 * twice, or ending in a credit such as "(روسيا اليوم)"), a dateline line and a short headline.
 * They are told apart here; the body keeps everything else, one paragraph per line or block.
 */
import { readDatelineLine, type DatelineContext, type DatelineMatch } from '../dateline.js';
import { normalizeText } from '../normalize.js';
import { isListItem } from '../summary-check.js';

export interface TextLayout {
  readonly title?: string;
  readonly paragraphs: readonly string[];
  readonly captions: readonly string[];
  readonly dateline?: DatelineMatch;
}

/** The longest line that can still be a headline, a caption or a dateline. */
const MAX_HEADER_LINE = 200;
const HEADER_LINES = 6;
const CREDIT = /\([^()]{2,40}\)\s*$/u;
const PHOTO_WORDS = /^(?:\(?صور[ةه]|الصور[ةه]|\(?ارشيف|photo\b|image\b)/u;
const TERMINAL = /[.!?؟…:»"”)]$/u;

type Kind = 'caption' | 'dateline' | 'line';

/** Splits text into trimmed lines, blank lines kept as '' (they separate paragraphs). */
function lines(text: string): string[] {
  // Runs of two or more, and lone tabs and no-break spaces: a lone space already is what a run becomes.
  return text.replace(/[ \t\u00A0]{2,}|[\t\u00A0]/g, ' ').split(/\r\n?|\n|\u2028|\u2029/).map((l) => l.trim());
}

/**
 * Joins hard-wrapped lines inside a blank-line block; a line that ends a sentence ends its paragraph.
 * A bulleted line (a fact-box item: "- …", "ـ …", "1- …") is a paragraph of its own: items rarely
 * end with a full stop, and joined they would read as one long sentence.
 */
function paragraphsOf(body: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  let item = false;
  for (const line of body) {
    const bullet = line !== '' && isListItem(line);
    if (!line) {
      if (current) out.push(current);
      current = '';
    } else if (current && !TERMINAL.test(current) && !bullet && !item) {
      current = `${current} ${line}`;
    } else {
      if (current) out.push(current);
      current = line;
    }
    item = bullet;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Reads the layout of a plain-text article. `knownTitle` (from JSON or a feed) suppresses headline
 * detection, but captions and the dateline are still recognized and kept out of the body.
 * `normalize` lets the caller share one memo of normalizeText between this and later steps.
 */
export function parseTextLayout(
  text: string, ctx: DatelineContext, knownTitle?: string, normalize: (line: string) => string = normalizeText,
): TextLayout {
  const all = lines(text);
  const header: Array<{ index: number; line: string; norm: string }> = [];
  for (let i = 0; i < all.length && header.length < HEADER_LINES; i++) {
    const line = all[i] ?? '';
    if (!line) continue;
    if (line.length > MAX_HEADER_LINE) break;
    header.push({ index: i, line, norm: normalize(line) });
  }
  const kinds = new Map<number, Kind>();
  const creditOnly = new Set<number>();
  let dateline: DatelineMatch | undefined;
  for (const h of header) {
    const repeated = header.some((o) => o.index !== h.index && o.norm === h.norm);
    const credited = CREDIT.test(h.line) && !TERMINAL.test(h.line.replace(CREDIT, '').trim());
    const match = dateline ? undefined : readDatelineLine(h.line, ctx, h.norm);
    if (match) {
      dateline = match;
      kinds.set(h.index, 'dateline');
    } else if (repeated || PHOTO_WORDS.test(h.norm) || credited) {
      kinds.set(h.index, 'caption');
      if (!repeated && !PHOTO_WORDS.test(h.norm)) creditOnly.add(h.index);
    } else {
      kinds.set(h.index, 'line');
    }
  }
  // A credit alone makes a caption only when a dateline or a headline-like line follows it:
  // "عنوان (فيديو)" above the first body sentence is the headline.
  for (const i of creditOnly) {
    const followed = header.some((h) => h.index > i
      && (kinds.get(h.index) === 'dateline' || (kinds.get(h.index) === 'line' && !h.line.endsWith('.'))));
    if (!followed) kinds.set(i, 'line');
  }
  const datelineAt = header.find((h) => kinds.get(h.index) === 'dateline')?.index ?? -1;
  let title: string | undefined = knownTitle;
  let titleAt = -1;
  if (title === undefined) {
    // The headline is the first short line after the dateline (or the first at all); a full stop
    // marks a sentence of the body, not a headline.
    const candidates = header.filter((h) => kinds.get(h.index) === 'line' && !h.line.endsWith('.'));
    const pick = candidates.find((h) => h.index > datelineAt) ?? candidates[0];
    const next = pick ? all.slice(pick.index + 1).some((l) => l.length > 0) : false;
    if (pick && next) {
      title = pick.line;
      titleAt = pick.index;
    }
  }
  // Captions sit above the headline (or the body): a repeated line further down is body text.
  const bodyStart = titleAt >= 0 ? titleAt : header.find((h) => kinds.get(h.index) === 'line')?.index ?? Infinity;
  for (const h of header) if (kinds.get(h.index) === 'caption' && h.index > bodyStart) kinds.set(h.index, 'line');
  const captionLines = header.filter((h) => kinds.get(h.index) === 'caption');
  const uniqueCaptions = captionLines.filter((c, i) => captionLines.findIndex((o) => o.norm === c.norm) === i).map((c) => c.line);
  const body = all.map((line, i) => (i === titleAt || kinds.get(i) === 'caption' || kinds.get(i) === 'dateline' ? '' : line));
  return {
    ...(title !== undefined ? { title } : {}),
    paragraphs: paragraphsOf(body),
    captions: uniqueCaptions,
    ...(dateline ? { dateline } : {}),
  };
}
