/**
 * Where the bot tells the progress reporter about a broadcast, which may run in another
 * process (role worker): a SET of broadcasts whose progress message still lacks its final
 * report (so a broadcast that ends before anyone looked, or during a restart, still gets
 * it), and a pub/sub channel so the reporter starts editing the moment one starts or is
 * cancelled instead of at its next look.
 */
import { duplicateOf, type RedisClient as Redis } from './redis-connection.js';
import { asBroadcastId, type BroadcastId } from '../core/ids.js';
import type { Keys } from './keys.js';

export interface ProgressBoard {
  /** A progress message was posted or a broadcast changed (started, cancelled): report it now. */
  announce(id: BroadcastId): Promise<void>;
  /** Broadcasts whose final report has not been shown yet, in id order. */
  pending(): Promise<BroadcastId[]>;
  /** The final report is shown (or the message is gone): forget it. */
  settle(id: BroadcastId): Promise<void>;
  /** Calls `onAnnounced` for every announcement; resolves to an unsubscribe function. */
  listen(onAnnounced: (id: BroadcastId) => void, onError: (err: unknown) => void): Promise<() => Promise<void>>;
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function createRedisProgressBoard(redis: Redis, keys: Pick<Keys, 'broadcastProgressPending' | 'broadcastProgressChannel'>): ProgressBoard {
  const set = keys.broadcastProgressPending();
  const channel = keys.broadcastProgressChannel();
  return {
    async announce(id) {
      await redis.multi().sadd(set, id).publish(channel, id).exec();
    },
    async pending() {
      return (await redis.smembers(set)).toSorted().map(asBroadcastId);
    },
    async settle(id) {
      await redis.srem(set, id);
    },
    async listen(onAnnounced, onError) {
      // A subscribed connection can run nothing else: a duplicate of the caller's client.
      const sub = duplicateOf(redis);
      sub.on('error', onError);
      sub.on('message', (from: string, message: string) => {
        if (from === channel && ID.test(message)) onAnnounced(asBroadcastId(message));
      });
      await sub.subscribe(channel);
      return async () => {
        await sub.unsubscribe(channel);
        await sub.quit();
      };
    },
  };
}
