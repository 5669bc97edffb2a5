/**
 * What an address an operator gives is: a feed (added as it is), or a web page whose head
 * announces feeds (offered to choose from), or neither (said so, with the reason).
 */
import type { FeedLink } from '../core/feeds/feed-links.js';
import { findFeedLinks } from '../core/feeds/feed-links.js';
import type { ParsedFeed } from '../core/input.js';
import type { Rejection } from '../core/article.js';
import { err, ok, type Result } from '../core/result.js';
import { fetchFeed } from './fetch-feed.js';

export type Discovery =
  | { readonly kind: 'feed'; readonly url: string; readonly title?: string }
  | { readonly kind: 'page'; readonly url: string; readonly feeds: readonly FeedLink[] };

export type DiscoverFeeds = (url: string) => Promise<Result<Discovery, string>>;

export interface FeedDiscoveryDeps {
  readonly parseFeed: (bytes: Uint8Array, contentType?: string) => Result<ParsedFeed, Rejection>;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly fetch?: typeof fetch;
}

const looksLikeHtml = (head: string, contentType: string | undefined): boolean =>
  /html/i.test(contentType ?? '') || /^\s*(<!doctype html|<html)/i.test(head);

function decodePage(bytes: Uint8Array, contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** Fetches `url` once and says what it is. */
export function createFeedDiscovery(deps: FeedDiscoveryDeps): DiscoverFeeds {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const maxBytes = deps.maxBytes ?? 5 * 1024 * 1024;
  return async (url) => {
    const fetched = await fetchFeed(url, { timeoutMs, maxBytes, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
    if (!fetched.ok) return err(fetched.error);
    if (fetched.value.kind !== 'fetched') return err('the server answered 304 Not Modified to a first request');
    const { bytes, contentType, finalUrl } = fetched.value;
    const head = new TextDecoder().decode(bytes.subarray(0, 1024));
    if (!looksLikeHtml(head, contentType)) {
      const feed = deps.parseFeed(bytes, contentType);
      if (!feed.ok) return err(feed.error.reason);
      return ok({ kind: 'feed', url: finalUrl, ...(feed.value.title ? { title: feed.value.title } : {}) });
    }
    // The header's charset, else UTF-8 (a page declaring it only in a meta tag may show garbled
    // titles; the links themselves are URLs and survive).
    return ok({ kind: 'page', url: finalUrl, feeds: findFeedLinks(decodePage(bytes, contentType), finalUrl) });
  };
}
