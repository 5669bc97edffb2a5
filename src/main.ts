/**
 * Composition root: config → logger → Redis → stores → matcher → delivery → bot →
 * runner/webhook, plus the HTTP server and feed poller. Builds everything explicitly
 * (no singletons), starts in order, and on SIGINT/SIGTERM stops in reverse order within
 * a bounded time.
 *
 * Roles: `all` (default, one process), `bot` (takes updates only), `worker` (delivery
 * workers, HTTP server and feed poller). Run one `bot` and any number of `worker`s
 * against the same Redis to scale out.
 */
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import type { CliIo } from './cli/io.js';
import { type Config, ConfigError, createConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';

export type Role = 'bot' | 'worker' | 'all';

/** How long shutdown may take before the process gives up waiting and exits 1. */
const SHUTDOWN_LIMIT_MS = 15_000;

export const TOKEN_HELP = [
  'BOT_TOKEN is missing or malformed.',
  'To get one: open Telegram, talk to @BotFather (https://t.me/BotFather), send /newbot and follow the steps.',
  'It answers with a token like 123456789:AAE…; put it in .env as BOT_TOKEN=… (or export it) and start again.',
].join('\n');

export function parseRole(args: readonly string[]): Role | string {
  const i = args.indexOf('--role');
  const inline = args.find((a) => a.startsWith('--role='));
  const value = inline ? inline.slice('--role='.length) : i >= 0 ? args[i + 1] : 'all';
  return value === 'bot' || value === 'worker' || value === 'all' ? value : `unknown role "${value ?? ''}": use --role bot|worker|all`;
}

/** One started part of the app, stopped in reverse order of starting. */
interface Part {
  readonly name: string;
  stop(): Promise<void>;
}

export interface App {
  readonly role: Role;
  /** Stops every part in reverse order; never throws (each failure is logged). */
  stop(): Promise<void>;
}

/** Builds and starts the app for a role. On failure, stops what had started and rethrows. */
export async function startApp(config: Config & { botToken: string }, role: Role, logger: Logger): Promise<App> {
  const parts: Part[] = [];
  const stop = async (): Promise<void> => {
    for (const part of parts.toReversed()) {
      try {
        await part.stop();
        logger.info({ part: part.name }, 'stopped');
      } catch (e) {
        logger.error({ err: e, part: part.name }, 'stop failed');
      }
    }
  };
  try {
    // Wiring lands here as the stores, delivery and bot are built (issues 3–5).
    void config;
    // ── HTTP SERVER AND FEED POLLER (issue 6) ───────────────────────────────────────
    // Started for roles 'worker' and 'all'. The admin helper starts them here and
    // registers their stop with parts.push({ name, stop }) so shutdown stops them after
    // the bot has stopped taking updates and before delivery and Redis close.
    // ── END HTTP SERVER AND FEED POLLER ──────────────────────────────────────────────
  } catch (e) {
    await stop();
    throw e;
  }
  return { role, stop };
}

/** `tanbih start` / `npm start`: runs until SIGINT/SIGTERM, returns the exit code. */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const role = parseRole(args);
  if (role !== 'bot' && role !== 'worker' && role !== 'all') {
    io.stderr.write(`${role}\n`);
    return 2;
  }
  let config: Config;
  try {
    config = createConfig(io.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    if (e.problems.some((p) => p.startsWith('BOT_TOKEN'))) io.stderr.write(`\n${TOKEN_HELP}\n`);
    return 1;
  }
  const { botToken } = config;
  if (!botToken) {
    io.stderr.write(`${TOKEN_HELP}\n`);
    return 1;
  }
  const logger = createLogger(config.logLevel);
  const app = await startApp({ ...config, botToken }, role, logger);
  logger.info({ role }, 'tanbih started');
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

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  process.exitCode = await main(process.argv.slice(2), io);
  // Sockets left by a library must not keep a stopped process alive.
  process.exit();
}
