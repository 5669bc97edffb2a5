/**
 * `tanbih ingest [--tz ZONE] [--outlet NAME] [--url URL] <file|->`: ingests an article
 * (plain text, an HTML page, a JSON article, or every item of an RSS/Atom/JSON feed) into a
 * running instance through its Redis, exactly as POST /articles would: stored, matched and
 * queued for that instance's workers to send. Prints one line per article.
 * Exit: 0 ingested (queued, duplicate or no match), 1 rejected or unreadable, 2 bad
 * arguments or configuration, 3 Redis unreachable.
 */
import { parseArgs } from 'node:util';
import { Api } from 'grammy';
import { builtinTopics } from '../core/catalog.js';
import type { ArticleInput } from '../core/input.js';
import { createMatcher } from '../core/matcher.js';
import { parseFeed } from '../core/parse/feed.js';
import { decodeUtf8 } from '../core/parse/guards.js';
import { isValidTimeZone } from '../core/time.js';
import { prepareArticle } from '../core/pipeline.js';
import { renderAlert } from '../core/render/alert.js';
import { createDelivery } from '../delivery/create-delivery.js';
import type { IngestOutcome } from '../delivery/ports.js';
import { createLogger } from '../logger.js';
import { createRedisStores } from '../store/index.js';
import { connectInstanceRedis, readCliConfig, readSource } from './instance.js';
import type { CliIo } from './io.js';

const USAGE = `Usage: npm run -s ingest -- [--tz ZONE] [--outlet NAME] [--url URL] <file|->
  Ingests into the instance whose Redis is REDIS_URL / REDIS_PREFIX (from .env or the environment).
  --tz ZONE   IANA zone of the source's datelines (default DEFAULT_TIMEZONE)
  --outlet    the outlet's name;  --url  the article's link`;

/** Recognizes the input kind from its first bytes. */
function inputsOf(bytes: Uint8Array, common: { timeZone: string; outlet?: string; url?: string }): ArticleInput[] | string {
  const head = new TextDecoder().decode(bytes.subarray(0, 400)).trimStart().toLowerCase();
  if (/^(<\?xml|<rss|<feed|<rdf)/.test(head) || (head.startsWith('{') && head.includes('jsonfeed.org'))) {
    const feed = parseFeed(bytes);
    if (!feed.ok) return feed.error.reason;
    return feed.value.items.map((item) => ({ kind: 'feed-item', item, ...common, outlet: common.outlet ?? feed.value.title, ...(item.link ? { url: item.link } : {}) }));
  }
  const text = decodeUtf8(bytes);
  if (!text.ok) return text.error.reason;
  if (/^(<!doctype html|<html)/.test(head)) return [{ kind: 'html', html: text.value, ...common }];
  if (head.startsWith('{')) {
    try {
      return [{ kind: 'json', json: JSON.parse(text.value) as unknown, ...common }];
    } catch {
      return 'malformed JSON';
    }
  }
  return [{ kind: 'text', text: text.value, ...common }];
}

const clock = (): Date => new Date();

const describe = (o: IngestOutcome): string =>
  o.status === 'rejected' ? `rejected: ${o.reason ?? ''}`
  : `${o.status} ${o.articleId ?? ''} topics=${o.topics.map((t) => t.topicId).join(',') || '-'} recipients=${o.recipients}` +
    (o.duplicateOf ? ` duplicate-of=${o.duplicateOf.articleId} (${o.duplicateOf.by})` : '');

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { tz: { type: 'string' }, outlet: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (e) {
    io.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  const [source] = parsed.positionals;
  if (parsed.values.help || !source || parsed.positionals.length > 1) {
    io.stderr.write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const config = readCliConfig(io);
  if (!config) return 2;
  const timeZone = parsed.values.tz ?? config.defaultTimeZone;
  if (!isValidTimeZone(timeZone)) {
    io.stderr.write(`--tz: unknown time zone "${timeZone}" (e.g. Asia/Riyadh)\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readSource(source, io);
  } catch (e) {
    io.stderr.write(`cannot read ${source}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const inputs = inputsOf(bytes, { timeZone, ...(parsed.values.outlet ? { outlet: parsed.values.outlet } : {}), ...(parsed.values.url ? { url: parsed.values.url } : {}) });
  if (typeof inputs === 'string') {
    io.stderr.write(`rejected: ${inputs}\n`);
    return 1;
  }

  const redis = await connectInstanceRedis(config, io);
  if (!redis) return 3;
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, io.stderr);
  const matcher = createMatcher(builtinTopics());
  const stores = createRedisStores({
    redis, prefix: config.redisPrefix, clock, defaultTimeZone: config.defaultTimeZone,
    limits: { storyWindowMs: config.storyWindowHours * 3600 * 1000 },
  });
  const delivery = await createDelivery({
    redis, prefix: config.redisPrefix, api: new Api(config.botToken ?? '0:ingest-cli'), stores, matcher,
    staleAfterHours: config.staleAfterHours,
    prepare: (input, now) => prepareArticle(input, { now, defaultTimeZone: config.defaultTimeZone, matcher }),
    renderAlert, clock, logger, sendRatePerSec: config.sendRatePerSec, paidBroadcast: config.paidBroadcast, workers: false,
  });
  let code = 0;
  try {
    for (const input of inputs) {
      const outcome = await delivery.ingest.ingest(input);
      io.stdout.write(`${describe(outcome)}\n`);
      if (outcome.status === 'rejected') code = 1;
    }
  } catch (e) {
    io.stderr.write(`ingest failed: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 3;
  } finally {
    await delivery.close();
    await redis.quit().catch(() => redis.disconnect());
  }
  return code;
}
