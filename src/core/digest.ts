/**
 * Digest messages, pure: the headlines collected for one chat over a period (or held by
 * quiet hours), grouped by topic, each linked, as Telegram HTML split into messages of at
 * most 4096 UTF-16 units. Every title, topic name and URL is escaped. The updates of one story
 * (core/story) follow its first headline as indented 🔄 lines instead of standing apart.
 */
import { escapeHtml } from './render/escape.js';

export const MESSAGE_LIMIT = 4096;

export interface DigestItem {
  readonly title: string;
  readonly url?: string;
  /** The topic the chat follows that this headline is filed under. */
  readonly topic: { readonly id: string; readonly name: string };
  /** The story the article belongs to: headlines of one story are grouped. */
  readonly story?: string;
}

export interface DigestOptions {
  readonly language: 'ar' | 'en';
  /** Per-message limit; defaults to Telegram's 4096 (tests pass less). */
  readonly limit?: number;
}

const HEADER = { ar: (n: number) => `🗞 <b>ملخص الأخبار</b> (${n})`, en: (n: number) => `🗞 <b>News digest</b> (${n})` };
const CONTINUED = { ar: '🗞 <b>ملخص الأخبار (تابع)</b>', en: '🗞 <b>News digest (continued)</b>' };
const MAX_TITLE = 300;

/** Only plain http(s) links of sane length become links; anything else is left out rather than trusted. */
const isHttpUrl = (url: string): boolean => url.length <= 1024 && /^https?:\/\/[^\s]+$/i.test(url);

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function headline(item: DigestItem, followUp = false): string {
  const title = escapeHtml(clip(item.title, MAX_TITLE));
  const bullet = followUp ? '   🔄 ' : '• ';
  return item.url && isHttpUrl(item.url) ? `${bullet}<a href="${escapeHtml(item.url)}">${title}</a>` : `${bullet}${title}`;
}

/** Within a topic group, a story's later headlines move right after its first one. */
function byStory(items: readonly DigestItem[]): { item: DigestItem; followUp: boolean }[] {
  const order: { item: DigestItem; followUp: boolean }[][] = [];
  const at = new Map<string, number>();
  for (const item of items) {
    const known = item.story === undefined ? undefined : at.get(item.story);
    if (known !== undefined) {
      order[known]!.push({ item, followUp: true });
      continue;
    }
    if (item.story !== undefined) at.set(item.story, order.length);
    order.push([{ item, followUp: false }]);
  }
  return order.flat();
}

/** Groups headlines by topic (topics in order of first appearance, headlines in the given order). */
export function groupByTopic(items: readonly DigestItem[]): { topic: DigestItem['topic']; items: DigestItem[] }[] {
  const groups = new Map<string, { topic: DigestItem['topic']; items: DigestItem[] }>();
  for (const item of items) {
    const group = groups.get(item.topic.id) ?? { topic: item.topic, items: [] };
    group.items.push(item);
    groups.set(item.topic.id, group);
  }
  return [...groups.values()];
}

/**
 * Renders the digest as one or more messages, each ≤ `limit` UTF-16 units. A message
 * is cut only between lines; a topic heading is repeated when its group continues.
 */
export function renderDigest(items: readonly DigestItem[], options: DigestOptions): string[] {
  const limit = options.limit ?? MESSAGE_LIMIT;
  if (items.length === 0) return [];
  const messages: string[] = [];
  let current = HEADER[options.language](items.length);
  const push = (block: string, heading: string): void => {
    if (current.length + block.length <= limit) {
      current += block;
      return;
    }
    messages.push(current);
    current = `${CONTINUED[options.language]}\n\n${heading}${block.replace(/^\n\n[^\n]*\n/, '\n')}`;
  };
  for (const group of groupByTopic(items)) {
    const heading = `🏷 <b>${escapeHtml(clip(group.topic.name, 100))}</b>`;
    byStory(group.items).forEach(({ item, followUp }, i) => {
      const line = headline(item, followUp);
      push(i === 0 ? `\n\n${heading}\n${line}` : `\n${line}`, heading);
    });
  }
  messages.push(current);
  return messages;
}
