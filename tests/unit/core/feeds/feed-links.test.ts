import { describe, expect, it } from 'vitest';
import { findFeedLinks } from '../../../../src/core/feeds/feed-links.js';

// The head of an Arabic news site's home page, as such sites announce their feeds.
const HOME = `<!doctype html><html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>الأخبار العاجلة | الموقع</title>
<link rel="stylesheet" href="/css/site.css">
<link rel="alternate" type="application/rss+xml" title="آخر الأخبار &amp; العاجل" href="/rss/latest.xml">
<link rel="alternate" type="application/atom+xml" title="اقتصاد" href="https://news.example/economy/atom">
<link rel="alternate" hreflang="en" href="https://news.example/en/">
<link rel="alternate" type="application/rss+xml" href="/rss/latest.xml">
<link rel="alternate" type="application/json" href="/api/v1/config.json">
<link rel="alternate" type="application/feed+json" title="JSON Feed" href="feed.json">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body><link rel="alternate" type="application/rss+xml" href="/in-body.xml"><p>…</p></body></html>`;

describe('findFeedLinks', () => {
  it('finds the RSS, Atom and JSON feeds a page announces, absolute, once each, in page order', () => {
    expect(findFeedLinks(HOME, 'https://news.example/ar/index.html')).toEqual([
      { url: 'https://news.example/rss/latest.xml', format: 'rss', title: 'آخر الأخبار & العاجل' },
      { url: 'https://news.example/economy/atom', format: 'atom', title: 'اقتصاد' },
      { url: 'https://news.example/ar/feed.json', format: 'json', title: 'JSON Feed' },
    ]);
  });

  it('resolves against <base href>, and finds nothing on a page that announces no feed', () => {
    const page = '<html><head><base href="https://cdn.example/site/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>';
    expect(findFeedLinks(page, 'https://site.example/')).toEqual([{ url: 'https://cdn.example/site/rss.xml', format: 'rss' }]);
    expect(findFeedLinks('<html><head><title>صفحة بلا مصادر</title></head><body>نص</body></html>', 'https://site.example/')).toEqual([]);
  });
});
