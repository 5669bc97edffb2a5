/**
 * The broadcast progress message as the admin sees it: counts → figures (rate, time left)
 * → text and keyboard (Cancel until the broadcast is over). A view helper: the progress job
 * (src/jobs/broadcast-progress.ts) edits the message with what this renders, and the bot
 * posts the first one.
 */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { BroadcastId } from '../../../core/ids.js';
import type { Broadcast, BroadcastCounters, Language } from '../../../store/ports.js';
import { stringsFor, type Progress } from '../../i18n/index.js';
import { stopData } from './callbacks.js';

/**
 * Counts → what the message shows. `previous` gives the rate since the last reading; the
 * first reading measures from the broadcast's start (`{ at: startedAt, done: 0 }`).
 */
export function toProgress(c: BroadcastCounters, now: number, previous?: { at: number; done: number }): Progress {
  const total = Math.max(c.total, c.queued);
  const done = c.sent + c.failed + c.blocked;
  const remaining = Math.max(0, total - done);
  const seconds = previous ? (now - previous.at) / 1000 : 0;
  const rate = previous && seconds > 0 ? Math.max(0, done - previous.done) / seconds : 0;
  return { total, sent: c.sent, failed: c.failed, blocked: c.blocked, remaining, rate, ...(rate > 0 ? { secondsLeft: remaining / rate } : {}) };
}

export const isOver = (b: Pick<Broadcast, 'state'>): boolean => b.state === 'done' || b.state === 'cancelled';

/** The progress message's text (HTML) and keyboard, in the admin's language. */
export function renderProgressMessage(
  broadcast: Pick<Broadcast, 'id' | 'state' | 'breaking'>, progress: Progress, language: Language | undefined,
): { readonly text: string; readonly keyboard: InlineKeyboardMarkup } {
  const t = stringsFor(language ?? 'ar').admin.broadcast;
  const over = isOver(broadcast);
  const text = over ? t.final(broadcast.id, progress, broadcast.state === 'cancelled') : t.progress(broadcast.id, progress, broadcast.breaking);
  const keyboard = over ? new InlineKeyboard() : new InlineKeyboard().text(t.stop, stopData.pack({ id: broadcast.id }));
  return { text, keyboard: { inline_keyboard: keyboard.inline_keyboard } };
}

export type RenderProgressMessage = typeof renderProgressMessage;

/**
 * This process's progress reporter, when it runs one (src/jobs/broadcast-progress.ts, role
 * `all`): the bot tells it about a broadcast it just started or cancelled, to edit at once.
 */
export interface ProgressWatcher {
  watch(id: BroadcastId): void;
  refresh(id: BroadcastId): Promise<void>;
}

/** The view the progress job takes (`ProgressView` in src/jobs/broadcast-progress.ts). */
export const progressView = { figures: toProgress, render: renderProgressMessage } as const;
