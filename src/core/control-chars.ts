/**
 * C0 and C1 control characters (NUL, BEL, ESC, DEL, U+0080–U+009F …) in display text: a
 * title or body that carries them would put them into the Telegram message, where they are at
 * best invisible and at worst make Telegram refuse it. Tab, line feed and carriage return are
 * layout, not controls, and stay.
 */

// oxlint-disable-next-line no-control-regex -- finding control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// oxlint-disable-next-line no-control-regex -- as above
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Removes control characters other than tab, LF and CR. */
export function stripControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, '') : text;
}
