/**
 * The typed Strings over Fluent messages: each member names its message in the .ftl files
 * and hands it escaped variables. This is the one place where text from users, topics,
 * feeds and articles is escaped for Telegram HTML and, when it is quoted inside a
 * sentence, wrapped in FSI…PDI (U+2068/U+2069) so a Latin name cannot flip an Arabic line.
 *
 * Fluent could isolate placeables itself (useIsolating), but it would wrap every variable,
 * numbers and our own HTML fragments included, and it cannot escape; the bundles are built
 * with useIsolating: false and isolation stays explicit here (see locales.ts).
 *
 * Counts are shown without grouping (2000, not 2,000), as in alerts and button labels.
 * Messages without variables are read once, when the Strings are built.
 */
import { FluentNumber } from '@fluent/bundle';
import { escapeHtml as esc } from '../../core/render/escape.js';
import { mmss } from '../features/admin/format.js';
import type { AdminStrings, Progress, Strings } from './strings.js';

/** Formats one message of one locale; counts are Fluent numbers so plural selectors work. */
export type Translate = (key: string, vars?: Readonly<Record<string, string | FluentNumber>>) => string;

type Vars = Readonly<Record<string, string | number>>;
const PLAIN = { useGrouping: false } as const;
const fluentVars = (vars: Vars): Record<string, string | FluentNumber> =>
  Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'number' ? new FluentNumber(v, PLAIN) : v]));

/** Escaped and direction-isolated user text (the quotes are in the messages). */
const iso = (text: string): string => `\u2068${esc(text)}\u2069`;
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** Formatted messages kept: the same few names, counts and pages come back on every update. */
const MEMO_SIZE = 5_000;

export function stringsFromFluent(translate: Translate): Strings {
  // Fluent resolves the bundle and walks the pattern on every call (~10 µs); a hit here is a Map look-up.
  const memo = new Map<string, string>();
  const tr = (key: string, vars?: Vars): string => {
    if (!vars) return translate(key);
    const id = `${key}\u0000${Object.entries(vars).map(([k, v]) => `${k}=${typeof v}:${v}`).join('\u0000')}`;
    let text = memo.get(id);
    if (text === undefined) {
      text = translate(key, fluentVars(vars));
      if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
      memo.set(id, text);
    }
    return text;
  };
  return {
    apology: tr('apology'),
    slowDown: tr('slow-down'),
    buttonExpired: tr('button-expired'),
    welcome: tr('welcome'),
    help: tr('help'),
    categories: {
      countries: tr('category-countries'), regions: tr('category-regions'), conflicts: tr('category-conflicts'),
      people: tr('category-people'), themes: tr('category-themes'),
    },
    picker: {
      choose: (title) => (title ? tr('picker-choose-for', { title: iso(title) }) : tr('picker-choose')),
      page: (category, page, pages, title) =>
        title
          ? tr('picker-page-for', { title: iso(title), category: esc(category), page, pages })
          : tr('picker-page', { category: esc(category), page, pages }),
      empty: tr('picker-empty'),
      back: tr('picker-back'),
      prev: tr('picker-prev'),
      next: tr('picker-next'),
      done: tr('picker-done'),
    },
    follow: {
      followed: (name) => tr('follow-followed', { name: iso(name) }),
      already: (name) => tr('follow-already', { name: iso(name) }),
      unfollowed: (name) => tr('follow-unfollowed', { name: iso(name) }),
      notFollowing: (name) => tr('follow-not-following', { name: iso(name) }),
      tooMany: (limit) => tr('follow-too-many', { limit }),
      unknown: tr('follow-unknown'),
      usage: (command) => tr(command === 'follow' ? 'follow-usage-follow' : 'follow-usage-unfollow'),
      // A button label: plain text, so not escaped; still isolated.
      keywordButton: (words) => tr('follow-keyword-button', { words: `\u2068${words}\u2069` }),
      keywordExpired: tr('follow-keyword-expired'),
    },
    search: {
      results: (query) => tr('search-results', { query: iso(query) }),
      none: (query) => tr('search-none', { query: iso(query) }),
      noKeyword: (query) => tr('search-no-keyword', { query: iso(query) }),
      tooLong: (length, max) => tr('search-too-long', { length, max }),
      noWords: tr('search-no-words'),
    },
    refusal: { notAdmin: tr('refusal-not-admin'), notLinked: tr('refusal-not-linked'), noChat: tr('refusal-no-chat') },
    mytopics: {
      header: (count) => tr('mytopics-header', { count }),
      empty: tr('mytopics-empty'),
      unfollowButton: (name) => tr('mytopics-unfollow-button', { name }),
    },
    latest: {
      header: (topic) => (topic ? tr('latest-header-topic', { topic: iso(topic) }) : tr('latest-header')),
      empty: tr('latest-empty'),
      unknownTopic: (query) => tr('latest-unknown-topic', { query: iso(query) }),
      item: (title, when, url) => `• ${url ? `<a href="${esc(url)}">${esc(title)}</a>` : esc(title)}\n  🕓 ${esc(when)}`,
      alsoReported: (outlets) => tr('latest-also-reported', { outlets: outlets.map(esc).join(tr('why-separator')) }),
    },
    why: {
      needReply: tr('why-need-reply'),
      unknown: tr('why-unknown'),
      header: (title) => tr('why-header', { title: esc(title) }),
      line: (topic, words, path) => {
        const quoted = words.map((word) => tr('why-word', { word: iso(word) })).join(tr('why-separator'));
        const line = tr('why-line', { topic: esc(topic), words: quoted });
        return path.length > 1 ? `${line}\n   ${path.map(esc).join(' → ')}` : line;
      },
      alsoReported: (outlets) => tr('why-also-reported', { outlets: outlets.map(esc).join(tr('why-separator')) }),
    },
    pause: {
      choose: tr('pause-choose'),
      hours: (hours) => tr('pause-hours', { hours }),
      paused: (until) => tr('pause-paused', { until: esc(until) }),
      resumed: tr('pause-resumed'),
    },
    settings: {
      home: (s) => tr('settings-home', { delivery: esc(s.delivery), quiet: esc(s.quiet), zone: esc(s.timeZone), language: esc(s.language) }),
      instant: tr('settings-instant'),
      hourly: tr('settings-hourly'),
      daily: (hour) => (hour === undefined ? tr('settings-daily') : tr('settings-daily-at', { hour: String(hour) })),
      quietOff: tr('settings-quiet-off'),
      quiet: (from, to) => tr('settings-quiet', { from, to }),
      quietButton: tr('settings-quiet-button'),
      timeZoneButton: tr('settings-zone-button'),
      languageButton: tr('settings-language-button'),
      chooseHour: tr('settings-choose-hour'),
      chooseQuiet: tr('settings-choose-quiet'),
      chooseZone: tr('settings-choose-zone'),
      zoneSet: (zone) => tr('settings-zone-set', { zone: iso(zone) }),
      zoneInvalid: (zone) => tr('settings-zone-invalid', { zone: iso(zone) }),
      zoneUsage: tr('settings-zone-usage'),
      saved: tr('settings-saved'),
    },
    stop: {
      confirm: tr('stop-confirm'), yes: tr('stop-yes'), no: tr('stop-no'),
      done: (count) => tr('stop-done', { count }),
      kept: tr('stop-kept'),
    },
    group: { added: tr('group-added') },
    channels: {
      intro: tr('channels-intro'),
      list: (count) => tr('channels-list', { count }),
      manageButton: (title) => tr('channels-manage-button', { title }),
      unlinkButton: tr('channels-unlink-button'),
      linked: (title) => tr('channels-linked', { title: iso(title) }),
      unlinked: tr('channels-unlinked'),
      notFound: tr('channels-not-found'),
      botNotAdmin: tr('channels-bot-not-admin'),
      userNotAdmin: tr('channels-user-not-admin'),
    },
    commands: {
      start: tr('command-start'), mytopics: tr('command-mytopics'), follow: tr('command-follow'), unfollow: tr('command-unfollow'),
      latest: tr('command-latest'), why: tr('command-why'), pause: tr('command-pause'), resume: tr('command-resume'),
      settings: tr('command-settings'), timezone: tr('command-timezone'), channels: tr('command-channels'), stop: tr('command-stop'),
      help: tr('command-help'), broadcast: tr('command-broadcast'), feeds: tr('command-feeds'), ingest: tr('command-ingest'),
      stats: tr('command-stats'), cancel: tr('command-cancel'),
    },
    admin: adminStrings(tr),
  };
}

function progressVars(p: Progress): Record<string, string | number> {
  return { sent: p.sent, failed: p.failed, blocked: p.blocked, remaining: p.remaining, total: p.total };
}

function adminStrings(tr: (key: string, vars?: Vars) => string): AdminStrings {
  return {
    refusal: tr('admin-refusal'),
    privateOnly: tr('admin-private-only'),
    cancelled: tr('admin-cancelled'),
    expired: tr('admin-expired'),
    broadcast: {
      askContent: tr('broadcast-ask-content'),
      notContent: tr('broadcast-not-content'),
      previewNote: tr('broadcast-preview-note'),
      panel: (audience, recipients, breaking) => tr('broadcast-panel', { audience, recipients, breaking: yesNo(breaking) }),
      everyone: tr('broadcast-everyone'),
      followersOf: (names) => tr('broadcast-followers-of', { names: names.map(esc).join(tr('why-separator')) }),
      askTopics: tr('broadcast-ask-topics'),
      topicsNotFound: (words) => tr('broadcast-topics-not-found', { words: iso(words) }),
      buttons: {
        everyone: tr('broadcast-button-everyone'),
        topics: tr('broadcast-button-topics'),
        breaking: (on) => tr(on ? 'broadcast-button-breaking-on' : 'broadcast-button-breaking-off'),
        send: (recipients) => tr('broadcast-button-send', { recipients }),
        cancel: tr('broadcast-button-cancel'),
        done: tr('broadcast-button-done'),
      },
      noRecipients: tr('broadcast-no-recipients'),
      progress: (id, p, breaking) => tr('broadcast-progress', {
        ...progressVars(p), id: esc(id), breaking: yesNo(breaking), rate: p.rate.toFixed(1),
        left: p.secondsLeft === undefined ? '—' : `~${mmss(p.secondsLeft)}`,
      }),
      final: (id, p, cancelled) => tr('broadcast-final', { ...progressVars(p), id: esc(id), cancelled: yesNo(cancelled), unsent: p.remaining }),
      stop: tr('broadcast-stop'),
      stopping: tr('broadcast-stopping'),
      alreadyOver: tr('broadcast-already-over'),
    },
    feeds: {
      header: (count) => tr('feeds-header', { count }),
      empty: tr('feeds-empty'),
      line: (f) => {
        const line = tr('feeds-line', {
          paused: yesNo(f.paused), name: esc(f.name), minutes: Math.round(f.intervalSec / 60), url: esc(f.url),
          success: f.lastSuccess ? esc(f.lastSuccess) : tr('feeds-never'), seen: f.itemsSeen,
        });
        return f.lastError ? `${line}\n${tr('feeds-line-error', { at: esc(f.lastErrorAt ?? ''), error: esc(f.lastError) })}` : line;
      },
      usage: tr('feeds-usage'),
      added: (name) => tr('feeds-added', { name: esc(name) }),
      invalid: (reason) => tr('feeds-invalid', { reason: esc(reason) }),
      discover: {
        found: (count) => tr('feeds-discover-found', { count }),
        none: tr('feeds-discover-none'),
        failed: (reason) => tr('feeds-discover-failed', { reason: esc(reason) }),
      },
      opml: {
        exportCaption: (count) => tr('feeds-export-caption', { count }),
        exportEmpty: tr('feeds-export-empty'),
        importAsk: tr('feeds-import-ask'),
        importDone: (added, skipped, broken) => tr('feeds-import-done', { added, skipped, broken }),
        importBroken: (outline, reason) => tr('feeds-import-broken', { outline: iso(outline), reason: esc(reason) }),
        importFailed: (reason) => tr('feeds-import-failed', { reason: esc(reason) }),
      },
      removed: tr('feeds-removed'),
      paused: (paused) => tr(paused ? 'feeds-paused' : 'feeds-resumed'),
      gone: tr('feeds-gone'),
      buttons: {
        pause: (name, paused) => tr(paused ? 'feeds-button-resume' : 'feeds-button-pause', { name }),
        remove: (name) => tr('feeds-button-remove', { name }),
        add: tr('feeds-button-add'),
      },
    },
    ingest: {
      askContent: tr('ingest-ask-content'),
      preview: (recipients, topics) => tr('ingest-preview', { recipients, topics: topics.map(esc).join(tr('why-separator')) || '—' }),
      noMatch: tr('ingest-no-match'),
      rejected: (reason) => tr('ingest-rejected', { reason: esc(reason) }),
      duplicate: tr('ingest-duplicate'),
      stale: (hours) => tr('ingest-stale', { hours }),
      send: (recipients) => tr('ingest-send', { recipients }),
      cancel: tr('ingest-cancel'),
      queued: (recipients) => tr('ingest-queued', { recipients }),
    },
    stats: {
      title: tr('stats-title'),
      followers: (total, active) => tr('stats-followers', { total, active, inactive: total - active }),
      inactive: (reason, count) => tr('stats-inactive', { reason: esc(reason), count }),
      topTopics: tr('stats-top-topics'),
      topic: (name, count) => tr('stats-topic', { name: esc(name), count }),
      last24h: (alerts, messages) => tr('stats-last-24h', { alerts, messages }),
      queues: (queue, waiting, delayed, active, failed) => tr('stats-queues', { queue: esc(queue), waiting, delayed, active, failed }),
      rate: (rate) => tr('stats-rate', { rate: rate.toFixed(1) }),
      lastErrors: tr('stats-last-errors'),
      error: (at, message) => tr('stats-error', { at: esc(at), message: esc(message) }),
      none: tr('stats-none'),
      unavailable: tr('stats-unavailable'),
    },
  };
}
