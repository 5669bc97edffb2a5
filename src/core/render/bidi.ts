/**
 * Right-to-left safety for alerts. Incoming bidi controls are removed (a title carrying U+202E
 * could reverse the rest of the message); each line starts with RLM so it is laid out RTL even
 * when it opens with a Latin name or a number; Latin runs with spaces, digits or punctuation are
 * isolated (LRI … PDI) so those neutral characters do not reorder the Arabic around them.
 */

/** Right-to-left mark: makes the paragraph direction RTL without showing anything. */
export const RLM = '\u200F';
const LRI = '\u2066';
const PDI = '\u2069';

const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// A Latin run: starts and ends with a Latin letter or digit, may contain spaces and light punctuation.
const LATIN_RUN = /[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F0-9.,'’&:/_+-]|\s(?=[A-Za-z\u00C0-\u024F0-9]))*/g;

/** Removes every bidi control character (marks, embeddings, overrides, isolates). */
export function stripBidiControls(text: string): string {
  return text.replace(CONTROLS, '');
}

const SINGLE_WORD = /^[A-Za-z\u00C0-\u024F]+$/;

/**
 * Wraps Latin runs in a left-to-right isolate. Apply before escaping. A bare Latin word is left
 * alone: the bidi algorithm already lays it out right, and the text stays byte-for-byte as written.
 * Runs with spaces, digits or punctuation ("Vladimir Putin", "F-16", "CNN:") are the ones whose
 * neutral characters the Arabic around them would pull out of place.
 */
export function isolateLatin(text: string): string {
  return text.replace(LATIN_RUN, (run) => (SINGLE_WORD.test(run) ? run : `${LRI}${run}${PDI}`));
}

/** Makes article text safe for an RTL line: controls stripped, Latin isolated, white space collapsed. */
export function rtlText(text: string): string {
  return isolateLatin(stripBidiControls(text).replace(/\s+/g, ' ').trim());
}
