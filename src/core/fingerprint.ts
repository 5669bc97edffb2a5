/**
 * Story fingerprints: a canonical URL and a MinHash signature of the normalized text's
 * word shingles, with LSH bands the store indexes to find candidates cheaply.
 * Contract: `canonicalUrl` lower-cases scheme and host, drops utm_* and the fragment;
 * `storyFingerprint` is deterministic for the same text; `sameStory` decides.
 *
 * The same wire story from two outlets shares many 3-word shingles even with a new
 * headline, cut paragraphs and rewording; two stories on the same topic the same day
 * share only stock phrases. Measured on tests/fixtures/labelled: same-story pairs
 * 0.27–0.61, different-story pairs at most 0.05; the threshold sits at 0.2.
 */
import type { Article } from './article.js';
import { articleTokens, type ArticleTokens } from './article-tokens.js';
import type { StoryFingerprint } from './prepared.js';

export const SIGNATURE_SIZE = 64;
/** 32 bands of 2 rows: two texts with Jaccard 0.27 share a band with probability ≈ 0.91, at 0.4 ≈ 0.996. */
export const BAND_ROWS = 2;
/** Estimated Jaccard similarity at or above which two texts are the same story. */
export const SAME_STORY_THRESHOLD = 0.2;
const SHINGLE = 3;

/** Scheme and host lower-cased, default port, `utm_*` parameters and fragment dropped; undefined if not a URL. */
export function canonicalUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  u.hash = '';
  // Collect first: deleting while iterating the live params skips entries.
  const tracking = Array.from(u.searchParams.keys()).filter((key) => key.toLowerCase().startsWith('utm_'));
  for (const key of tracking) u.searchParams.delete(key);
  return u.toString(); // WHATWG URL already lower-cases scheme and host and drops default ports.
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `text` from index `start`, continued from state `h` (not yet finalized with >>> 0). */
function fnv1a(text: string, h = FNV_OFFSET, start = 0): number {
  for (let i = start; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

const SPACE = 0x20;

/**
 * fnv1a of the words `from`..`to` joined by spaces, without building the string. A word is
 * tokens[i] from index starts[i] on (1 where a conjunction is dropped), so no word is copied.
 */
function shingleHash(tokens: readonly string[], starts: Uint8Array, from: number, to: number): number {
  let h = fnv1a(tokens[from] as string, FNV_OFFSET, starts[from]);
  for (let i = from + 1; i < to; i += 1) h = fnv1a(tokens[i] as string, Math.imul(h ^ SPACE, FNV_PRIME), starts[i]);
  return h >>> 0;
}

// murmur3's finalizer: a cheap, well-mixed 32-bit permutation.
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** Where a token's word starts once a leading و/ف conjunction is dropped: 1, or 0 to keep it whole. */
const conjunctionLength = (t: string): number => (t.length > 3 && (t[0] === 'و' || t[0] === 'ف') ? 1 : 0);

/**
 * The MinHash signature of the title's and paragraphs' word tokens, each with a leading و/ف
 * conjunction dropped, so outlets' small rewordings still share shingles (the words are hashed
 * from their second letter rather than copied). Tokens of the normalized parts in order are the
 * tokens of the normalized whole: normalization never joins or splits words across a line break.
 */
function storySignature(tokens: ArticleTokens): number[] {
  const words: string[] = tokens.titleTokens.slice();
  for (const paragraph of tokens.paragraphTokens) for (let i = 0; i < paragraph.length; i += 1) words.push(paragraph[i] as string);
  const starts = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i += 1) starts[i] = conjunctionLength(words[i] as string);
  return signatureOf(words, starts);
}

/**
 * The MinHash signature of 3-word shingles of `tokens`.
 *
 * The hottest loop of fingerprinting (64 hashes per shingle), so it is laid out for the engine:
 * the distinct shingle hashes are collected into a typed array first (sorted, so a repeated
 * shingle is skipped by comparing neighbours: wire copy repeats whole paragraphs), then each
 * minimum is worked out in one pass with the running minimum in a local. Comparing with the sign
 * bit flipped orders int32 values as their uint32 selves, so nothing leaves int32 arithmetic.
 */
export function minhash(tokens: readonly string[]): number[] {
  return signatureOf(tokens, new Uint8Array(tokens.length));
}

/** minhash of the words tokens[i] from index starts[i] on. */
function signatureOf(tokens: readonly string[], starts: Uint8Array): number[] {
  if (tokens.length === 0) return [];
  const count = Math.max(1, tokens.length - SHINGLE + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) hashes[i] = shingleHash(tokens, starts, i, Math.min(tokens.length, i + SHINGLE));
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < count; i += 1) {
    const h = hashes[i] as number;
    if (distinct === 0 || h !== hashes[distinct - 1]) hashes[distinct++] = h;
  }
  const signature: number[] = [];
  for (let k = 0; k < SIGNATURE_SIZE; k += 1) {
    const seed = SEEDS[k] as number;
    let min = 0x7fffffff; // 0xffffffff with the sign bit flipped
    for (let i = 0; i < distinct; i += 1) {
      const v = mixSigned((hashes[i] as number) ^ seed);
      if (v < min) min = v;
    }
    signature.push((min ^ 0x80000000) >>> 0);
  }
  return signature;
}

/** mix(x) with its sign bit flipped, as an int32: ordered as mix's uint32 results are. */
function mixSigned(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h ^ 0x80000000;
}

const BAND_PREFIX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const HEX_BYTE = BAND_PREFIX;

/** `h` as 8 lower-case hex digits. */
const hex8 = (h: number): string =>
  (HEX_BYTE[h >>> 24] as string) + (HEX_BYTE[(h >>> 16) & 0xff] as string) + (HEX_BYTE[(h >>> 8) & 0xff] as string) + (HEX_BYTE[h & 0xff] as string);

/** LSH band digests: band index (2 hex) + hash of its rows (8 hex). */
export function bandsOf(signature: readonly number[]): string[] {
  const bands: string[] = [];
  for (let b = 0; b * BAND_ROWS < signature.length; b += 1) {
    let h = mix(b + 1);
    for (let r = 0; r < BAND_ROWS; r += 1) h = mix(h ^ (signature[b * BAND_ROWS + r] ?? 0));
    bands.push((BAND_PREFIX[b] ?? b.toString(16).padStart(2, '0')) + hex8(h));
  }
  return bands;
}

/**
 * The article's fingerprint: canonical URL (when it has one), MinHash signature and LSH bands.
 * `tokens` (articleTokens of the same article) saves normalizing its text again.
 */
export function storyFingerprint(article: Article, tokens: ArticleTokens = articleTokens(article)): StoryFingerprint {
  const url = article.url ? canonicalUrl(article.url) : undefined;
  const signature = storySignature(tokens);
  return { ...(url ? { canonicalUrl: url } : {}), signature, bands: bandsOf(signature) };
}

/** Estimated Jaccard similarity of the two texts' shingles (0 when either is empty). */
export function similarity(a: StoryFingerprint, b: StoryFingerprint): number {
  return signatureSimilarity(a.signature, b.signature);
}

/** similarity() on bare MinHash signatures: the story window compares many, and wraps none. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i += 1) if (a[i] === b[i]) same += 1;
  return same / n;
}

/** Same URL, or texts similar enough to be the same story told twice. */
export function sameStory(a: StoryFingerprint, b: StoryFingerprint): boolean {
  if (a.canonicalUrl !== undefined && a.canonicalUrl === b.canonicalUrl) return true;
  return similarity(a, b) >= SAME_STORY_THRESHOLD;
}
