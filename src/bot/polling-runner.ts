/**
 * Long polling that confirms an update only once it has been handled.
 *
 * @grammyjs/runner's own fetcher (`run(bot)`) asks for the next batch with
 * offset = last update_id + 1 of the previous one, which confirms a batch to Telegram
 * while its handlers are still running; `handle.stop()` then resolves without waiting for
 * them. A stop (or a crash) therefore lost every reply still in flight, for good: the
 * updates were confirmed, a restart never saw them again.
 *
 * Decision: keep the runner's source, concurrent sink and runner loop (createSource,
 * createConcurrentSink, createRunner), and give them our own update supplier whose offset
 * is the oldest update still being handled (update-offset.ts). Telegram then keeps every
 * unfinished update; a restart handles it again. The price:
 * - while handlers are in flight getUpdates answers at once (their updates come back), so
 *   the supplier polls every BUSY_POLL_MS instead of holding a long poll: a new update waits
 *   up to that long more, and getUpdates is called up to 40 times a second, only while busy;
 * - at most 100 updates past the oldest unfinished one are visible (getUpdates' limit), so
 *   one slow handler slows intake until it ends (a full answer waits for the offset to move);
 *   a hung handler is let go after STUCK_MS. `npm run -s bench -- bot` compares both ways;
 * - an update finished after an unfinished older one is confirmed only with it: when stop
 *   cannot wait for the older one, both are handled again after a restart (at least once).
 */
import { createConcurrentSink, createRunner, createSource, type UpdateSupplier } from '@grammyjs/runner';
import { type Bot, type BotError, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';
import { createUpdateOffset, type UpdateOffset } from './update-offset.js';

export interface PollingOptions {
  readonly allowedUpdates: readonly Exclude<keyof Update, 'update_id'>[];
  /** Long-poll timeout of getUpdates while idle, in seconds. */
  readonly timeoutSec: number;
}

export interface PollingRunner {
  /**
   * Stops fetching, lets handlers in flight finish for up to `drainMs`, then confirms the
   * updates handled (and only those) and resolves. Takes at most drainMs + CONFIRM_MS.
   */
  stop(drainMs: number): Promise<{ readonly offset: number; readonly unfinished: number }>;
}

/** Polling interval while handlers are in flight (getUpdates cannot long-poll then, see above). */
const BUSY_POLL_MS = 25;
/** A handler running this long stops holding the offset back: a hung one must not stall the bot. */
const STUCK_MS = 60_000;
/** The final confirming getUpdates is given this long; failing it only means updates handled twice. */
export const CONFIRM_MS = 1_500;

/** grammY and the runner type signals with the abort-controller polyfill; any EventTarget-style signal works. */
type ApiSignal = NonNullable<Parameters<Bot['api']['getUpdates']>[1]>;

export function startPollingRunner(bot: Bot<BotContext>, options: PollingOptions, logger: Logger): PollingRunner {
  const offset = createUpdateOffset();
  const sent = { offset: 0 };
  const sink = createConcurrentSink<Update, BotError<BotContext>>(
    { consume: (update) => bot.handleUpdate(update).finally(() => offset.settle(update.update_id)) },
    async (error) => {
      try {
        await bot.errorHandler(error);
      } catch (e) {
        logger.error({ err: e }, 'bot error handler failed');
      }
    },
    {
      timeout: {
        milliseconds: STUCK_MS,
        handler: (update) => {
          logger.error({ updateId: update.update_id, afterMs: STUCK_MS }, 'handler still running; confirming past it');
          offset.settle(update.update_id);
        },
      },
    },
  );
  const handle = createRunner(createSource(confirmingSupplier(bot, offset, sent, options, logger)), sink);
  handle.start();

  return {
    async stop(drainMs) {
      // The runner's task rejects only if polling had already ended on an unrecoverable error.
      const stopped = Promise.resolve(handle.stop()).catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([stopped, offset.idle()]),
        new Promise((resolve) => (timer = setTimeout(resolve, drainMs))),
      ]);
      clearTimeout(timer);
      const confirmed = offset.offset();
      if (confirmed > sent.offset) {
        // limit 1, timeout 0: Telegram forgets every update below `offset` and answers at once.
        const bounded = AbortSignal.timeout(CONFIRM_MS) as unknown as ApiSignal;
        await bot.api.getUpdates({ offset: confirmed, limit: 1, timeout: 0 }, bounded).catch((e: unknown) =>
          logger.warn({ err: e, offset: confirmed }, 'could not confirm the updates handled; they are handled again after a restart'));
      }
      return { offset: confirmed, unfinished: offset.active() };
    },
  };
}

function confirmingSupplier(
  bot: Bot<BotContext>, offset: UpdateOffset, sent: { offset: number }, options: PollingOptions, logger: Logger,
): UpdateSupplier<Update> {
  return {
    async supply(_batchSize, signal) {
      for (let retryMs = 100; ; retryMs = Math.min(retryMs * 2, 30_000)) {
        const busy = offset.active() > 0;
        try {
          const from = offset.offset();
          const updates = await bot.api.getUpdates({
            offset: from, limit: 100, timeout: busy ? 0 : options.timeoutSec, allowed_updates: [...options.allowedUpdates],
          }, signal);
          sent.offset = from;
          const fresh = offset.admit(updates);
          // Nothing new: poll again in a moment, or as soon as the offset moves when a full
          // answer shows that newer updates wait beyond getUpdates' limit.
          if (fresh.length === 0 && busy) await pause(BUSY_POLL_MS, signal, updates.length >= 100 ? offset.advanced() : undefined);
          return fresh;
        } catch (e) {
          // Aborted by stop(), or unrecoverable (bad token, another poller): end like the runner does.
          if (signal.aborted || (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 409))) throw e;
          const retryAfter = e instanceof GrammyError ? e.parameters.retry_after : undefined;
          logger.warn({ err: e, retryInMs: retryAfter ? retryAfter * 1000 : retryMs }, 'getUpdates failed; retrying');
          await pause(retryAfter ? retryAfter * 1000 : retryMs, signal);
        }
      }
    },
  };
}

/** Waits `ms`, or less when `signal` aborts or `early` settles. */
function pause(ms: number, signal: ApiSignal, early?: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    void early?.then(done);
  });
}
