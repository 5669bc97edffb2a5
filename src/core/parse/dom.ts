/**
 * The little DOM surface the parsers use (tsconfig has no DOM lib), and HTML → paragraphs.
 * linkedom parses in memory; nothing is fetched or executed.
 */
import { parseHTML } from 'linkedom';

export interface DomElement {
  readonly textContent: string | null;
  readonly tagName: string;
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  closest(selector: string): DomElement | null;
}

export interface DomDocument extends DomElement {
  readonly body: DomElement | null;
}

/** The document parseDocument reads for `html`: a whole page as it is, a fragment wrapped in a body. */
export function documentSource(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
}

/** Parses a whole page or a fragment (a fragment is wrapped in a body). */
export function parseDocument(html: string): DomDocument {
  return (parseHTML(documentSource(html)) as unknown as { document: DomDocument }).document;
}

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre, td';

// A single space is already what a run becomes: matching only longer runs and other white space
// leaves ordinary text untouched instead of rebuilding it space by space.
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** Collapses white space and trims. */
export const cleanSpace = (s: string): string => s.replace(SPACE_RUN, ' ').trim();

/**
 * The text paragraphs of an element: block elements (`blocks`) in document order, each once (a block
 * inside another block, or inside `skipInside`, is skipped); an element with no blocks yields its
 * text split on line breaks.
 */
export function paragraphsOf(root: DomElement, blocks = BLOCKS, skipInside?: string): string[] {
  const out: string[] = [];
  const tags = tagNames(blocks);
  for (const el of root.querySelectorAll(blocks)) {
    if ((tags ? holdsTag(el, tags) : el.querySelector(blocks)) || (skipInside && el.closest(skipInside))) continue;
    const text = cleanSpace(el.textContent ?? '');
    // A list item keeps a bullet, so the summary can tell a fact box from the story's sentences.
    if (text) out.push(el.tagName.toLowerCase() === 'li' && !/^[•\-–—ـ]/u.test(text) ? `• ${text}` : text);
  }
  if (out.length > 0) return out;
  return (root.textContent ?? '').split(/\n\s*\n|\n/).map(cleanSpace).filter(Boolean);
}

/** The tag names of a selector that lists only tag names ("p, h2, li"), lower-cased; else undefined. */
function tagNames(selector: string): ReadonlySet<string> | undefined {
  const names = selector.split(',').map((s) => s.trim().toLowerCase());
  return names.every((n) => /^[a-z][a-z0-9]*$/.test(n)) ? new Set(names) : undefined;
}

/**
 * el.querySelector(tag list) !== null, without compiling the selector for every block (linkedom
 * does on each call): a descendant element whose lower-cased name is listed, template contents
 * left out as the DOM's querySelector leaves them.
 */
function holdsTag(el: DomElement, tags: ReadonlySet<string>): boolean {
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as DomElement;
    if (tags.has(child.localName.toLowerCase())) return true;
    if (child.localName !== 'template' && holdsTag(child, tags)) return true;
  }
  return false;
}

// Feed content is someone else's HTML: code, embeds and photo captions are not article text.
const DROPPED = /<(script|style|noscript|template|iframe|object|svg|figcaption)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const BLOCK_EDGE = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|pre|tr|table|section|article|figure|header|footer|hr)\b[^>]*>/gi;
const TAG = /<[^>]*>/g;
const LIST_ITEM = /<li\b[^>]*>/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', laquo: '«', raquo: '»', middot: '·', bull: '•',
  copy: '©', reg: '®', trade: '™', shy: '', zwnj: '\u200C', zwj: '\u200D', lrm: '', rlm: '',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

/** Decodes HTML entities (numeric, and the named ones news feeds use); unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * HTML fragment (feed content, a JSON body with markup) → paragraphs, without building a DOM:
 * feed items are small and many, and text extraction needs no tree (the result is plain text that
 * is escaped again before it reaches Telegram).
 */
export function htmlToParagraphs(html: string): string[] {
  // A list item keeps a bullet, so the summary can tell a fact box from the story's sentences.
  const text = html.replace(DROPPED, ' ').replace(LIST_ITEM, '\n\n• ').replace(BLOCK_EDGE, '\n\n').replace(TAG, '');
  return text.split(/\n\s*\n|\n/).map((p) => cleanSpace(decodeEntities(p))).filter(Boolean);
}

/** Inline HTML (a feed title of type html) → plain text. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanSpace(html);
  return cleanSpace(decodeEntities(html.replace(DROPPED, ' ').replace(TAG, '')));
}
