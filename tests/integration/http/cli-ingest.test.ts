import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { bullPrefix } from '../../../src/store/keys.js';
import { run } from '../../../src/cli/ingest.js';
import { asArticleId } from '../../../src/core/ids.js';
import { FANOUT_QUEUE } from '../../../src/delivery/queues.js';
import { createRedisStores } from '../../../src/store/index.js';
import { memoryIo } from '../../support/cli-io.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('cli-ingest').replaceAll(':', '-');
const redis = connectRedis();

const io = (stdin = '') => memoryIo({ REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', STALE_AFTER_HOURS: String(20 * 365 * 24) }, stdin);

describe('tanbih ingest <file|->', () => {
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('stores the article in the instance and queues its fan-out', async () => {
    const { out, io: cli } = io();
    const code = await run(['--url', 'https://example.com/armenia', '--outlet', 'روسيا اليوم', 'tests/fixtures/armenia-withdrawal.txt'], cli);
    expect(code).toBe(0);
    const [status, id] = out.stdout.split(' ');
    expect(status).toBe('queued');
    expect(out.stdout).toContain('country:AM');
    const stores = createRedisStores({ redis, prefix, clock: () => new Date() });
    expect((await stores.articles.get(asArticleId(id!)))?.article.title).toBe('بوتين يوافق على سحب القوات الروسية من مناطق أرمينية');
    const fanout = new Queue(FANOUT_QUEUE, { connection: redis, prefix: bullPrefix(prefix) });
    expect(await fanout.getJobCountByTypes('waiting', 'prioritized', 'delayed')).toBe(1);
    await fanout.close();
  });

  it('reads stdin and refuses empty input with exit code 1', async () => {
    const { out, io: cli } = io('   ');
    expect(await run(['-'], cli)).toBe(1);
    expect(out.stdout + out.stderr).toMatch(/rejected/);
  });

  it('says so when Redis is unreachable (exit 3) and when arguments are wrong (exit 2)', async () => {
    const { out, io: cli } = io();
    expect(await run(['tests/fixtures/armenia-withdrawal.txt'], { ...cli, env: { REDIS_URL: 'redis://127.0.0.1:6390' } })).toBe(3);
    expect(out.stderr).toContain('Redis is unreachable at redis://127.0.0.1:6390');
    expect(await run([], cli)).toBe(2);
  });

  it('`npm run ingest` reads REDIS_URL and REDIS_PREFIX from .env, as its usage says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanbih-env-'));
    try {
      const envPrefix = `${prefix}-dotenv`;
      writeFileSync(join(dir, '.env'), `REDIS_URL=${REDIS_URL}\nREDIS_PREFIX=${envPrefix}\nLOG_LEVEL=silent\n`);
      const child = spawnSync('npm', ['run', '-s', 'ingest', '--', '--url', 'https://example.com/dotenv', 'tests/fixtures/armenia-withdrawal.txt'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', DOTENV_CONFIG_PATH: join(dir, '.env') },
        encoding: 'utf8', timeout: 60_000,
      });
      expect({ status: child.status, stderr: child.stderr }).toMatchObject({ status: 0 });
      const [status, id] = child.stdout.split(' ');
      expect(['queued', 'duplicate', 'stale']).toContain(status); // the 2024 fixture is stale news today: stored all the same
      const stores = createRedisStores({ redis, prefix: envPrefix, clock: () => new Date() });
      expect(await stores.articles.get(asArticleId(id!))).toBeDefined();
      await deleteKeys(redis, envPrefix);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
