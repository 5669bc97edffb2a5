/**
 * The shape of the bot's UI strings. Arabic (ar.ts) and English (en.ts) implement it,
 * so a missing translation is a type error. Functions that take user or article text
 * escape it themselves: callers pass raw strings.
 */
export interface Strings {
  readonly apology: string;
  readonly slowDown: string;
}
