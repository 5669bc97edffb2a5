/**
 * The paste box's way in: every article goes through the app's own POST /articles with its
 * INGEST_TOKEN, as a newsroom would send it. Text goes as text/plain; HTML as a JSON body
 * (the app reads its paragraphs); a feed URL is fetched here and each item posted as JSON.
 */
import { parseFeed } from '../core/parse/feed.js';

export type PasteKind = 'text' | 'html' | 'feed';

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

export type IngestReport =
  | { readonly ok: true; readonly answers: readonly ApiAnswer[] }
  | { readonly ok: false; readonly error: string; readonly answers: readonly ApiAnswer[] };

/** Where a pasted text or HTML article comes from (a feed item brings its own). */
export interface PasteContext {
  readonly url?: string | undefined;
  readonly outlet?: string | undefined;
}

export interface IngestProxy {
  ingest(kind: PasteKind, content: string, context?: PasteContext): Promise<IngestReport>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function report(answers: ApiAnswer[]): IngestReport {
  const refused = answers.find((a) => a.status >= 400);
  return refused ? { ok: false, error: `POST /articles answered ${refused.status}`, answers } : { ok: true, answers };
}

export function createIngestProxy(deps: { readonly articlesUrl: string; readonly token: string }): IngestProxy {
  const post = async (contentType: string, body: string, query = ''): Promise<ApiAnswer> => {
    const res = await fetch(`${deps.articlesUrl}${query}`, {
      method: 'POST', body, headers: { authorization: `Bearer ${deps.token}`, 'content-type': contentType },
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text as the app said it.
    }
    return { status: res.status, body: parsed };
  };

  return {
    async ingest(kind, content, context = {}) {
      if (content.trim() === '') return { ok: false, error: 'nothing to ingest: the box is empty', answers: [] };
      const given = Object.fromEntries(Object.entries(context).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
      if (kind === 'text') {
        const query = new URLSearchParams(given).toString();
        return report([await post('text/plain; charset=utf-8', content, query ? `?${query}` : '')]);
      }
      if (kind === 'html') return report([await post('application/json', JSON.stringify({ ...given, body: content }))]);
      let url: URL;
      try {
        url = new URL(content.trim());
      } catch {
        return { ok: false, error: 'not a URL', answers: [] };
      }
      // The playground never leaves the machine: only feeds served on loopback.
      if (!LOOPBACK.has(url.hostname) || !/^https?:$/.test(url.protocol)) {
        return { ok: false, error: 'the playground reads feeds on 127.0.0.1/localhost only', answers: [] };
      }
      const res = await fetch(url).catch((e: unknown) => e as Error);
      if (res instanceof Error) return { ok: false, error: `could not fetch the feed: ${res.message}`, answers: [] };
      if (!res.ok) return { ok: false, error: `the feed answered ${res.status}`, answers: [] };
      const feed = parseFeed(new Uint8Array(await res.arrayBuffer()), res.headers.get('content-type') ?? undefined);
      if (!feed.ok) return { ok: false, error: feed.error.reason, answers: [] };
      if (feed.value.items.length === 0) return { ok: false, error: 'the feed has no items', answers: [] };
      const answers: ApiAnswer[] = [];
      for (const item of feed.value.items) {
        answers.push(await post('application/json', JSON.stringify({
          ...(item.title ? { title: item.title } : {}),
          body: item.contentHtml ?? item.summary ?? '',
          ...(item.link && /^https?:/.test(item.link) ? { url: item.link } : {}),
          ...(item.published ? { publishedAt: item.published.toISOString() } : {}),
          ...(feed.value.title ? { outlet: feed.value.title.slice(0, 200) } : {}),
        })));
      }
      return report(answers);
    },
  };
}
