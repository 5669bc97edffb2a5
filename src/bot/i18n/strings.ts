/**
 * The shape of the bot's UI strings. Arabic (ar.ts) and English (en.ts) implement it,
 * so a missing translation is a type error. Strings are Telegram HTML; every function
 * that takes user, topic or article text escapes it itself: callers pass raw strings.
 * Button labels are plain text (Telegram does not parse them).
 */
import type { Category } from '../catalog.js';

export interface Strings {
  readonly apology: string;
  readonly slowDown: string;
  readonly welcome: string;
  readonly help: string;
  readonly categories: Readonly<Record<Category, string>>;
  readonly picker: {
    readonly choose: (chatTitle?: string) => string;
    readonly page: (category: string, page: number, pages: number, chatTitle?: string) => string;
    readonly empty: string;
    readonly back: string;
    readonly prev: string;
    readonly next: string;
    readonly done: string;
  };
  readonly follow: {
    readonly followed: (name: string) => string;
    readonly already: (name: string) => string;
    readonly unfollowed: (name: string) => string;
    readonly notFollowing: (name: string) => string;
    readonly tooMany: (limit: number) => string;
    readonly unknown: string;
    readonly usage: (command: 'follow' | 'unfollow') => string;
    readonly keywordButton: (words: string) => string;
    readonly keywordExpired: string;
  };
  readonly search: {
    readonly results: (query: string) => string;
    readonly none: (query: string) => string;
    /** Nothing found, and the words cannot be a keyword either. */
    readonly noKeyword: (query: string) => string;
    readonly tooLong: (length: number, max: number) => string;
    readonly noWords: string;
  };
  readonly refusal: { readonly notAdmin: string; readonly notLinked: string; readonly noChat: string };
  readonly mytopics: { readonly header: (count: number) => string; readonly empty: string; readonly unfollowButton: (name: string) => string };
  readonly latest: {
    readonly header: (topic?: string) => string;
    readonly empty: string;
    readonly unknownTopic: (query: string) => string;
    readonly item: (title: string, when: string, url?: string) => string;
    /** Other outlets that told the same story. */
    readonly alsoReported: (outlets: readonly string[]) => string;
  };
  readonly why: {
    readonly needReply: string;
    readonly unknown: string;
    readonly header: (title: string) => string;
    readonly line: (topic: string, words: readonly string[], path: readonly string[]) => string;
    readonly alsoReported: (outlets: readonly string[]) => string;
  };
  readonly pause: {
    readonly choose: string;
    readonly hours: (h: number) => string;
    readonly paused: (until: string) => string;
    readonly resumed: string;
  };
  readonly settings: {
    readonly home: (s: { delivery: string; quiet: string; timeZone: string; language: string }) => string;
    readonly instant: string;
    readonly hourly: string;
    readonly daily: (hour?: number) => string;
    readonly quietOff: string;
    readonly quiet: (from: string, to: string) => string;
    readonly quietButton: string;
    readonly timeZoneButton: string;
    readonly languageButton: string;
    readonly chooseHour: string;
    readonly chooseQuiet: string;
    readonly chooseZone: string;
    readonly zoneSet: (zone: string) => string;
    readonly zoneInvalid: (zone: string) => string;
    readonly zoneUsage: string;
    readonly saved: string;
  };
  readonly stop: { readonly confirm: string; readonly yes: string; readonly no: string; readonly done: (count: number) => string; readonly kept: string };
  readonly group: { readonly added: string };
  readonly channels: {
    readonly intro: string;
    readonly list: (count: number) => string;
    readonly manageButton: (title: string) => string;
    readonly unlinkButton: string;
    readonly linked: (title: string) => string;
    readonly unlinked: string;
    readonly notFound: string;
    readonly botNotAdmin: string;
    readonly userNotAdmin: string;
  };
  /** setMyCommands descriptions. */
  readonly commands: Readonly<Record<CommandName, string>>;
}

export const COMMANDS = [
  'start', 'mytopics', 'follow', 'unfollow', 'latest', 'why', 'pause', 'resume', 'settings', 'channels', 'stop', 'help',
] as const;
export type CommandName = (typeof COMMANDS)[number];
