/**
 * Redis Cluster end to end: starts its own 3-master loopback cluster (ports 7004–7006, not the
 * tests' 7001–7003), follows `--recipients` (100,000) subscriptions, ingests one article for all
 * of them and delivers it against the fake Bot API at 1,000/s (two worker processes, as in the
 * delivery bench), then counts what Telegram got and where the keys live.
 * `npm run -s bench -- cluster --json [--recipients N] [--processes N] [--keep]`
 * (--keep leaves the cluster running; it is stopped and its files removed otherwise).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { asTopicId, type ArticleId } from '../src/core/ids.js';
import { createLedger } from '../src/delivery/ledger.js';
import { startFakeTelegram } from '../src/fake-telegram/index.js';
import { parseClusterNodes, mastersOf, type RedisTarget } from '../src/store/redis-connection.js';
import { addFollowers, fixtureInput, wire } from '../tests/integration/delivery/harness.js';
import { startWorkers, stopWorkers } from './delivery.bench.js';

const PORTS = ['7004', '7005', '7006'];
const SCRIPT = fileURLToPath(new URL('../.ci/redis-cluster', import.meta.url));
const RATE = 1000;

const argOf = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const recipients = argOf(args, '--recipients', 100_000);
  const processes = argOf(args, '--processes', 2);
  const env = { ...process.env, REDIS_CLUSTER_DIR: `${process.env.TMPDIR ?? '/tmp'}/tanbih-bench-cluster` };
  const seeds = execFileSync(SCRIPT, ['up', ...PORTS], { env, encoding: 'utf8' }).trim();
  const parsed = parseClusterNodes(seeds);
  if (!parsed.ok) throw new Error(`bench: ${parsed.problems.join('; ')}`);
  const target: RedisTarget = { kind: 'cluster', nodes: parsed.nodes };
  const prefix = `bc${randomBytes(2).toString('hex')}`;
  const fake = await startFakeTelegram({ acceptAnyChat: true });
  fake.faults.latency(30, { jitterMs: 30 });
  fake.faults.rateLimit({ aboveRatePerSec: RATE, retryAfter: 1 });
  const w = await wire({ redisUrl: 'redis://unused', target, prefix, apiRoot: fake.apiRoot, token: fake.token, rate: RATE, workers: false });
  const workers = await startWorkers(processes, {
    REDIS_URL: 'redis://unused', REDIS_CLUSTER_NODES: seeds, DELIVERY_PREFIX: prefix, TELEGRAM_API_ROOT: fake.apiRoot, BOT_TOKEN: fake.token, SEND_RATE_PER_SEC: String(RATE),
  });
  try {
    const followStarted = performance.now();
    await addFollowers(w.stores, asTopicId('country:AM'), 300_000_001, recipients);
    const followSeconds = (performance.now() - followStarted) / 1000;

    const started = performance.now();
    const outcome = await w.delivery.ingest.ingest(fixtureInput(`https://example.com/bench/${prefix}`));
    if (outcome.status !== 'queued') throw new Error(`bench: ingest said ${outcome.status}`);
    const ledger = createLedger(w.redis, w.stores.keys);
    while ((await ledger.articleCounters(outcome.articleId as ArticleId)).queued < recipients) await new Promise((r) => setTimeout(r, 20));
    const enqueueSeconds = (performance.now() - started) / 1000;

    await fake.waitFor(() => fake.sent().length >= recipients, (recipients / RATE) * 3 * 1000 + 60_000);
    await fake.waitFor(() => fake.sentChats().size >= recipients, 60_000).catch(() => undefined);
    // A little longer, so that a duplicate sent late would be counted.
    await new Promise((r) => setTimeout(r, 2000));
    const deliverSeconds = (performance.now() - started) / 1000;
    const sent = fake.sent().length;
    const delivered = fake.sentChats().size;

    const keysPerNode = await Promise.all(mastersOf(w.redis).map(async (node) => {
      let n = 0;
      for (const match of [`${prefix}:*`, `{${prefix}}:*`]) {
        let cursor = '0';
        do {
          const [next, found] = await node.scan(cursor, 'MATCH', match, 'COUNT', 2000);
          cursor = next;
          n += found.length;
        } while (cursor !== '0');
      }
      return n;
    }));
    return {
      nodes: keysPerNode.length,
      recipients,
      delivered,
      duplicates: sent - delivered,
      lost: recipients - delivered,
      keysPerNode,
      enqueueSeconds: Number(enqueueSeconds.toFixed(2)),
      followSeconds: Number(followSeconds.toFixed(1)),
      deliverSeconds: Number(deliverSeconds.toFixed(1)),
      provoked429: fake.faults.stats.rateLimited,
    };
  } finally {
    await stopWorkers(workers);
    await w.close();
    await fake.close();
    if (!args.includes('--keep')) execFileSync(SCRIPT, ['down', ...PORTS], { env });
  }
}
