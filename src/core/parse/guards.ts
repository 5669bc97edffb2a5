/**
 * Guards that turn unusable input into a Rejection before any parser sees it:
 * empty, binary (NUL bytes, invalid UTF-8), too large, or not human text (noise).
 */
import type { Rejection } from '../article.js';
import { err, ok, type Result } from '../result.js';

/** Inputs above this many bytes (UTF-8) are refused. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

const reject = (code: Rejection['code'], reason: string): Result<never, Rejection> => err({ code, reason });

/**
 * Decodes bytes as UTF-8, refusing binary data: NUL bytes or byte sequences that are not UTF-8.
 * (Feeds with a declared legacy charset go through parseFeed, which decodes them itself.)
 */
export function decodeUtf8(bytes: Uint8Array): Result<string, Rejection> {
  if (bytes.length > MAX_INPUT_BYTES) return reject('too-large', `input is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES}`);
  if (bytes.includes(0)) return reject('binary', 'input contains NUL bytes: binary data, not text');
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return reject('binary', 'input is not valid UTF-8 text');
  }
}

function utf8Length(text: string): number {
  // Exact count only near the limit: most inputs are far below it.
  return text.length * 3 <= MAX_INPUT_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/**
 * Checks decoded text: not empty, not too large, no binary residue (NUL, U+FFFD replacement
 * characters from a lossy decode, control characters), and made of words rather than noise
 * (letters dominate, words have word-like lengths).
 */
export function checkText(text: string): Result<string, Rejection> {
  const raw = checkRaw(text);
  return raw.ok ? checkWords(text) : raw;
}

/** The markup-agnostic part of checkText: empty, too large, binary. For HTML before extraction. */
export function checkRaw(text: string): Result<string, Rejection> {
  if (text.trim().length === 0) return reject('empty', 'input is empty');
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) return reject('too-large', `input is ${bytes} bytes; the limit is ${MAX_INPUT_BYTES}`);
  if (/\0/.test(text)) return reject('binary', 'input contains NUL characters: binary data, not text');
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacements > 0) return reject('binary', `input contains ${replacements} undecodable bytes (U+FFFD): binary or mis-encoded data`);
  // oxlint-disable-next-line no-control-regex -- finding control characters is the point here
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 8 && controls > text.length / 1000) return reject('binary', 'input is full of control characters: binary data, not text');
  return ok(text);
}

/** Rejects text that is not made of words: mostly symbols/digits, or long unbroken runs (base64, hex). */
export function checkWords(text: string): Result<string, Rejection> {
  const visible = text.replace(/\s+/g, '');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return reject('not-text', 'input has no words');
  if (letters / visible.length < 0.5) return reject('not-text', 'input is mostly symbols or digits, not text');
  const words = text.match(/\S+/g) ?? [];
  // Base64 blobs, minified code and hex dumps are letters without spaces.
  const longLetters = words.reduce((n, w) => (w.length > 40 ? n + w.length : n), 0);
  if (longLetters > visible.length / 2) return reject('not-text', 'input is mostly unbroken character runs (noise), not text');
  return ok(text);
}
