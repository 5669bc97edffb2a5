import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { PreparedArticle } from '../../../src/core/prepared.js';
import { createKeys } from '../../../src/store/keys.js';
import { createRedisStoryStore } from '../../../src/store/redis-story-store.js';
import { connectRedis, releaseRedis, testPrefix } from '../../support/redis.js';
import { prepared } from '../../unit/story/pairs-support.js';

const prefix = testPrefix('store-stories');
let redis: Redis;
let n = 0;
const fresh = () => {
  const keys = createKeys(`${prefix}:${++n}`);
  return { keys, store: createRedisStoryStore({ redis, keys }) };
};
const article = (id: string): PreparedArticle => {
  const p = prepared.get(id);
  if (!p) throw new Error(`no fixture ${id}`);
  return p;
};
/** The article with another publication time. */
const at = (p: PreparedArticle, iso: string): PreparedArticle => ({ ...p, article: { ...p.article, publishedAt: new Date(iso) } });

beforeAll(() => {
  redis = connectRedis();
});
afterAll(() => releaseRedis(redis, prefix));

describe('the Redis story store', () => {
  it('files other outlets of one event under the first article’s story and lists them oldest first', async () => {
    const { store } = fresh();
    const first = article('raisi-dogruhaber');
    expect(await store.file(first)).toMatchObject({ decision: { kind: 'new' }, storyId: first.article.id });
    const alraees = await store.file(article('raisi-alraees'));
    const manassa = await store.file(article('raisi-manassa'));
    expect(alraees).toMatchObject({ decision: { kind: 'join' }, storyId: first.article.id });
    expect(manassa.storyId).toBe(first.article.id);
    const members = await store.members(first.article.id);
    expect(members.map((m) => m.outlet)).toEqual(['دوغرو خبر', 'الرئيس نيوز', 'المنصة']);
  });

  it('keeps another event on the same country in a story of its own', async () => {
    const { store } = fresh();
    await store.file(article('raisi-dogruhaber'));
    const election = await store.file(article('pezeshkian-almashhad'));
    expect(election).toMatchObject({ decision: { kind: 'new' }, storyId: article('pezeshkian-almashhad').article.id });
  });

  it('does not join a story whose newest article is older than the window', async () => {
    const { store } = fresh();
    await store.file(article('raisi-dogruhaber'));
    const later = await store.file(at(article('raisi-alraees'), '2024-05-25T07:00:00Z'));
    expect(later.decision.kind).toBe('new');
  });

  it('files the same article again as it was filed (a retry after a crash)', async () => {
    const { store } = fresh();
    const first = article('raisi-dogruhaber');
    await store.file(first);
    expect((await store.file(first)).decision.kind).toBe('new');
  });

  it('keeps each story in one hash whose key carries the story id as a hash tag', async () => {
    const { keys, store } = fresh();
    const first = article('raisi-dogruhaber');
    await store.file(first);
    expect(keys.story(first.article.id)).toMatch(new RegExp(`\\{${first.article.id}\\}$`));
    expect(await redis.type(keys.story(first.article.id))).toBe('hash');
    expect(await redis.ttl(keys.story(first.article.id))).toBeGreaterThan(0);
  });
});
