/**
 * The process's parts, started in order and stopped in reverse: whatever started last
 * (taking updates) stops first, the Redis clients last. A start that fails stops what had
 * started, so a half-built app never lingers.
 */
import type { Logger } from '../logger.js';

/**
 * What one process runs. `bot` takes Telegram updates, `worker` runs the background work
 * (delivery workers, feed polls, broadcast progress), `all` both. Every role serves the
 * HTTP API (/articles, /healthz, /metrics). See the table in the README.
 */
export type Role = 'bot' | 'worker' | 'all';

export const ROLES: readonly Role[] = ['bot', 'worker', 'all'];

export const takesUpdates = (role: Role): boolean => role !== 'worker';
export const runsWorkers = (role: Role): boolean => role !== 'bot';

export interface Lifecycle {
  /** Records a started part; it is stopped before every part recorded earlier. */
  started(name: string, stop: () => Promise<void>): void;
  /** Stops every part in reverse order; never throws (each failure is logged). */
  stop(): Promise<void>;
}

export function createLifecycle(logger: Logger): Lifecycle {
  const parts: { readonly name: string; readonly stop: () => Promise<void> }[] = [];
  return {
    started(name, stop) {
      parts.push({ name, stop });
    },
    async stop() {
      while (parts.length > 0) {
        const part = parts.pop()!;
        try {
          await part.stop();
          logger.info({ part: part.name }, 'stopped');
        } catch (e) {
          logger.error({ err: e, part: part.name }, 'stop failed');
        }
      }
    },
  };
}

/** Runs `build` with a fresh lifecycle; if it throws, stops what it had started and rethrows. */
export async function startParts<T>(logger: Logger, build: (life: Lifecycle) => Promise<T>): Promise<{ readonly value: T; readonly stop: () => Promise<void> }> {
  const life = createLifecycle(logger);
  try {
    return { value: await build(life), stop: () => life.stop() };
  } catch (e) {
    await life.stop();
    throw e;
  }
}
