/**
 * Configuration: read from the environment (and .env via dotenv) once, validated with
 * zod, typed and frozen. Every problem is reported at once, by variable name.
 */
import { z } from 'zod';
import { isValidTimeZone } from './core/time.js';
import { parseClusterNodes, type RedisTarget } from './store/redis-connection.js';

const emptyAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const intIn = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(emptyAsUndefined, z.enum(['true', 'false', '1', '0', 'yes', 'no']).default(fallback ? 'true' : 'false'))
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Routes of the HTTP server (src/http/server.ts) that the webhook's path may not take. */
const RESERVED_PATHS = ['/articles', '/healthz', '/metrics'];

const schema = z.object({
  BOT_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^\d{5,}:[A-Za-z0-9_-]{30,}$/, 'a token from @BotFather, like 123456789:AA…').optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
  WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https$/ }).optional()),
  // Gone: the webhook is served on HTTP_PORT. Still read, so that a .env that sets it gets a notice, not an error.
  WEBHOOK_PORT: z.preprocess(emptyAsUndefined, z.string().optional()),
  WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A–Z, a–z, 0–9, _ and -').optional(),
  ),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379')),
  // `{tanbih}` (hash-tagged, as BullMQ's cluster guide writes it) and `tanbih` name the same keys: see src/store/keys.ts.
  REDIS_PREFIX: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^(?:[a-z0-9_-]{1,32}|\{[a-z0-9_-]{1,32}\})$/, 'lower-case letters, digits, _ or - (optionally in one pair of braces, e.g. {tanbih})').default('tanbih'),
  ),
  REDIS_CLUSTER_NODES: z.preprocess(emptyAsUndefined, z.string().optional()),
  ADMIN_IDS: z.preprocess(emptyAsUndefined, z.string().default(''))
    .transform((s) => s.split(/[,\s]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,15}$/, 'comma-separated numeric Telegram user ids')))
    .transform((ids) => ids.map(Number)),
  INGEST_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(24, 'at least 24 characters').optional()),
  HTTP_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  HTTP_PORT: intIn(0, 65535, 8080),
  HTTP_BODY_LIMIT_BYTES: intIn(1024, 10 * 1024 * 1024, 1024 * 1024),
  DEFAULT_TIMEZONE: z.preprocess(emptyAsUndefined, z.string().default('Asia/Riyadh'))
    .refine(isValidTimeZone, 'an IANA time zone such as Asia/Riyadh'),
  SEND_RATE_PER_SEC: intIn(1, 1000, 25),
  PAID_BROADCAST: flag(false),
  JOB_LOCK_MS: intIn(2000, 300_000, 6000),
  MAX_TOPICS_PER_CHAT: intIn(1, 1000, 100),
  FEED_DEFAULT_INTERVAL_SEC: intIn(30, 86_400, 300),
  STALE_AFTER_HOURS: intIn(1, 24 * 365 * 30, 36),
  STORY_WINDOW_HOURS: intIn(1, 24 * 14, 48),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
}).superRefine((c, ctx) => {
  if (c.SEND_RATE_PER_SEC > 30 && !c.PAID_BROADCAST) {
    ctx.addIssue({ code: 'custom', path: ['SEND_RATE_PER_SEC'], message: 'above 30 msg/s Telegram requires PAID_BROADCAST=true' });
  }
  if (c.REDIS_CLUSTER_NODES !== undefined) {
    const nodes = parseClusterNodes(c.REDIS_CLUSTER_NODES);
    if (!nodes.ok) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: `comma-separated host:port seed nodes of a Redis Cluster: ${nodes.problems.join('; ')}` });
    }
  }
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'required when WEBHOOK_URL is set' });
  }
  if (c.WEBHOOK_URL && RESERVED_PATHS.includes(new URL(c.WEBHOOK_URL).pathname)) {
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: `its path is served on the same HTTP server as ${RESERVED_PATHS.join(', ')}: pick another, such as /telegram` });
  }
});

type Parsed = z.output<typeof schema>;

export interface Config {
  readonly botToken?: string;
  readonly telegramApiRoot: string;
  /** Webhook mode: Telegram POSTs updates to `url`, served on the HTTP server (HTTP_PORT) at its path. */
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly redisUrl: string;
  /** Where Redis is: REDIS_CLUSTER_NODES when set (a Redis Cluster), else the single server at REDIS_URL. */
  readonly redis: RedisTarget;
  readonly redisPrefix: string;
  readonly adminIds: readonly number[];
  readonly ingestToken?: string;
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimitBytes: number };
  readonly defaultTimeZone: string;
  readonly sendRatePerSec: number;
  readonly paidBroadcast: boolean;
  /** BullMQ job lock: a crashed worker's jobs are taken over within ≈ 1.33 × this (src/delivery/queues.ts). */
  readonly jobLockMs: number;
  readonly maxTopicsPerChat: number;
  readonly feedDefaultIntervalSec: number;
  /** An article published longer ago than this at ingest is stored but alerts no one. */
  readonly staleAfterHours: number;
  /** How long (by publication time) a story takes new articles of its event. */
  readonly storyWindowHours: number;
  readonly logLevel: Parsed['LOG_LEVEL'];
  /** Settings that are still accepted but no longer do anything, each with what to do instead (logged at start). */
  readonly notices: readonly string[];
}

export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

function redisTargetOf(url: string, clusterNodes: string | undefined): RedisTarget {
  if (clusterNodes === undefined) return { kind: 'single', url };
  const parsed = parseClusterNodes(clusterNodes);
  if (!parsed.ok) throw new Error('unreachable: REDIS_CLUSTER_NODES was validated');
  return { kind: 'cluster', nodes: Object.freeze(parsed.nodes.map((n) => Object.freeze(n))) };
}

/** Validates an environment (process.env or a test's object). Throws ConfigError listing every problem. */
export function createConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const c = parsed.data;
  return Object.freeze({
    ...(c.BOT_TOKEN ? { botToken: c.BOT_TOKEN } : {}),
    telegramApiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    ...(c.WEBHOOK_URL && c.WEBHOOK_SECRET ? { webhook: Object.freeze({ url: c.WEBHOOK_URL, secret: c.WEBHOOK_SECRET }) } : {}),
    redisUrl: c.REDIS_URL,
    redis: Object.freeze(redisTargetOf(c.REDIS_URL, c.REDIS_CLUSTER_NODES)),
    redisPrefix: c.REDIS_PREFIX,
    adminIds: Object.freeze([...c.ADMIN_IDS]),
    ...(c.INGEST_TOKEN ? { ingestToken: c.INGEST_TOKEN } : {}),
    http: Object.freeze({ host: c.HTTP_HOST, port: c.HTTP_PORT, bodyLimitBytes: c.HTTP_BODY_LIMIT_BYTES }),
    defaultTimeZone: c.DEFAULT_TIMEZONE,
    sendRatePerSec: c.SEND_RATE_PER_SEC,
    paidBroadcast: c.PAID_BROADCAST,
    jobLockMs: c.JOB_LOCK_MS,
    maxTopicsPerChat: c.MAX_TOPICS_PER_CHAT,
    feedDefaultIntervalSec: c.FEED_DEFAULT_INTERVAL_SEC,
    staleAfterHours: c.STALE_AFTER_HOURS,
    storyWindowHours: c.STORY_WINDOW_HOURS,
    logLevel: c.LOG_LEVEL,
    notices: Object.freeze(c.WEBHOOK_PORT === undefined ? [] : [
      `WEBHOOK_PORT is no longer used: the webhook is served on HTTP_PORT (${c.HTTP_PORT}) at the path of WEBHOOK_URL, beside /healthz. ` +
      'Point your TLS proxy at HTTP_PORT and remove WEBHOOK_PORT from .env.',
    ]),
  });
}
