/**
 * How an alert names its article, so `/why` can find the article from the alert itself (the
 * message a reader replies to) instead of a record kept per delivered message: the alert's link
 * (its canonical URL) or, for an article without one, its headline. Both are indexed once per
 * article, so what /why needs never grows with the number of readers an alert went to.
 */
import { canonicalUrl } from '../fingerprint.js';

// The headline's first letters and digits only: bidi isolates, punctuation, the clip's «…» and
// spacing differ between the stored title and the bold line Telegram echoes back.
const HEADLINE_KEY_LETTERS = 160;
const NOT_LETTER = /[^\p{L}\p{N}]+/gu;
// What the renderer puts before the headline of a story's update (render/alert.ts).
const UPDATE_PREFIX = /^\s*تحديث\s*:\s*/u;

/** The headline's key: its first letters and digits, harakat and tatweel kept out; undefined when it has none. */
export function headlineKey(title: string): string | undefined {
  const letters = title.normalize('NFC').replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(NOT_LETTER, '').toLowerCase();
  return letters.length === 0 ? undefined : letters.slice(0, HEADLINE_KEY_LETTERS);
}

/** What a reader's copy of an alert says about its article. */
export interface AlertReference {
  /** Canonical URLs of the links the message carries, in order. */
  readonly urls: readonly string[];
  /** The headline's key (headlineKey), from the message's first bold text. */
  readonly headline?: string;
}

/** Telegram's entities of a message, as far as this needs them. */
export interface ReferenceEntity {
  readonly type: string;
  readonly offset: number;
  readonly length: number;
  readonly url?: string;
}

/** Reads a received alert (its text and entities) back into the references it carries. */
export function alertReference(text: string, entities: readonly ReferenceEntity[] = []): AlertReference {
  const urls: string[] = [];
  let headline: string | undefined;
  for (const e of entities) {
    const raw = e.type === 'text_link' ? e.url : e.type === 'url' ? text.slice(e.offset, e.offset + e.length) : undefined;
    const url = raw === undefined ? undefined : canonicalUrl(raw);
    if (url !== undefined && !urls.includes(url)) urls.push(url);
    if (e.type === 'bold' && headline === undefined) headline = headlineKey(text.slice(e.offset, e.offset + e.length).replace(UPDATE_PREFIX, ''));
  }
  return { urls, ...(headline !== undefined ? { headline } : {}) };
}
