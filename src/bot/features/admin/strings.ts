/**
 * Admin UI strings (Telegram HTML). Functions that take feed, topic or user text escape
 * it themselves: callers pass raw strings. Arabic in strings-ar.ts, English here; i18n.ts picks.
 */
import { escapeHtml as e } from '../../../core/render/escape.js';
import { mmss } from './format.js';

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

export const en: AdminStrings = {
  refusal: 'Sorry, this command is for the bot’s administrators only.',
  privateOnly: 'Admin commands work in a private chat with the bot.',
  cancelled: 'Cancelled.',
  expired: 'This draft has expired. Start again.',
  broadcast: {
    askContent: '📣 Send the message to broadcast: formatted text, or a photo or video with a caption.\n/cancel to stop.',
    notContent: 'That cannot be broadcast. Send text, a photo, a video, a document or an audio message.',
    previewNote: '👆 This is exactly what recipients will see.',
    panel: (audience, n, breaking) =>
      `<b>📣 Broadcast</b>\nAudience: ${audience} — <b>${n}</b> recipients\nBreaking (عاجل): ${breaking ? '🔴 yes' : 'no'}`,
    everyone: 'everyone',
    followersOf: (names) => `followers of ${names.map(e).join(', ')}`,
    askTopics: 'Tap topics to add or remove them, or type topic names separated by commas.',
    topicsNotFound: (words) => `No topic found for: ${e(words)}`,
    buttons: {
      everyone: '👥 Everyone', topics: '🏷 By topics', breaking: (on) => (on ? '🔴 Breaking: on' : '⚪ Breaking: off'),
      send: (n) => `✅ Send to ${n}`, cancel: '✖ Cancel', done: '✔ Done',
    },
    noRecipients: 'Nobody would receive it: pick another audience.',
    progress: (id, p, breaking) =>
      `${breaking ? '🔴 ' : ''}📣 Broadcast <code>${e(id)}</code> is sending\n` +
      `Sent: ${p.sent} · Failed: ${p.failed} · Blocked: ${p.blocked} · Remaining: ${p.remaining} of ${p.total}\n` +
      `Rate: ${p.rate.toFixed(1)}/s · Time left: ${p.secondsLeft === undefined ? '—' : `~${mmss(p.secondsLeft)}`}`,
    final: (id, p, cancelled) =>
      `${cancelled ? '⛔ Broadcast cancelled' : '✅ Broadcast finished'} <code>${e(id)}</code>\n` +
      `Sent: ${p.sent} · Failed: ${p.failed} · Blocked: ${p.blocked}${p.remaining > 0 ? ` · Not sent: ${p.remaining}` : ''} (of ${p.total})`,
    stop: '⛔ Cancel broadcast',
    stopping: 'Cancelling: nothing more will be sent.',
    alreadyOver: 'This broadcast is already over.',
  },
  feeds: {
    header: (n) => `<b>📰 Feeds (${n})</b>`,
    empty: 'No feeds yet.',
    line: (f) =>
      `${f.paused ? '⏸' : '▶️'} <b>${e(f.name)}</b> — every ${Math.round(f.intervalSec / 60)} min\n${e(f.url)}\n` +
      `Last success: ${f.lastSuccess ? e(f.lastSuccess) : 'never'} · Items seen: ${f.itemsSeen}` +
      (f.lastError ? `\n⚠️ Last error (${e(f.lastErrorAt ?? '')}): ${e(f.lastError)}` : ''),
    usage: 'Add a feed: <code>/feeds add URL | name | time zone | interval in minutes</code>\n' +
      'e.g. <code>/feeds add https://example.com/rss.xml | الجزيرة | Asia/Qatar | 5</code> (zone and interval optional).',
    added: (name) => `Feed added: <b>${e(name)}</b>. Its current items are marked seen; new ones will alert.`,
    invalid: (reason) => `Cannot add the feed: ${e(reason)}`,
    removed: 'Feed removed.',
    paused: (p) => (p ? 'Feed paused.' : 'Feed resumed.'),
    gone: 'That feed no longer exists.',
    buttons: { pause: (n, p) => `${p ? '▶️ Resume' : '⏸ Pause'} ${n}`, remove: (n) => `🗑 Remove ${n}`, add: '➕ Add a feed' },
  },
  ingest: {
    askContent: '📝 Paste or forward the article (headline on the first line).\n/cancel to stop.',
    preview: (n, topics) => `👆 The alert as followers will see it.\nTopics: ${topics.map(e).join(', ') || '—'}\nAudience: <b>${n}</b> chats`,
    noMatch: 'No topic matched: nobody would be alerted.',
    rejected: (reason) => `The article cannot be used: ${e(reason)}`,
    duplicate: 'This story was already ingested: it will not alert again.',
    stale: (h) => `⏳ Old news: published more than ${h} ${h === 1 ? 'hour' : 'hours'} ago, so it would not alert by itself. Send it anyway?`,
    send: (n) => `✅ Send to ${n}`,
    cancel: '✖ Cancel',
    queued: (n) => `✅ Queued for ${n} chats.`,
  },
  stats: {
    title: '<b>📊 Statistics</b>',
    followers: (t, a) => `Chats: ${t} (active ${a}, inactive ${t - a})`,
    inactive: (r, n) => `  • ${e(r)}: ${n}`,
    topTopics: '<b>Top topics</b>',
    topic: (name, n) => `  • ${e(name)}: ${n}`,
    last24h: (a, m) => `Last 24 h: ${a} alerts, ${m} messages`,
    queues: (q, w, d, a, f) => `Queue ${e(q)}: waiting ${w}, delayed ${d}, active ${a}, failed ${f}`,
    rate: (r) => `Send rate: ${r.toFixed(1)} msg/s`,
    lastErrors: '<b>Last errors</b>',
    error: (when, m) => `  • ${e(when)}: ${e(m)}`,
    none: '  —',
    unavailable: 'Statistics are unavailable right now (storage unreachable).',
  },
};
