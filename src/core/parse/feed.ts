/**
 * Feed bytes → ParsedFeed: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed through feedsmith.
 * The declared encoding is honoured (BOM, then the Content-Type charset, then the XML prolog;
 * UTF-8 otherwise), so windows-1256 Arabic feeds decode correctly. A document cut short or broken
 * part-way keeps every complete item before and after the damage (`problem` says what was lost);
 * input with no readable item is a Rejection.
 */
import iconv from 'iconv-lite';
import { parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import type { Rejection } from '../article.js';
import type { FeedItem, ParsedFeed } from '../input.js';
import { err, ok, type Result } from '../result.js';
import { escapeHtml } from '../render/escape.js';
import { readMachineDate } from '../printed-date.js';
import { htmlToText } from './dom.js';
import { httpUrl } from './html.js';

/** Feeds carry many full articles, so they may be larger than a single article input. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

const reject = (code: Rejection['code'], reason: string): Result<never, Rejection> => err({ code, reason });

/** Which charset the bytes declare: BOM, Content-Type, XML prolog; undefined means UTF-8. */
export function declaredCharset(bytes: Uint8Array, contentType?: string): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const header = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (header) return header.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase();
}

function decode(bytes: Uint8Array, contentType?: string): Result<string, Rejection> {
  const charset = declaredCharset(bytes, contentType) ?? 'utf-8';
  if (!iconv.encodingExists(charset)) return reject('malformed-feed', `the feed declares an unknown encoding "${charset}"`);
  // iconv strips a BOM by default; the XML prolog left inside names the old charset, which parsers ignore.
  return ok(iconv.decode(bytes, charset));
}

/**
 * A feed's time: a machine date (RFC 2822, ISO 8601) as a Date, anything else kept as printed text
 * for parseArticle, which reads it in the feed's zone. The first value present wins.
 */
function when(...values: (string | undefined)[]): Pick<FeedItem, 'published' | 'publishedText'> {
  const value = values.find((v) => v !== undefined && v.trim() !== '')?.trim();
  if (value === undefined) return {};
  const date = readMachineDate(value);
  return date ? { published: date } : { publishedText: value.slice(0, 200) };
}
const text = (value: string | undefined): string | undefined => (value ? htmlToText(value) || undefined : undefined);

const alternate = (links?: ReadonlyArray<{ href?: string; rel?: string }>): string | undefined =>
  httpUrl((links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href);

function clean(item: FeedItem): FeedItem {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== '')) as FeedItem;
}

function itemsOf(parsed: AnyFeed): { title?: string; link?: string; items: FeedItem[] } {
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const feed = parsed.feed;
      const items = (feed.items ?? []).map((i) => clean({
        guid: 'guid' in i ? i.guid?.value : undefined, title: text(i.title), link: httpUrl(i.link),
        ...when('pubDate' in i ? i.pubDate : undefined, i.dc?.dates?.[0]),
        contentHtml: i.content?.encoded, summary: i.description,
      }));
      return { title: text(feed.title), link: httpUrl(feed.link), items };
    }
    case 'atom': {
      const feed = parsed.feed;
      const items = (feed.entries ?? []).map((e) => clean({
        guid: e.id, title: text(e.title?.value), link: alternate(e.links),
        ...when(e.published, e.updated),
        contentHtml: e.content?.type === 'text' && e.content.value ? escapeHtml(e.content.value) : e.content?.value,
        summary: e.summary?.value,
      }));
      return { title: text(feed.title?.value), link: alternate(feed.links), items };
    }
    case 'json': {
      const feed = parsed.feed;
      const items = (feed.items ?? []).map((i) => clean({
        guid: i.id, title: text(i.title), link: httpUrl(i.url ?? i.external_url), ...when(i.date_published),
        // Plain-text content becomes HTML paragraphs so every item is read the same way.
        contentHtml: i.content_html ?? (i.content_text ? i.content_text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p)}</p>`).join('') : undefined),
        summary: i.summary,
      }));
      return { title: text(feed.title), link: httpUrl(feed.home_page_url), items };
    }
  }
}

// The root's closing tag, then nothing but comments (some generators sign their feeds there).
const CLOSED = /<\/(?:rss|feed|rdf:RDF)>(?:\s*<!--[\s\S]*?-->)*$/i;
const ITEM_BLOCK = { rss: /<item[\s>][\s\S]*?<\/item>/g, atom: /<entry[\s>][\s\S]*?<\/entry>/g } as const;

/**
 * A feed document that did not parse whole, rebuilt from its header and each complete item
 * block, every block tried on its own so one broken item costs only itself. Undefined when no
 * item survives.
 */
function recoverItems(doc: string): { parsed: AnyFeed; kept: number; lost: number } | undefined {
  const atom = /<feed[\s>]/.test(doc.slice(0, 2000));
  const blocks = doc.match(atom ? ITEM_BLOCK.atom : ITEM_BLOCK.rss) ?? [];
  const first = doc.search(atom ? /<entry[\s>]/ : /<item[\s>]/);
  if (blocks.length === 0 || first < 0) return undefined;
  const header = doc.slice(0, first);
  const close = atom ? '</feed>' : /<rdf:RDF[\s>]/.test(header) ? '</rdf:RDF>' : '</channel></rss>';
  const tryParse = (body: string): AnyFeed | undefined => {
    try {
      return parseAnyFeed(`${header}${body}${close}`);
    } catch {
      return undefined;
    }
  };
  const whole = tryParse(blocks.join('\n'));
  if (whole) return { parsed: whole, kept: blocks.length, lost: countStarts(doc, atom) - blocks.length };
  const good = blocks.filter((b) => tryParse(b) !== undefined);
  const parsed = good.length > 0 ? tryParse(good.join('\n')) : undefined;
  return parsed ? { parsed, kept: good.length, lost: countStarts(doc, atom) - good.length } : undefined;
}

const countStarts = (doc: string, atom: boolean): number => (doc.match(atom ? /<entry[\s>]/g : /<item[\s>]/g) ?? []).length;

/**
 * Parses a fetched feed. `contentType` is the HTTP header, used for its charset.
 * Never throws: unknown formats, broken XML and undecodable bytes are Rejections.
 */
export function parseFeed(bytes: Uint8Array, contentType?: string): Result<ParsedFeed, Rejection> {
  if (bytes.length === 0) return reject('empty', 'the feed is empty');
  if (bytes.length > MAX_FEED_BYTES) return reject('too-large', `the feed is ${bytes.length} bytes; the limit is ${MAX_FEED_BYTES}`);
  if (bytes.includes(0) && !(declaredCharset(bytes, contentType) ?? '').startsWith('utf-16')) {
    return reject('binary', 'the feed contains NUL bytes: binary data, not a feed');
  }
  const decoded = decode(bytes, contentType);
  if (!decoded.ok) return decoded;
  const doc = decoded.value;
  const xml = doc.trimStart().startsWith('<');
  let parsed: AnyFeed | undefined;
  let why = 'the document ends before its closing tag';
  // A lenient XML parser reads a document cut short without complaint, half-items included:
  // only a document that ends with its root's closing tag is read whole.
  if (!xml || CLOSED.test(doc.trimEnd())) {
    try {
      parsed = parseAnyFeed(doc);
    } catch (error) {
      why = error instanceof Error ? error.message : String(error);
    }
  }
  let problem: string | undefined;
  if (!parsed) {
    const recovered = xml ? recoverItems(doc) : undefined;
    if (!recovered) return reject('malformed-feed', `not a readable RSS, Atom or JSON feed (${why})`);
    parsed = recovered.parsed;
    problem = `the feed document is cut short or malformed: read ${recovered.kept} complete item(s), ${Math.max(0, recovered.lost)} unreadable item(s) skipped`;
  }
  const { title, link, items } = itemsOf(parsed);
  return ok({ ...(title ? { title } : {}), ...(link ? { link } : {}), items, ...(problem ? { problem } : {}) });
}
