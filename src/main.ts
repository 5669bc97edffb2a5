/**
 * Starts the app for a role: infrastructure (src/app/infra.ts), then the role's parts, then
 * the one HTTP server, then Telegram updates; stops in reverse (src/app/lifecycle.ts). Which
 * process runs what is src/app/*-role.ts (and the README's table). The process side (config
 * errors, signals, bounded shutdown) is src/cli/start.ts, reached through src/cli.ts.
 */
import { createBotRole } from './app/bot-role.js';
import { serveHttp } from './app/http.js';
import { createInfra } from './app/infra.js';
import { type Role, runsWorkers, startParts, takesUpdates } from './app/lifecycle.js';
import { startWorkerRole } from './app/worker-role.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

export interface App {
  readonly role: Role;
  /** Stops every part in reverse order; never throws (each failure is logged). */
  stop(): Promise<void>;
}

/** On a start failure, what had started is stopped and the error rethrown. */
export async function startApp(config: Config & { botToken: string }, role: Role, logger: Logger): Promise<App> {
  for (const notice of config.notices) logger.warn(notice);
  const { stop } = await startParts(logger, async (life) => {
    const infra = await createInfra(config, role, logger, life);
    const worker = runsWorkers(role) ? await startWorkerRole(infra, life) : undefined;
    const bot = takesUpdates(role) ? await createBotRole(infra, worker?.progress) : undefined;
    await serveHttp(infra, life, { ...(bot ? { polling: bot.polling } : {}), ...(worker ? { feeds: worker.feeds } : {}) }, bot?.webhook);
    await bot?.startUpdates(life);
  });
  return { role, stop };
}
