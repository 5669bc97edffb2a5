import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/feeds.js';
import { createRedisStores } from '../../../src/store/index.js';
import { memoryIo } from '../../support/cli-io.js';
import { connectRedis, deleteKeys, REDIS_URL, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('cli-feeds').replaceAll(':', '-');
const redis = connectRedis();
const source = `${prefix}-a`;
const empty = `${prefix}-b`;

function cli(instance: string, stdin = '') {
  const { out, io } = memoryIo({ REDIS_URL, REDIS_PREFIX: instance, LOG_LEVEL: 'silent', DEFAULT_TIMEZONE: 'Asia/Riyadh' }, stdin);
  return { out, run: (...args: string[]) => run(args, io) };
}

const shape = (f: { url: string; name: string; timeZone: string; intervalSec: number; paused: boolean }) => ({ url: f.url, name: f.name, timeZone: f.timeZone, intervalSec: f.intervalSec, paused: f.paused });
const storesOf = (instance: string) => createRedisStores({ redis, prefix: instance, clock: () => new Date() });

describe('npm run feeds -- import | export (OPML)', () => {
  afterAll(async () => {
    for (const p of [source, empty]) await deleteKeys(redis, p);
    await redis.quit();
  });

  it('round trip: export one instance, import into an empty one, and it has the same feeds', async () => {
    const a = storesOf(source).feeds;
    await a.add({ url: 'https://www.aljazeera.net/aljazeerarss/all', name: 'الجزيرة نت', timeZone: 'Asia/Qatar', intervalSec: 300 });
    await a.add({ url: 'https://arabic.rt.com/rss/', name: 'روسيا اليوم', timeZone: 'Europe/Moscow', intervalSec: 900 });
    await a.add({ url: 'https://www.hespress.com/feed', name: 'هسبريس', timeZone: 'Africa/Casablanca', intervalSec: 600 });

    const exporter = cli(source);
    expect(await exporter.run('export')).toBe(0);
    expect(exporter.out.stdout).toContain('<opml version="2.0">');

    const importer = cli(empty, exporter.out.stdout);
    expect(await importer.run('import', '-')).toBe(0);
    expect(importer.out.stdout).toBe('added 3, skipped 0 (already there or repeated), broken 0\n');

    expect((await storesOf(empty).feeds.list()).map(shape)).toEqual((await a.list()).map(shape));

    // Importing the same file again adds nothing.
    const again = cli(empty, exporter.out.stdout);
    expect(await again.run('import', '-')).toBe(0);
    expect(again.out.stdout).toBe('added 0, skipped 3 (already there or repeated), broken 0\n');
  });

  it('imports a reader export with defaults for zone and interval, and lists what it could not use', async () => {
    const opml = `<opml version="1.0"><body><outline text="عربي"><outline text="فرانس 24" xmlUrl="https://www.france24.com/ar/rss"/><outline text="قديم" xmlUrl="gopher://x"/></outline></body></opml>`;
    const importer = cli(`${empty}-2`, opml);
    expect(await importer.run('import', '-')).toBe(0);
    expect(importer.out.stdout).toBe('added 1, skipped 0 (already there or repeated), broken 1\n');
    expect(importer.out.stderr).toContain('broken: قديم: the URL must start with http:// or https://');
    const [feed] = await storesOf(`${empty}-2`).feeds.list();
    expect(feed).toMatchObject({ name: 'فرانس 24', timeZone: 'Asia/Riyadh', intervalSec: 300 });
    await deleteKeys(redis, `${empty}-2`);
  });

  it('says what is wrong: not OPML (exit 1), bad arguments (exit 2), Redis unreachable (exit 3)', async () => {
    const notOpml = cli(empty, '<html>لا</html>');
    expect(await notOpml.run('import', '-')).toBe(1);
    expect(notOpml.out.stderr).toContain('not an OPML document');
    const usage = cli(empty);
    expect(await usage.run('import')).toBe(2);
    expect(usage.out.stderr).toContain('Usage: npm run -s feeds');
    const down = memoryIo({ REDIS_URL: 'redis://127.0.0.1:6390', LOG_LEVEL: 'silent' });
    expect(await run(['list'], down.io)).toBe(3);
    expect(down.out.stderr).toContain('Redis is unreachable');
  });
});
