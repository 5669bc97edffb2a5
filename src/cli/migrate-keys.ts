/**
 * `tanbih migrate-keys`: moves an instance's Redis data from the key layout before Redis Cluster
 * support to today's (src/store/legacy-layout.ts). Run it once, with every Tanbih process stopped,
 * after the old version drained its queues; running it again is harmless.
 * Exit: 0 done, 1 refused (old queues not empty, or a cluster), 2 bad configuration, 3 Redis unreachable.
 */
import { createKeys } from '../store/keys.js';
import { migrateLegacyLayout } from '../store/legacy-layout.js';
import { connectInstanceRedis, readCliConfig } from './instance.js';
import type { CliIo } from './io.js';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr.write('Usage: npm run -s migrate-keys   (every Tanbih process stopped, the old queues drained)\n');
    return args[0] === '--help' || args[0] === '-h' ? 0 : 2;
  }
  const config = readCliConfig(io);
  if (!config) return 2;
  const redis = await connectInstanceRedis(config, io);
  if (!redis) return 3;
  try {
    const moved = await migrateLegacyLayout(redis, createKeys(config.redisPrefix));
    io.stdout.write(`moved ${moved.chats} chats and ${moved.subscriptions} subscriptions, renamed ${moved.renamed} keys, dropped ${moved.dropped}\n`);
    return 0;
  } catch (e) {
    io.stderr.write(`migrate-keys: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    redis.disconnect();
  }
}
