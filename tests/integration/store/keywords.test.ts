import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Redis } from 'ioredis';
import { asTopicId } from '../../../src/core/ids.js';
import type { Topic } from '../../../src/core/topic.js';
import { createKeys } from '../../../src/store/keys.js';
import { createRedisKeywordRegistry } from '../../../src/store/redis-keyword-registry.js';
import { connectRedis, deleteKeys, testPrefix } from '../../support/redis.js';

const prefix = testPrefix('store-keywords');
let redis: Redis;
let other: Redis;

const keyword = (id: string, word: string): Topic => ({
  id: asTopicId(id), kind: 'keyword', names: { ar: word, en: word }, aliases: { ar: [word], en: [] }, weak: [], blockers: [], parents: [],
});

beforeAll(() => {
  redis = connectRedis();
  other = connectRedis();
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
  other.disconnect();
});

describe('RedisKeywordRegistry', () => {
  it('stores keyword topics once and lists them', async () => {
    const registry = createRedisKeywordRegistry({ redis, keys: createKeys(`${prefix}:a`) });
    await registry.add(keyword('kw:a1b2', 'ناغورني قرة باغ'));
    await registry.add(keyword('kw:a1b2', 'ناغورني قرة باغ'));
    await registry.add(keyword('kw:c3d4', 'حرس الحدود'));
    expect((await registry.all()).map((t) => t.names.ar).toSorted()).toEqual(['حرس الحدود', 'ناغورني قرة باغ']);
  });

  it('refuses a topic that is not a keyword', async () => {
    const registry = createRedisKeywordRegistry({ redis, keys: createKeys(`${prefix}:a`) });
    await expect(registry.add({ ...keyword('country:AM', 'أرمينيا'), kind: 'country' })).rejects.toThrow(/not a keyword/);
  });

  it('tells every process about a new keyword, once, until it unsubscribes', async () => {
    const keys = createKeys(`${prefix}:b`);
    const writer = createRedisKeywordRegistry({ redis, keys });
    const reader = createRedisKeywordRegistry({ redis: other, keys });
    const heard: string[] = [];
    const stop = await reader.watch((t) => heard.push(t.names.ar));
    await writer.add(keyword('kw:e5f6', 'بيسكوف'));
    await writer.add(keyword('kw:e5f6', 'بيسكوف'));
    await vi.waitFor(() => expect(heard).toEqual(['بيسكوف']));
    await stop();
    await writer.add(keyword('kw:0789', 'يريفان'));
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual(['بيسكوف']);
  });
});
