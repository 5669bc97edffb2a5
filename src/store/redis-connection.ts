/**
 * The one place that opens Redis: a single server (REDIS_URL, the default) or a Redis Cluster
 * (REDIS_CLUSTER_NODES), and the connections BullMQ gets of its own.
 *
 * Every store and delivery module takes a `RedisClient` (either kind): their keys are hash-tagged
 * so that every script and MULTI touches one slot (keys.ts), and commands that span slots are
 * sent one by one (a cluster client pipelines them per node by itself: auto-pipelining).
 */
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { ConnectionOptions, RedisOptions as BullRedisOptions } from 'bullmq';

/** A single Redis or a Redis Cluster client: both answer the commands the app uses. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: one server, or the seed nodes of a cluster. */
export type RedisTarget =
  | { readonly kind: 'single'; readonly url: string }
  | { readonly kind: 'cluster'; readonly nodes: readonly ClusterNode[] };

export interface ClusterNode {
  readonly host: string;
  readonly port: number;
}

/**
 * Parses REDIS_CLUSTER_NODES (`host:port,host:port`, spaces allowed) into seed nodes, or lists
 * what is wrong with it (for the config's one error message).
 */
export function parseClusterNodes(text: string): { ok: true; nodes: ClusterNode[] } | { ok: false; problems: string[] } {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  const problems: string[] = [];
  const nodes: ClusterNode[] = [];
  if (parts.length === 0) problems.push('at least one host:port');
  for (const part of parts) {
    const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(part);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) {
      problems.push(`${JSON.stringify(part)} is not host:port (port 1–65535)`);
      continue;
    }
    nodes.push({ host: m[1]!.replace(/^\[|\]$/g, ''), port });
  }
  const seen = new Set<string>();
  for (const n of nodes) {
    const id = `${n.host}:${n.port}`;
    if (seen.has(id)) problems.push(`${id} is listed twice`);
    seen.add(id);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, nodes };
}

export const isCluster = (client: RedisClient): client is Cluster => client instanceof Cluster;

/**
 * Opens a client. `options` are per-connection options (maxRetriesPerRequest, enableOfflineQueue,
 * enableAutoPipelining…); for a cluster they apply to the cluster client and each node's connection.
 * A cluster client always auto-pipelines: commands to many slots issued together go out as one
 * pipeline per node.
 */
export function openRedis(target: RedisTarget, options: RedisOptions = {}): RedisClient {
  if (target.kind === 'single') return new Redis(target.url, options);
  const { maxRetriesPerRequest, enableOfflineQueue, lazyConnect, ...perNode } = options;
  const clusterOptions: ClusterOptions = {
    enableAutoPipelining: true,
    redisOptions: { ...perNode, ...(maxRetriesPerRequest !== undefined ? { maxRetriesPerRequest } : {}) },
    ...(maxRetriesPerRequest !== undefined ? { maxRetriesPerRequest } : {}),
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
  };
  return new Cluster(target.nodes.map((n) => ({ host: n.host, port: n.port })), clusterOptions);
}

/** A BullMQ connection and how to release it once the queues and workers using it are closed. */
export interface BullConnection {
  readonly connection: ConnectionOptions;
  close(): Promise<void>;
}

/**
 * BullMQ's own connection, modelled on `client` (BullMQ defines ~70 Lua commands on a client it is
 * given, which would make every MULTI on the app's client copy them). A single Redis: a copy of its
 * options (BullMQ connects and closes by itself). A cluster: a dedicated Cluster client (BullMQ needs
 * an instance to know the nodes; it duplicates it for workers' blocking calls), closed by `close()`.
 */
export function bullConnectionFor(client: RedisClient, overrides: RedisOptions = {}): BullConnection {
  if (!isCluster(client)) {
    return { connection: { ...(client.options as BullRedisOptions), ...overrides } as BullRedisOptions, close: async () => undefined };
  }
  const dedicated = client.duplicate(undefined, {
    ...client.options,
    ...('maxRetriesPerRequest' in overrides ? { maxRetriesPerRequest: overrides.maxRetriesPerRequest } : {}),
    ...('enableOfflineQueue' in overrides ? { enableOfflineQueue: overrides.enableOfflineQueue } : {}),
    redisOptions: { ...client.options.redisOptions, ...overrides },
  });
  dedicated.on('error', () => undefined);
  return { connection: dedicated, close: async () => void (await dedicated.quit().catch(() => dedicated.disconnect())) };
}

/** A new connection like `client` (e.g. for pub/sub, which takes a connection over). */
export const duplicateOf = (client: RedisClient): RedisClient => (isCluster(client) ? client.duplicate() : client.duplicate());

/** The master nodes of a cluster (one client per node), or the single server itself. */
export function mastersOf(client: RedisClient): Redis[] {
  return isCluster(client) ? client.nodes('master') : [client];
}
