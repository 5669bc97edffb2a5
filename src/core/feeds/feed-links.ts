/**
 * Feed discovery: the feeds a web page announces in its head, as browsers and feed readers find
 * them (`<link rel="alternate" type="application/rss+xml" href="…" title="…">`, Atom and JSON
 * Feed likewise), so an operator can give a site's address instead of hunting for its feed.
 */
import { Parser } from 'htmlparser2';

export interface FeedLink {
  readonly url: string;
  readonly title?: string;
  readonly format: 'rss' | 'atom' | 'json';
}

const FORMATS: Readonly<Record<string, FeedLink['format']>> = {
  'application/rss+xml': 'rss', 'application/rdf+xml': 'rss', 'application/atom+xml': 'atom',
  'application/feed+json': 'json', 'application/json': 'json',
};

const resolve = (href: string, base: string): string | undefined => {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** The feeds `html` (served from `pageUrl`) links to, in page order, each URL once. Stops at `<body>`. */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const found: FeedLink[] = [];
  const seen = new Set<string>();
  let base = pageUrl;
  let done = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (done) return;
      if (name === 'body') {
        done = true;
        return;
      }
      if (name === 'base' && attrs.href) base = resolve(attrs.href, pageUrl) ?? base;
      if (name !== 'link' || !attrs.href) return;
      const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      // A JSON link counts only with a feed type: plain application/json alternates are APIs.
      const type = (attrs.type ?? '').toLowerCase().split(';')[0]!.trim();
      const format = FORMATS[type];
      if (!rels.includes('alternate') || !format || (type === 'application/json' && !/feed/i.test(attrs.title ?? attrs.href))) return;
      const url = resolve(attrs.href, base);
      if (!url || seen.has(url)) return;
      seen.add(url);
      const title = attrs.title?.replace(/\s+/g, ' ').trim();
      found.push({ url, format, ...(title ? { title } : {}) });
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html.slice(0, 512 * 1024));
  parser.end();
  return found;
}
