import type { Strings } from './strings.js';

/** English UI strings, for users whose Telegram language is not Arabic. */
export const en: Strings = {
  apology: 'Sorry, something went wrong. Please try again in a moment.',
  slowDown: 'Too many messages in a short time. Please wait a little and try again.',
};
