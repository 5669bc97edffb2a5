import { describe, expect, it } from 'vitest';
import { canonicalUrl, sameStory, similarity, storyFingerprint } from '../../../src/core/fingerprint.js';
import { labelledArticles, toArticle } from './labelled.js';
import { article } from './support.js';

const set = labelledArticles().map((l) => ({ l, fp: storyFingerprint(toArticle(l)) }));
const pairs = set.flatMap((a, i) => set.slice(i + 1).map((b) => [a, b] as const));
const samePairs = pairs.filter(([a, b]) => a.l.story !== undefined && a.l.story === b.l.story);
const differentPairs = pairs.filter(([a, b]) => a.l.story === undefined || a.l.story !== b.l.story);

describe('story fingerprints', () => {
  it('recognizes the same wire story from two outlets, and the pair shares an LSH band', () => {
    expect(samePairs.length).toBeGreaterThanOrEqual(4);
    const missed = samePairs.filter(([a, b]) => !sameStory(a.fp, b.fp)).map(([a, b]) => `${a.l.id} ~ ${b.l.id}`);
    expect(missed).toEqual([]);
    const noSharedBand = samePairs.filter(([a, b]) => !a.fp.bands.some((band) => b.fp.bands.includes(band)));
    expect(noSharedBand).toEqual([]);
  });

  it('tells apart different stories, including the same topic on the same day', () => {
    const sameDay = differentPairs.filter(([a, b]) =>
      [a.l.id, b.l.id].toSorted().join() === ['gaza-ceasefire-aljazeera', 'il-bengvir-resigns'].join() ||
      [a.l.id, b.l.id].toSorted().join() === ['sd-elfasher-falls-aljazeera', 'sd-elfasher-saudi-hospital'].join());
    expect(sameDay).toHaveLength(2);
    const wrong = differentPairs.filter(([a, b]) => sameStory(a.fp, b.fp)).map(([a, b]) => `${a.l.id} ~ ${b.l.id}`);
    expect(wrong).toEqual([]);
    const max = Math.max(...differentPairs.map(([a, b]) => similarity(a.fp, b.fp)));
    const min = Math.min(...samePairs.map(([a, b]) => similarity(a.fp, b.fp)));
    console.log(`fingerprints: ${samePairs.length} same-story pairs (lowest similarity ${min.toFixed(2)}), ` +
      `${differentPairs.length} different-story pairs (highest ${max.toFixed(2)})`);
  });

  it('is deterministic, short and the same whatever the diacritics and hamza forms', () => {
    const a = storyFingerprint(article('بوتين يوافق على سحب القوات الروسية من أرمينيا', ['قال الكرملين إن القوات الروسية ستنسحب من مناطق في أرمينيا.']));
    const b = storyFingerprint(article('بوتينُ يوافق على سحب القوات الروسيّة من ارمينيا', ['قال الكرملين إن القوات الروسية ستنسحب من مناطق في أرمينيا.']));
    expect(a.signature).toEqual(b.signature);
    expect(a.bands).toHaveLength(32);
    for (const band of a.bands) expect(band).toMatch(/^[0-9a-f]{10}$/);
  });

  it('calls two articles with the same canonical URL the same story', () => {
    const a = storyFingerprint(article('عنوان أول', ['نص أول مختلف تماماً'], 'a', 'https://Example.com/news/1?utm_source=tg#top'));
    const b = storyFingerprint(article('عنوان معدل', ['نص آخر بعد التحديث'], 'b', 'https://example.com/news/1'));
    expect(a.canonicalUrl).toBe('https://example.com/news/1');
    expect(sameStory(a, b)).toBe(true);
  });
});

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, drops utm_* and the fragment, keeps other parameters', () => {
    expect(canonicalUrl('HTTPS://WWW.Aljazeera.NET/news/2024/5/9/Story?utm_source=x&id=7&UTM_Medium=y#comments'))
      .toBe('https://www.aljazeera.net/news/2024/5/9/Story?id=7');
  });

  it('keeps Arabic paths percent-encoded and answers undefined for what is not a URL', () => {
    expect(canonicalUrl('https://example.com/أخبار')).toBe('https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1');
    expect(canonicalUrl('not a url')).toBeUndefined();
  });
});
