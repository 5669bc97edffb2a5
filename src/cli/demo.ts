/**
 * `tanbih demo [--check] [--no-seed] [--port N] [--verbose]` (and `npm run demo`): the
 * playground, no Telegram token needed. The real app runs against an embedded Bot API
 * emulator, and a chat page on 127.0.0.1 plays its users. Needs Redis (REDIS_URL), where it
 * keeps its own prefix and deletes it on exit.
 *
 * `--check` runs the scripted session over HTTP instead of waiting for a browser, on an
 * unseeded playground (the session ingests the sample article itself; a seeded one would make
 * that a duplicate, which alerts no one) and prints one JSON line `{ok, alertsReceived, ms}`.
 * Exit: 0 stopped cleanly or check passed; 1 no Redis, a failed start or a failed check; 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../logger.js';
import { connectRedis, REDIS_HELP } from '../demo/redis.js';
import type { CliIo } from './io.js';

const USAGE = `Usage: npm run demo -- [--check] [--no-seed] [--port N] [--verbose]
  --check    run the scripted session without a browser, print {ok, alertsReceived, ms}, exit 0/1
  --no-seed  start with empty chats (default: the Arabic reader follows three topics and has an alert)
  --port N   the page's port (default: a free one)`;

export async function run(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: {
      check: { type: 'boolean' }, 'no-seed': { type: 'boolean' }, port: { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean' },
    } }));
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`--port: expected 0–65535\n${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const redisUrl = io.env['REDIS_URL']?.trim() || 'redis://127.0.0.1:6379';
  const redis = await connectRedis(redisUrl);
  if (!redis) {
    io.stderr.write(`The playground needs Redis and nothing answers at ${redisUrl}: ${REDIS_HELP}.\n`);
    return 1;
  }
  // App logs go to stderr (stdout carries the URL or the check's JSON line); warnings only unless --verbose.
  const logger = createLogger(values.verbose ? 'info' : 'warn', io.stderr);
  const { startPlayground } = await import('../demo/playground.js');
  let playground;
  try {
    playground = await startPlayground({
      redis, redisUrl, logger, seed: !values.check && !values['no-seed'], port,
      ...(io.env['DEFAULT_TIMEZONE'] ? { defaultTimeZone: io.env['DEFAULT_TIMEZONE'] } : {}),
    });
  } catch (e) {
    io.stderr.write(`The playground did not start: ${e instanceof Error ? e.message : String(e)}\n`);
    redis.disconnect();
    return 1;
  }
  let code = 0;
  if (values.check) {
    const { runScriptedSession } = await import('../demo/session.js');
    const result = await runScriptedSession(playground.url);
    io.stdout.write(`${JSON.stringify({ ...result, ms: Date.now() - started })}\n`);
    code = result.ok ? 0 : 1;
  } else {
    io.stdout.write(`Tanbih playground: ${playground.url}  (Ctrl+C to stop; Redis prefix ${playground.prefix} is deleted on exit)\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
  }
  await playground.stop();
  await redis.quit().catch(() => redis.disconnect());
  return code;
}
