/**
 * The shape of the bot's UI strings, user and admin alike. The words live in Fluent files
 * (src/bot/locales/ar.ftl, en.ftl); fluent-strings.ts maps each member to its message, so a
 * feature calls a typed function instead of passing a key and raw variables around.
 * Strings are Telegram HTML; every function that takes user, topic or article text escapes
 * it itself: callers pass raw strings. Button labels are plain text (Telegram does not parse them).
 */
import type { Category } from '../catalog.js';

export interface Strings {
  readonly apology: string;
  readonly slowDown: string;
  /** Toast for a button this bot no longer knows (stale, malformed or forged). */
  readonly buttonExpired: string;
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
  readonly commands: Readonly<Record<CommandName | AdminCommandName, string>>;
  readonly admin: AdminStrings;
}

/** The reader's commands, in menu order. */
export const COMMANDS = [
  'start', 'mytopics', 'follow', 'unfollow', 'latest', 'why', 'pause', 'resume', 'settings', 'timezone', 'channels', 'stop', 'help',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The admin commands (ADMIN_IDS only, private chat), in menu order. */
export const ADMIN_MENU = ['broadcast', 'feeds', 'ingest', 'stats', 'cancel'] as const;
export type AdminCommandName = (typeof ADMIN_MENU)[number];

export interface Progress {
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  readonly blocked: number;
  readonly remaining: number;
  /** Messages per second over the last interval. */
  readonly rate: number;
  /** Seconds, when it can be estimated. */
  readonly secondsLeft?: number;
}

export interface FeedLine {
  readonly name: string;
  readonly url: string;
  readonly paused: boolean;
  readonly intervalSec: number;
  readonly lastSuccess?: string;
  readonly lastError?: string;
  readonly lastErrorAt?: string;
  readonly itemsSeen: number;
}


export interface AdminStrings {
  readonly refusal: string;
  readonly privateOnly: string;
  readonly cancelled: string;
  readonly expired: string;
  readonly broadcast: {
    readonly askContent: string;
    readonly notContent: string;
    readonly previewNote: string;
    readonly panel: (audience: string, recipients: number, breaking: boolean) => string;
    readonly everyone: string;
    readonly followersOf: (names: readonly string[]) => string;
    readonly askTopics: string;
    readonly topicsNotFound: (words: string) => string;
    readonly buttons: { readonly everyone: string; readonly topics: string; readonly breaking: (on: boolean) => string; readonly send: (n: number) => string; readonly cancel: string; readonly done: string };
    readonly noRecipients: string;
    readonly progress: (id: string, p: Progress, breaking: boolean) => string;
    readonly final: (id: string, p: Progress, cancelled: boolean) => string;
    readonly stop: string;
    readonly stopping: string;
    readonly alreadyOver: string;
  };
  readonly feeds: {
    readonly header: (count: number) => string;
    readonly empty: string;
    readonly line: (f: FeedLine) => string;
    readonly usage: string;
    readonly added: (name: string) => string;
    readonly invalid: (reason: string) => string;
    /** Feed discovery on a web page: how many it announces, none, or the address could not be read. */
    readonly discover: { readonly found: (count: number) => string; readonly none: string; readonly failed: (reason: string) => string };
    /** OPML in and out. */
    readonly opml: {
      readonly exportCaption: (count: number) => string;
      readonly exportEmpty: string;
      readonly importAsk: string;
      readonly importDone: (added: number, skipped: number, broken: number) => string;
      readonly importBroken: (outline: string, reason: string) => string;
      readonly importFailed: (reason: string) => string;
    };
    readonly removed: string;
    readonly paused: (paused: boolean) => string;
    readonly gone: string;
    readonly buttons: { readonly pause: (name: string, paused: boolean) => string; readonly remove: (name: string) => string; readonly add: string };
  };
  readonly ingest: {
    readonly askContent: string;
    readonly preview: (recipients: number, topics: readonly string[]) => string;
    readonly noMatch: string;
    readonly rejected: (reason: string) => string;
    readonly duplicate: string;
    /** The article is older than STALE_AFTER_HOURS: it would not alert by itself. */
    readonly stale: (hours: number) => string;
    readonly send: (n: number) => string;
    readonly cancel: string;
    readonly queued: (recipients: number) => string;
  };
  readonly stats: {
    readonly title: string;
    readonly followers: (total: number, active: number) => string;
    readonly inactive: (reason: string, n: number) => string;
    readonly topTopics: string;
    readonly topic: (name: string, n: number) => string;
    readonly last24h: (alerts: number, messages: number) => string;
    readonly queues: (name: string, waiting: number, delayed: number, active: number, failed: number) => string;
    readonly rate: (perSec: number) => string;
    readonly lastErrors: string;
    readonly error: (when: string, message: string) => string;
    readonly none: string;
    readonly unavailable: string;
  };
}
