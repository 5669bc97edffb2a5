/**
 * `tanbih feeds list | import <file.opml|-> | export`: an instance's feeds from the shell, with
 * OPML as the format feed readers and other instances speak. Import adds every valid outline
 * (a URL already there is skipped, never changed) and ends with one summary line; export writes
 * OPML 2.0 to stdout with each feed's zone and interval.
 * Exit: 0 done (even with broken outlines, which are listed), 1 unreadable file or not OPML,
 * 2 bad arguments or configuration, 3 Redis unreachable.
 */
import { createRedisStores } from '../store/index.js';
import { readOpml } from '../core/feeds/opml.js';
import { addOpmlFeeds, feedsAsOpml } from '../sources/opml-feeds.js';
import { connectInstanceRedis, readCliConfig, readSource } from './instance.js';
import type { CliIo } from './io.js';

const now = (): Date => new Date();

const USAGE = `Usage: npm run -s feeds -- list | import <file.opml|-> | export > feeds.opml
  Acts on the instance whose Redis is REDIS_URL / REDIS_PREFIX (from .env or the environment).
  import: outlines with xmlUrl become feeds (optional attributes timeZone="Asia/Qatar" pollMinutes="5";
          otherwise DEFAULT_TIMEZONE and FEED_DEFAULT_INTERVAL_SEC); URLs already there are skipped.`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [verb, file, ...rest] = args;
  const valid = (verb === 'list' || verb === 'export') ? file === undefined : verb === 'import' && file !== undefined && rest.length === 0;
  if (!valid) {
    io.stderr.write(`${USAGE}\n`);
    return verb === '--help' || verb === '-h' ? 0 : 2;
  }
  const config = readCliConfig(io);
  if (!config) return 2;

  let imported;
  if (verb === 'import') {
    let text: string;
    try {
      text = new TextDecoder().decode(await readSource(file!, io));
    } catch (e) {
      io.stderr.write(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    imported = readOpml(text);
    if (!imported.ok) {
      io.stderr.write(`${file}: ${imported.error}\n`);
      return 1;
    }
  }

  const redis = await connectInstanceRedis(config, io);
  if (!redis) return 3;
  const { feeds } = createRedisStores({ redis, prefix: config.redisPrefix, clock: now, defaultTimeZone: config.defaultTimeZone });
  try {
    if (verb === 'list') {
      for (const f of await feeds.list()) {
        io.stdout.write(`${f.paused ? 'paused' : 'active'}\t${f.name}\t${f.url}\t${f.timeZone}\t${f.intervalSec / 60} min\n`);
      }
    } else if (verb === 'export') {
      io.stdout.write((await feedsAsOpml(feeds, now())).xml);
    } else if (imported?.ok) {
      const { feeds: found, repeated, broken } = imported.value;
      const { added, skipped } = await addOpmlFeeds(feeds, found, { timeZone: config.defaultTimeZone, intervalSec: config.feedDefaultIntervalSec });
      for (const b of broken) io.stderr.write(`broken: ${b.outline}: ${b.reason}\n`);
      io.stdout.write(`added ${added}, skipped ${skipped + repeated} (already there or repeated), broken ${broken.length}\n`);
    }
    return 0;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
