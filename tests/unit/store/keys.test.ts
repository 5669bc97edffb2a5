import { describe, expect, it } from 'vitest';
import { asArticleId, asBroadcastId, asChatId, asFeedId } from '../../../src/core/ids.js';
import { bullPrefix, CHAT_BUCKETS, chatBucketOf, createKeys } from '../../../src/store/keys.js';

/** The part of a key Redis Cluster hashes: the first non-empty `{…}`, else the whole key. */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('the key builder under Redis Cluster', () => {
  const keys = createKeys('tanbih');
  const chat = asChatId(-1001234567890);
  const article = asArticleId('Jm1x0Q3n4bS8Xk2v9Wc7Yt');

  it('names the same keys for tanbih and {tanbih}, and puts BullMQ under the hash-tagged form', () => {
    expect(createKeys('{tanbih}').chats(chat)).toBe(keys.chats(chat));
    expect(keys.prefix).toBe('tanbih');
    expect(keys.bull).toBe('{tanbih}');
    expect(bullPrefix('t:store:3fa2c1')).toBe('{t:store:3fa2c1}');
    for (const bad of ['', '{x', 'a b', '{a}{b}', 'مفتاح']) expect(() => createKeys(bad)).toThrow(/malformed prefix/);
  });

  it('gives the keys written together one hash tag: a chat bucket, an article, a broadcast, a feed, the statistics', () => {
    const bucket = chatBucketOf(chat);
    const armenia = 'country:AM' as never;
    expect(new Set([keys.chats(chat), keys.chatTopics(chat), keys.chatCounters(bucket), keys.followersIn(armenia, bucket)].map(hashTag))).toEqual(new Set([`c${bucket}`]));
    expect(new Set([keys.article(article), keys.articleSources(article), keys.sentArticle(article), keys.articleCounters(article)].map(hashTag)).size).toBe(1);
    const b = asBroadcastId('0a1b2c3d4e5f6a7b');
    expect(hashTag(keys.sentBroadcast(b))).toBe(hashTag(keys.broadcastCounters(b)));
    expect(hashTag(keys.broadcasts())).toBe(hashTag(keys.broadcastOrder()));
    const feed = asFeedId('00ff00ff00ff00ff');
    expect(hashTag(keys.feedHealth(feed))).toBe(hashTag(keys.feedSeen(feed)));
    expect(hashTag(keys.rateSecond(1_700_000_000))).toBe(hashTag(keys.hourStats(472_222)));
  });

  it('spreads chats over CHAT_BUCKETS buckets, negative group ids too', () => {
    expect(chatBucketOf(asChatId(4096 * 7 + 5))).toBe(5);
    expect(chatBucketOf(asChatId(-1))).toBe(CHAT_BUCKETS - 1);
    expect(keys.chats(asChatId(5))).toBe(keys.chatsBucket(5));
    expect(() => keys.chatsBucket(CHAT_BUCKETS)).toThrow(/no chat bucket/);
  });

  it('never lets the prefix carry a tag into store keys (that would put them all in one slot)', () => {
    const tagged = createKeys('{tanbih}');
    expect(hashTag(tagged.chats(asChatId(1)))).not.toBe(hashTag(tagged.chats(asChatId(2))));
    expect(tagged.topicBuckets('country:AM' as never)).toBe('tanbih:fb:country:AM');
  });
});
