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

/** Letters for the noise check: ASCII letters, and above U+00BF anything but punctuation, symbols, digits, emoji. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c < 0xc0 || (c >= 0x2000 && c <= 0x2bff) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffd) return false;
  return !(c >= 0x660 && c <= 0x66d) && c !== 0x60c && c !== 0x61b && c !== 0x61f && c !== 0x6d4 && !(c >= 0x6f0 && c <= 0x6f9);
}

/** Rejects text that is not made of words: mostly symbols/digits, or long unbroken runs (base64, hex). */
export function checkWords(text: string): Result<string, Rejection> {
  // One pass, no allocation: this runs on every input, some of them 2 MB.
  let visible = 0;
  let letters = 0;
  let run = 0;
  let longRuns = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b) {
      if (run > 40) longRuns += run;
      run = 0;
      continue;
    }
    visible++;
    run++;
    if (isLetter(c)) letters++;
  }
  if (letters < 2) return reject('not-text', 'input has no words');
  if (letters / visible < 0.5) return reject('not-text', 'input is mostly symbols or digits, not text');
  // Base64 blobs, minified code and hex dumps are letters without spaces.
  if (longRuns > visible / 2) return reject('not-text', 'input is mostly unbroken character runs (noise), not text');
  return ok(text);
}
