/** Structured logs (pino). Secrets never reach a log line. */
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'token', 'botToken', 'config.botToken', 'ingestToken', 'config.ingestToken', 'secret', 'webhook.secret',
  'headers.authorization', 'req.headers.authorization', '*.token', '*.authorization',
];

/** Creates the app's root logger. Tests pass level 'silent'. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'tanbih' } };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
