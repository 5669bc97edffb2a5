/**
 * The `tanbih` command: `start`, `preview`, `ingest`, `topics`, `feeds`, `demo`, `migrate-keys`.
 * Each subcommand lives in src/cli/<name>.ts and exports
 * `run(args: string[], io: CliIo): Promise<number>` (the exit code).
 */
// .env is read here, once, before any command reads the environment; nowhere else.
import 'dotenv/config';
import type { CliIo } from './cli/io.js';

const commands: Record<string, () => Promise<{ run(args: string[], io: CliIo): Promise<number> }>> = {
  preview: () => import('./cli/preview.js'),
  topics: () => import('./cli/topics.js'),
  ingest: () => import('./cli/ingest.js'),
  start: () => import('./cli/start.js'),
  feeds: () => import('./cli/feeds.js'),
  demo: () => import('./cli/demo.js'),
  'migrate-keys': () => import('./cli/migrate-keys.js'),
};

const usage = `Usage: tanbih <command> [options]
  start    [--role bot|worker|all]   run the bot, delivery workers and HTTP server
  preview  [--json|--jsonl] [--tz ZONE] [--outlet NAME] [--url URL] <file|->
  topics   [words…]                  list the topic catalogue or find topics by name
  ingest   <file|->                  ingest an article into a running instance's Redis
  feeds    list | import <file.opml|-> | export   an instance's feeds, OPML in and out
  demo     [--check] [--no-seed]      the playground: the bot in a local chat page, no token needed
  migrate-keys                       move an older instance's Redis data to the current key layout`;

const [name, ...args] = process.argv.slice(2);
const load = name ? commands[name] : undefined;
if (!load) {
  console.error(usage);
  process.exit(name ? 2 : 0);
}
const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
const mod = await load();
const code = await mod.run(args, io);
// A stopped app exits even if a library left a socket or timer behind. The other commands
// only set the code, so that output still being piped to stdout is never cut short.
if (name === 'start' || name === 'demo') process.exit(code);
process.exitCode = code;
