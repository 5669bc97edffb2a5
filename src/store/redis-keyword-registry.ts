/**
 * Free keyword topics shared by every process: a HASH id → Topic JSON, and a pub/sub
 * channel announcing each new one so every matcher compiles it without a restart.
 */
import { duplicateOf, type RedisClient } from './redis-connection.js';
import type { KeywordRegistry } from './ports.js';
import { isTopicId, type Keys } from './keys.js';
import { createScript } from './lua-script.js';
import { decodeTopic, encodeTopic } from './serialize.js';

export interface RedisKeywordRegistryDeps {
  readonly redis: RedisClient;
  readonly keys: Keys;
  /** Told about a malformed announcement or a subscriber connection error (e.g. the logger). */
  readonly onError?: (error: unknown) => void;
}

// KEYS: keywords hash. ARGV: channel, id, json. Stores once and announces only what is new.
const ADD = `
if redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[3]) == 1 then
  redis.call('PUBLISH', ARGV[1], ARGV[3])
  return 1
end
return 0
`;

/** Creates the Redis KeywordRegistry. */
export function createRedisKeywordRegistry({ redis, keys, onError = () => undefined }: RedisKeywordRegistryDeps): KeywordRegistry {
  const add = createScript(redis, ADD);
  return {
    async add(topic) {
      if (topic.kind !== 'keyword' || !isTopicId(topic.id) || !topic.id.startsWith('kw:')) {
        throw new Error(`keyword registry: not a keyword topic id: ${JSON.stringify(topic.id)}`);
      }
      await add([keys.keywords()], [keys.keywordsChannel(), topic.id, encodeTopic(topic)]);
    },

    async all() {
      const byId = Object.entries(await redis.hgetall(keys.keywords())).toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return byId.map(([, json]) => decodeTopic(json));
    },

    /**
     * Subscribes on a duplicated connection (a subscribed connection can run nothing else).
     * Call `watch` before `all()` so a keyword added in between is not missed (the matcher's add is idempotent).
     */
    async watch(onAdded) {
      const channel = keys.keywordsChannel();
      const sub = duplicateOf(redis);
      sub.on('error', onError);
      sub.on('message', (from: string, message: string) => {
        if (from !== channel) return;
        // A throwing callback must not break the connection's reader: report it instead.
        try {
          onAdded(decodeTopic(message));
        } catch (error) {
          onError(error);
        }
      });
      await sub.subscribe(channel);
      return async () => {
        await sub.unsubscribe(channel);
        await sub.quit();
      };
    },
  };
}
