/**
 * The little DOM surface the parsers use (tsconfig has no DOM lib), and HTML → paragraphs.
 * linkedom parses in memory; nothing is fetched or executed.
 */
import { parseHTML } from 'linkedom';

export interface DomElement {
  readonly textContent: string | null;
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument extends DomElement {
  readonly body: DomElement | null;
}

/** Parses a whole page or a fragment (a fragment is wrapped in a body). */
export function parseDocument(html: string): DomDocument {
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return (parseHTML(source) as unknown as { document: DomDocument }).document;
}

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre, td';

/** Collapses white space and trims. */
export const cleanSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The text paragraphs of an element: block elements (`blocks`) in document order, each once (a block
 * inside another block, or inside `skipInside`, is skipped); an element with no blocks yields its
 * text split on line breaks.
 */
export function paragraphsOf(root: DomElement, blocks = BLOCKS, skipInside?: string): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(blocks)) {
    if (el.querySelector(blocks) || (skipInside && el.closest(skipInside))) continue;
    const text = cleanSpace(el.textContent ?? '');
    if (text) out.push(text);
  }
  if (out.length > 0) return out;
  return (root.textContent ?? '').split(/\n\s*\n|\n/).map(cleanSpace).filter(Boolean);
}

/** HTML fragment (feed content, a JSON body with markup) → paragraphs. */
export function htmlToParagraphs(html: string): string[] {
  // <br> separates lines; linkedom keeps it as an element, so give it a line break first.
  const doc = parseDocument(html.replace(/<br\s*\/?>/gi, '\n'));
  // Feed content is someone else's HTML: code and embeds are not article text.
  for (const el of [...doc.querySelectorAll('script, style, noscript, template, iframe, object')]) el.remove();
  return doc.body ? paragraphsOf(doc.body) : [];
}

/** Inline HTML (a feed title of type html) → plain text. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanSpace(html);
  return cleanSpace(parseDocument(html).body?.textContent ?? '');
}
