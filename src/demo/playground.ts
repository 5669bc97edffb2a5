/**
 * The playground: the real app (role `all`) against the embedded Bot API emulator, under its
 * own Redis prefix, plus the demo server with the chat page. Everything listens on 127.0.0.1
 * on free ports. Stopping it stops the app and deletes every key of its prefix.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Redis } from 'ioredis';
import { createConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { startApp } from '../main.js';
import { ChatLog } from './chat-log.js';
import { startEmulator } from './emulator.js';
import { createIngestProxy } from './ingest.js';
import { PEOPLE, type PersonKey } from './people.js';
import { bullPrefix } from '../store/keys.js';
import { deletePrefix } from './redis.js';
import { seedPlayground } from './seed.js';
import { startDemoServer } from './server.js';

export interface PlaygroundOptions {
  readonly redis: Redis;
  readonly redisUrl: string;
  readonly logger: Logger;
  /** Follow three topics and ingest the sample article before the page opens. Default true. */
  readonly seed?: boolean;
  /** The page's port; 0 (default) picks a free one. */
  readonly port?: number;
  readonly defaultTimeZone?: string;
}

export interface Playground {
  /** The chat page. */
  readonly url: string;
  readonly prefix: string;
  /** The emulator's Bot API, to speak as the bot directly (tests do, to show the page any HTML). */
  readonly botApi: { readonly apiRoot: string; readonly token: string };
  /** The private chat id of each person. */
  chatIdOf(key: PersonKey): number;
  stop(): Promise<void>;
}

/** A free loopback port, for the app's HTTP server (startApp does not report the one it bound). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const prefix = `demo-${randomBytes(4).toString('hex')}`;
  const ingestToken = randomBytes(24).toString('base64url');
  // The store's keys and BullMQ's (under the hash-tagged prefix).
  const stops: (() => Promise<void>)[] = [async () => {
    await deletePrefix(options.redis, prefix);
    await deletePrefix(options.redis, bullPrefix(prefix));
  }];
  const stop = async (): Promise<void> => {
    for (const step of stops.toReversed()) {
      await step().catch((err: unknown) => options.logger.warn({ err }, 'playground: stop step failed'));
    }
  };
  try {
    const emulator = await startEmulator();
    stops.push(() => emulator.close());
    const appPort = await freePort();
    // Only what the playground chooses; an operator's .env (webhook, rates, token) does not apply here.
    const config = createConfig({
      BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.fake.apiRoot, REDIS_URL: options.redisUrl, REDIS_PREFIX: prefix,
      ADMIN_IDS: PEOPLE.filter((p) => p.admin).map((p) => p.id).join(','), INGEST_TOKEN: ingestToken,
      HTTP_HOST: '127.0.0.1', HTTP_PORT: String(appPort), DEFAULT_TIMEZONE: options.defaultTimeZone,
      // The sample article is from May 2024: in a real instance it is stale news and alerts no
      // one. The playground exists to show alerts, so nothing pasted here counts as stale.
      STALE_AFTER_HOURS: String(30 * 365 * 24),
    });
    const app = await startApp({ ...config, botToken: emulator.token }, 'all', options.logger);
    stops.push(() => app.stop());
    const log = new ChatLog(emulator.fake);
    log.start();
    stops.push(async () => log.stop());
    const ingest = createIngestProxy({ articlesUrl: `http://127.0.0.1:${appPort}/articles`, token: ingestToken });
    const server = await startDemoServer({ emulator, log, ingest }, options.port ?? 0);
    stops.push(() => server.close());
    if (options.seed ?? true) await seedPlayground({ emulator, log, ingest });
    return {
      url: server.url, prefix, stop, botApi: { apiRoot: emulator.fake.apiRoot, token: emulator.token },
      chatIdOf: (key) => emulator.chatOf(key).id,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
