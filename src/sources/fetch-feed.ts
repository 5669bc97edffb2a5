/** One conditional GET of a feed: ETag / Last-Modified, redirects, a timeout and a size limit. */
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

export type FetchedFeed =
  | { readonly kind: 'not-modified' }
  | {
      readonly kind: 'fetched';
      readonly bytes: Uint8Array;
      readonly contentType?: string;
      readonly etag?: string;
      readonly lastModified?: string;
      /** Where the redirects ended. */
      readonly finalUrl: string;
    };

export interface FetchFeedOptions {
  readonly etag?: string;
  readonly lastModified?: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch?: typeof fetch;
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Fetches `url`. Network trouble, HTTP errors and oversize bodies are values (the reason), never exceptions. */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<Result<FetchedFeed, string>> {
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': 'Tanbih feed poller (+https://github.com/tanbih)' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  try {
    const res = await (options.fetch ?? fetch)(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
    if (res.status === 304) {
      await res.body?.cancel();
      return ok({ kind: 'not-modified' });
    }
    if (!res.ok) {
      await res.body?.cancel();
      return err(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    const bytes = await readLimited(res, options.maxBytes);
    if (!bytes) return err(`feed larger than ${options.maxBytes} bytes`);
    const h = (name: string) => res.headers.get(name) ?? undefined;
    const [contentType, etag, lastModified] = [h('content-type'), h('etag'), h('last-modified')];
    return ok({
      kind: 'fetched',
      bytes,
      finalUrl: res.url || url,
      ...(contentType ? { contentType } : {}),
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    });
  } catch (e) {
    return err(describe(e, options.timeoutMs));
  }
}

async function readLimited(res: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function describe(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `network error ${cause.code}`;
  if (cause && typeof cause.message === 'string') return `network error: ${cause.message}`;
  return e instanceof Error ? e.message : String(e);
}
