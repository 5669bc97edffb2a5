/**
 * What the CLI commands that act on a running instance share: reading its configuration and
 * reaching its Redis, each failure said in one line with the command's exit code.
 */
import { readFile } from 'node:fs/promises';
import { openRedis, type RedisClient } from '../store/redis-connection.js';
import { type Config, ConfigError, createConfig } from '../config.js';
import type { CliIo } from './io.js';

/** The configuration, or undefined after saying what is wrong (exit 2). */
export function readCliConfig(io: CliIo): Config | undefined {
  try {
    return createConfig(io.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return undefined;
  }
}

/** A client of the instance's Redis that answered PING, or undefined after saying it is unreachable (exit 3). */
export async function connectInstanceRedis(config: Config, io: CliIo): Promise<RedisClient | undefined> {
  const redis = openRedis(config.redis, { maxRetriesPerRequest: null, connectTimeout: 5000, retryStrategy: (n) => (n > 3 ? null : 200) });
  redis.on('error', () => undefined);
  try {
    await redis.ping();
    return redis;
  } catch {
    const where = config.redis.kind === 'cluster' ? `the cluster ${config.redis.nodes.map((n) => `${n.host}:${n.port}`).join(',')}` : config.redisUrl;
    io.stderr.write(`Redis is unreachable at ${where}: is the instance running?\n`);
    redis.disconnect();
    return undefined;
  }
}

/** A file's bytes, or standard input's for `-`. */
export async function readSource(source: string, io: CliIo): Promise<Uint8Array> {
  if (source !== '-') return readFile(source);
  const chunks: Uint8Array[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
  return Buffer.concat(chunks);
}
