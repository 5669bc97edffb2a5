/**
 * `tanbih start [--role bot|worker|all]` (and `npm start`): validates the configuration,
 * starts the app (src/main.ts, roles in src/app), runs until SIGINT/SIGTERM, then stops it within a bounded
 * time. Exit 0 on a clean stop; 1 on bad configuration, a refused token or a slow stop;
 * 2 on a bad role.
 */
import { GrammyError } from 'grammy';
import { type Config, ConfigError, createConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { ROLES, type Role } from '../app/lifecycle.js';
import type { App } from '../main.js';
import type { CliIo } from './io.js';

/** How long shutdown may take before the process gives up waiting and exits 1. */
const SHUTDOWN_LIMIT_MS = 15_000;

export const TOKEN_HELP = [
  'BOT_TOKEN is missing or malformed.',
  'To get one: open Telegram, talk to @BotFather (https://t.me/BotFather), send /newbot and follow the steps.',
  'It answers with a token like 123456789:AAE…; put it in .env as BOT_TOKEN=… (or export it) and start again.',
].join('\n');

export function parseRole(args: readonly string[]): { ok: true; role: Role } | { ok: false; message: string } {
  const i = args.indexOf('--role');
  const inline = args.find((a) => a.startsWith('--role='));
  const value = inline ? inline.slice('--role='.length) : i >= 0 ? args[i + 1] : 'all';
  const role = ROLES.find((r) => r === value);
  return role ? { ok: true, role } : { ok: false, message: `unknown role "${value ?? ''}": use --role ${ROLES.join('|')}` };
}

function readConfig(io: CliIo): Config | undefined {
  try {
    return createConfig(io.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    if (e.problems.some((p) => p.startsWith('BOT_TOKEN'))) io.stderr.write(`\n${TOKEN_HELP}\n`);
    return undefined;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const role = parseRole(args);
  if (!role.ok) {
    io.stderr.write(`${role.message}\n`);
    return 2;
  }
  const config = readConfig(io);
  if (!config) return 1;
  const { botToken } = config;
  if (!botToken) {
    io.stderr.write(`${TOKEN_HELP}\n`);
    return 1;
  }
  const logger = createLogger(config.logLevel);
  const { startApp } = await import('../main.js');
  let app: App;
  try {
    app = await startApp({ ...config, botToken }, role.role, logger);
  } catch (e) {
    // Telegram refuses the token (revoked, or from another server): say how to get a good one.
    if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404)) {
      io.stderr.write(`Telegram refused BOT_TOKEN (${e.error_code}).\n${TOKEN_HELP}\n`);
      return 1;
    }
    logger.fatal({ err: e }, 'start failed');
    return 1;
  }
  logger.info({ role: role.role }, 'tanbih started');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  logger.info({ signal }, 'shutting down');
  const timedOut = Symbol('timeout');
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), SHUTDOWN_LIMIT_MS);
  });
  const outcome = await Promise.race([app.stop(), limit]);
  clearTimeout(timer);
  if (outcome === timedOut) {
    logger.error({ limitMs: SHUTDOWN_LIMIT_MS }, 'shutdown took too long; exiting anyway');
    return 1;
  }
  logger.info('stopped cleanly');
  return 0;
}
