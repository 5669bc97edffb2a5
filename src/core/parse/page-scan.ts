/**
 * The cheap way through an article page: one streaming pass of htmlparser2 (the parser linkedom
 * is built on, with linkedom's options, so it sees the same tree) collects what parseHtmlPage
 * reads, without building a DOM. It answers exactly what the DOM queries in html.ts would (same
 * first-match rules, same textContent, rel/type compared case-insensitively as css-select does in
 * HTML). A page without a marked body still needs Readability, but not the metadata queries.
 * Pages it cannot be sure about (svg, math, template, CDATA) return undefined: the DOM decides.
 */
import { Parser } from 'htmlparser2';
import { cleanSpace } from './dom.js';

/** What parseHtmlPage needs from a page, whichever way it was read. */
export interface PageFacts {
  /** The content attribute of the first meta element with attribute `attr` equal to `value`. */
  meta(attr: 'property' | 'name' | 'itemprop', value: string): string | null | undefined;
  /** href of the first link[rel="canonical"]. */
  readonly canonical: string | null | undefined;
  /** datetime of the first time[datetime]. */
  readonly time: string | null | undefined;
  /** textContent of the first h1 and the first title element. */
  readonly h1: string | undefined;
  readonly title: string | undefined;
  /** textContent of each script[type="application/ld+json"], in order. */
  readonly jsonLd: readonly string[];
}

export interface ScannedPage extends PageFacts {
  /** The marked article body's paragraphs (what html.ts's markedBody returns); undefined without one. */
  readonly paragraphs: readonly string[] | undefined;
}

const MARKED_BLOCKS = new Set(['p', 'h2', 'h3', 'blockquote']);
const NOT_BODY_TAGS = new Set(['figure', 'figcaption', 'aside', 'nav', 'footer', 'form']);
// Foreign content and template contents are built differently by linkedom: leave them to it.
const UNSURE_TAGS = new Set(['svg', 'math', 'template']);

interface Block { readonly notBody: boolean; nested: boolean; text: string }
interface Root { readonly blocks: Block[]; text: string }
interface Open {
  readonly name: string;
  readonly from: number;
  readonly notBody: boolean;
  readonly block: Block | undefined;
  readonly root: Root | undefined;
  readonly onClose: ((text: string) => void) | undefined;
}

const attr = (attribs: Record<string, string>, name: string): string | undefined =>
  Object.hasOwn(attribs, name) ? attribs[name] : undefined;

/** The paragraphs of a marked body (html.ts markedBody's rule), or undefined. */
function markedParagraphs(root: Root | undefined): string[] | undefined {
  if (!root) return undefined;
  let paragraphs = root.blocks.filter((b) => !b.nested && !b.notBody).map((b) => cleanSpace(b.text)).filter(Boolean);
  if (paragraphs.length === 0) paragraphs = root.text.split(/\n\s*\n|\n/).map(cleanSpace).filter(Boolean);
  const size = paragraphs.reduce((n, p) => n + p.length, 0);
  return paragraphs.length >= 2 && size >= 200 ? paragraphs : undefined;
}

/** Scans `source` (a whole document, as parseDocument would read it); undefined when the DOM way must decide. */
export function scanPage(source: string): ScannedPage | undefined {
  const texts: string[] = [];
  const stack: Open[] = [];
  const meta = new Map<string, string | null>();
  const jsonLd: string[] = [];
  const articles: Root[] = [];
  let bodyRoot: Root | undefined;
  let canonical: string | null | undefined;
  let time: string | null | undefined;
  let h1: string | undefined;
  let title: string | undefined;
  let seenLink = false;
  let seenTime = false;
  let seenH1 = false;
  let seenTitle = false;
  let unsure = false;

  const parser = new Parser({
    onopentag(name, attribs) {
      if (UNSURE_TAGS.has(name)) unsure = true;
      const parent = stack.at(-1);
      const cls = attr(attribs, 'class');
      const notBody = (parent?.notBody ?? false) || NOT_BODY_TAGS.has(name)
        || (cls !== undefined && (cls.includes('related') || cls.includes('share')));
      let block: Block | undefined;
      if (MARKED_BLOCKS.has(name)) {
        block = { notBody, nested: false, text: '' };
        for (const open of stack) {
          if (open.block) open.block.nested = true;
          open.root?.blocks.push(block);
        }
      }
      let root: Root | undefined;
      if (name === 'article') articles.push((root = { blocks: [], text: '' }));
      if (!bodyRoot && attr(attribs, 'itemprop') === 'articleBody') bodyRoot = root ??= { blocks: [], text: '' };
      let onClose: ((text: string) => void) | undefined;
      if (name === 'meta') {
        for (const key of ['property', 'name', 'itemprop'] as const) {
          const value = attr(attribs, key);
          if (value !== undefined && !meta.has(`${key}=${value}`)) meta.set(`${key}=${value}`, attr(attribs, 'content') ?? null);
        }
      } else if (name === 'link' && !seenLink && attr(attribs, 'rel')?.toLowerCase() === 'canonical') {
        seenLink = true;
        canonical = attr(attribs, 'href') ?? null;
      } else if (name === 'time' && !seenTime && attr(attribs, 'datetime') !== undefined) {
        seenTime = true;
        time = attr(attribs, 'datetime');
      } else if (name === 'h1' && !seenH1) {
        seenH1 = true;
        onClose = (text) => (h1 = text);
      } else if (name === 'title' && !seenTitle) {
        seenTitle = true;
        onClose = (text) => (title = text);
      } else if (name === 'script' && attr(attribs, 'type')?.toLowerCase() === 'application/ld+json') {
        const at = jsonLd.push('') - 1;
        onClose = (text) => (jsonLd[at] = text);
      }
      stack.push({ name, from: texts.length, notBody, block, root, onClose });
    },
    ontext(text) {
      texts.push(text);
    },
    oncdatastart() {
      unsure = true;
    },
    onclosetag() {
      const open = stack.pop();
      if (!open || !(open.block || open.root || open.onClose)) return;
      const text = texts.slice(open.from).join('');
      if (open.block) open.block.text = text;
      if (open.root) open.root.text = text;
      open.onClose?.(text);
    },
  }, { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false });
  parser.write(source);
  parser.end();
  if (unsure) return undefined;
  const paragraphs = markedParagraphs(bodyRoot ?? (articles.length === 1 ? articles[0] : undefined));
  return {
    meta: (key, value) => meta.get(`${key}=${value}`),
    canonical, time, h1, title, jsonLd, paragraphs,
  };
}
