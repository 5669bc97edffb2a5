import { describe, expect, it } from 'vitest';
import { readOpml, writeOpml } from '../../../../src/core/feeds/opml.js';

// An export as feed readers write it: folders, a feed twice, one that is not a feed.
const READER_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>اشتراكاتي</title></head>
  <body>
    <outline text="أخبار عربية" title="أخبار عربية">
      <outline type="rss" text="بي بي سي عربي" title="بي بي سي عربي" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml" htmlUrl="https://www.bbc.com/arabic"/>
      <outline type="rss" text="فرانس 24" xmlUrl="https://www.france24.com/ar/rss"/>
      <outline type="rss" text="بي بي سي عربي (نسخة)" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml"/>
    </outline>
    <outline text="رابط قديم" xmlUrl="ftp://old.example/feed"/>
    <outline text="مجلد فارغ"/>
    <outline xmlUrl="https://www.independentarabia.com/rss"/>
  </body>
</opml>`;

describe('OPML', () => {
  it('reads every feed outline through folders, each URL once, and says what it could not use', () => {
    const read = readOpml(READER_EXPORT);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.feeds).toEqual([
      { url: 'https://feeds.bbci.co.uk/arabic/rss.xml', name: 'بي بي سي عربي' },
      { url: 'https://www.france24.com/ar/rss', name: 'فرانس 24' },
      { url: 'https://www.independentarabia.com/rss', name: 'www.independentarabia.com' },
    ]);
    expect(read.value.repeated).toBe(1);
    expect(read.value.broken).toEqual([
      { outline: 'رابط قديم', reason: 'the URL must start with http:// or https://' },
      { outline: 'مجلد فارغ', reason: 'no xmlUrl: not a feed' },
    ]);
  });

  it('writes zone and interval and reads them back unchanged, Arabic names and & included', () => {
    const feeds = [
      { url: 'https://www.aljazeera.net/rss?lang=ar&x=1', name: 'الجزيرة نت & «أخبار»', timeZone: 'Asia/Qatar', minutes: 5 },
      { url: 'https://arabic.rt.com/rss/', name: 'روسيا اليوم', timeZone: 'Europe/Moscow', minutes: 15 },
    ];
    const xml = writeOpml(feeds, 'Tanbih feeds', new Date('2026-12-02T00:00:00Z'));
    expect(xml).toContain('timeZone="Asia/Qatar"');
    const read = readOpml(xml);
    expect(read.ok && read.value).toEqual({ feeds, repeated: 0, broken: [] });
  });

  it('refuses what is not OPML, and reports an unknown zone or interval per outline', () => {
    expect(readOpml('<html><body>ليست قائمة مصادر</body></html>')).toMatchObject({ ok: false, error: expect.stringMatching(/not an OPML document/) });
    const read = readOpml('<opml version="2.0"><body><outline text="مصدر" xmlUrl="https://a.example/rss" timeZone="Asia/Atlantis" pollMinutes="0"/></body></opml>');
    expect(read.ok && read.value.broken).toEqual([{ outline: 'مصدر', reason: 'unknown time zone (e.g. Asia/Riyadh); interval: 1–1440 minutes' }]);
  });
});
