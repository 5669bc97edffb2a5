/**
 * The live progress message of each running broadcast: edited every few seconds (Telegram
 * allows about one edit a second per chat; we stay well below), only when its text
 * changes, with a Cancel button until the broadcast is over, then the final report.
 * Runs on workers, in one process at a time (a lease); the bot announces each broadcast on
 * the progress board, so editing starts at once, and a broadcast that ended before the first
 * look (or during a restart) still gets its final report: it stays on the board until then.
 * What the message says is the bot's view (`view`, src/bot/features/admin/progress-view.ts),
 * passed in: this job reads counts and edits, nothing more.
 */
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { BroadcastId } from '../core/ids.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logger.js';
import type { Broadcast, BroadcastCounters, BroadcastStore, ChatStore, Language } from '../store/ports.js';
import type { ProgressBoard } from '../store/redis-progress-board.js';

/** The figures of a reading, and how the view turns them into the message. */
export interface ProgressView<P> {
  /** Counts → figures; `previous` is the last reading (the first measures from the start). */
  figures(c: BroadcastCounters, now: number, previous?: { at: number; done: number }): P;
  render(broadcast: Pick<Broadcast, 'id' | 'state' | 'breaking'>, figures: P, language: Language | undefined): {
    readonly text: string; readonly keyboard: InlineKeyboardMarkup;
  };
}

export interface BroadcastProgressDeps<P = unknown> {
  readonly view: ProgressView<P>;
  readonly api: Pick<Api, 'editMessageText'>;
  readonly broadcasts: Pick<BroadcastStore, 'get' | 'counters' | 'list'>;
  readonly chats: Pick<ChatStore, 'get'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Default 3,000 ms. */
  readonly intervalMs?: number;
  /**
   * With several processes, only the lease holder edits progress messages (see
   * src/store/redis-lease.ts). Without one, this process always does.
   */
  readonly lease?: { acquire(): Promise<boolean>; release(): Promise<void> };
  /** Announced broadcasts and those still owed a final report. Without it, only running broadcasts are found, by looking. */
  readonly board?: ProgressBoard;
}

export interface BroadcastProgress {
  /**
   * Starts (or keeps) editing this broadcast's progress message (the bot calls it when it
   * runs in the same process). With a lease, only while this process holds it: the holder,
   * elsewhere, hears of the broadcast on the board.
   */
  watch(id: BroadcastId): void;
  /** Edits now instead of at the next tick (after a cancel). */
  refresh(id: BroadcastId): Promise<void>;
  /** Watches every broadcast still sending (after a restart). */
  resumeAll(): Promise<number>;
  /** Looks for running broadcasts every interval (new ones, or after a restart) and watches them. */
  start(): void;
  stop(): Promise<void>;
}

interface Watch {
  timer?: NodeJS.Timeout;
  lastText?: string;
  previous?: { at: number; done: number };
  /** Readings since the broadcast was over: one more after the first settles in-flight sends. */
  finalReadings: number;
  /** Consecutive failed edits; the message is given up after a few (deleted, or chat gone). */
  editErrors: number;
  busy: boolean;
}

export function createBroadcastProgress<P>(deps: BroadcastProgressDeps<P>): BroadcastProgress {
  const intervalMs = deps.intervalMs ?? 3000;
  const watches = new Map<BroadcastId, Watch>();
  let stopped = false;
  let discovery: NodeJS.Timeout | undefined;
  let holding = false;

  async function render(id: BroadcastId, w: Watch): Promise<boolean> {
    const broadcast = await deps.broadcasts.get(id);
    const at = broadcast?.progressMessage;
    if (!broadcast || !at) return false;
    const counters = await deps.broadcasts.counters(id);
    const now = deps.clock().getTime();
    const since = w.previous ?? (broadcast.startedAt === undefined ? undefined : { at: broadcast.startedAt, done: 0 });
    const figures = deps.view.figures(counters, now, since);
    w.previous = { at: now, done: counters.sent + counters.failed + counters.blocked };
    const over = isOver(broadcast);
    if (over) w.finalReadings += 1;
    const { text, keyboard } = deps.view.render(broadcast, figures, (await deps.chats.get(at.chatId))?.language);
    if (text !== w.lastText) {
      await deps.api.editMessageText(at.chatId, at.messageId, text, { parse_mode: 'HTML', reply_markup: keyboard });
      w.lastText = text;
    }
    // 'done' means every send has its outcome: the report is final. After a cancel, one more
    // reading later picks up sends that were in flight; then stop.
    if (over && (broadcast.state === 'done' || w.finalReadings >= 2)) {
      await deps.board?.settle(id);
      return false;
    }
    return true;
  }

  async function tick(id: BroadcastId): Promise<void> {
    const w = watches.get(id);
    if (!w || w.busy) return;
    w.busy = true;
    let keep = true;
    try {
      keep = await render(id, w);
      w.editErrors = 0;
    } catch (e) {
      if (e instanceof GrammyError && e.error_code === 429) {
        deps.logger.warn({ broadcastId: id, retryAfter: e.parameters.retry_after }, 'progress edit rate-limited');
      } else if (e instanceof GrammyError) {
        // 400 covers both "not modified" (after a restart, same text) and a deleted message:
        // give up only when edits keep failing.
        w.editErrors += 1;
        keep = w.editErrors < 5;
        if (!keep) await deps.board?.settle(id).catch(() => undefined);
        deps.logger.warn({ err: e, broadcastId: id, editErrors: w.editErrors }, 'progress edit refused');
      } else {
        deps.logger.warn({ err: e, broadcastId: id }, 'progress not readable; will retry');
      }
    } finally {
      w.busy = false;
    }
    if (!keep || stopped) {
      clearTimeout(w.timer);
      watches.delete(id);
      return;
    }
    w.timer = setTimeout(() => void tick(id), intervalMs);
  }

  function watch(id: BroadcastId): void {
    if (stopped || watches.has(id)) return;
    watches.set(id, { finalReadings: 0, editErrors: 0, busy: false });
    void tick(id);
  }

  async function resumeAll(): Promise<number> {
    const running = (await deps.broadcasts.list(50)).filter((b) => b.state === 'sending' && b.progressMessage).map((b) => b.id);
    const owed = deps.board ? await deps.board.pending() : [];
    const ids = new Set([...running, ...owed]);
    for (const id of ids) watch(id);
    return ids.size;
  }

  /** An announcement: start watching, or edit now if already watched (a cancel). */
  function announced(id: BroadcastId): void {
    if (stopped || !holding) return;
    const w = watches.get(id);
    if (!w) return watch(id);
    // A reading in progress schedules the next one itself.
    if (w.busy) return;
    clearTimeout(w.timer);
    void tick(id);
  }
  let unlisten: (() => Promise<void>) | undefined;

  return {
    watch(id) {
      if (deps.lease && !holding) return;
      watch(id);
    },
    resumeAll,
    async refresh(id) {
      const w = watches.get(id);
      if (!w) return;
      clearTimeout(w.timer);
      await tick(id);
    },
    start() {
      deps.board?.listen(announced, (err) => deps.logger.warn({ err }, 'broadcast progress: announcements'))
        .then((off) => {
          if (stopped) void off();
          else unlisten = off;
        })
        .catch((err: unknown) => deps.logger.warn({ err }, 'broadcast progress: cannot listen; looking every interval'));
      const discover = async (): Promise<void> => {
        try {
          holding = deps.lease ? await deps.lease.acquire() : true;
          if (holding) await resumeAll();
        } catch (e) {
          deps.logger.warn({ err: e }, 'broadcast progress: discovery failed');
        }
        if (!stopped) discovery = setTimeout(() => void discover(), intervalMs);
      };
      void discover();
    },
    async stop() {
      stopped = true;
      clearTimeout(discovery);
      await unlisten?.().catch(() => undefined);
      for (const w of watches.values()) clearTimeout(w.timer);
      watches.clear();
      if (holding && deps.lease) await deps.lease.release();
    },
  };
}

function isOver(b: Pick<Broadcast, 'state'>): boolean {
  return b.state === 'done' || b.state === 'cancelled';
}
