import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, parseFeed } from '../../../../src/core/parse/feed.js';

const bytes = (name: string): Uint8Array => readFileSync(new URL(`../../../fixtures/articles/${name}`, import.meta.url));
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseFeed', () => {
  it('reads RSS 2.0 items with content:encoded, pubDate and dc:date', () => {
    const feed = parseFeed(bytes('gaza-rss.xml'));
    expect(feed.ok && feed.value.title).toBe('شبكة الأخبار العربية');
    const items = feed.ok ? feed.value.items : [];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      guid: 'an-2024-03-0017', title: 'مصر وقطر تدعوان إلى وقف فوري لإطلاق النار في غزة',
      link: 'https://arabic-news.example.org/2024/03/gaza-ceasefire', published: new Date('2024-03-12T18:05:00Z'),
    });
    expect(items[0]?.contentHtml).toMatch(/^<p>دعت مصر وقطر/);
    expect(items[1]?.title).toBe('أسعار النفط ترتفع & الأسواق تترقب قرار "أوبك+"');
    expect(items[1]?.published).toEqual(new Date('2024-03-12T10:00:00Z'));
  });

  it('keeps a printed pubDate as text for the parser, never as a month-first Date', () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>سبوتنيك عربي</title>
      <item><title>خبر</title><link>https://sarabic.example/1</link><pubDate>11.08.2025, سبوتنيك عربي</pubDate><description>نص الخبر</description></item>
      </channel></rss>`;
    const feed = parseFeed(encode(rss));
    const item = feed.ok ? feed.value.items[0] : undefined;
    expect(item?.published).toBeUndefined();
    expect(item?.publishedText).toBe('11.08.2025, سبوتنيك عربي');
  });

  it('reads Atom entries', () => {
    const feed = parseFeed(bytes('lebanon-atom.xml'));
    const item = feed.ok ? feed.value.items[0] : undefined;
    expect(item).toMatchObject({ title: 'انقطاع الكهرباء في بيروت بعد توقف محطة دير عمار', link: 'https://lebanon.example.net/power-cut' });
    expect(item?.published).toEqual(new Date('2024-10-02T07:10:00Z'));
    expect(item?.contentHtml).toMatch(/^<p>شهدت العاصمة اللبنانية/);
  });

  it('reads JSON Feed items, turning plain text into paragraphs', () => {
    const feed = parseFeed(bytes('morocco-feed.json'), 'application/feed+json');
    const item = feed.ok ? feed.value.items[0] : undefined;
    expect(item?.title).toBe('أمطار غزيرة تغمر شوارع الرباط');
    expect(item?.contentHtml?.match(/<p>/g)).toHaveLength(2);
  });

  it('honours a windows-1256 encoding declared in the XML prolog', () => {
    const feed = parseFeed(bytes('uae-windows-1256.xml'));
    expect(feed.ok && feed.value.items[0]?.title).toBe('الإمارات تطلق قمراً صناعياً جديداً لرصد المناخ');
  });

  it('honours the Content-Type charset over the prolog', () => {
    expect(declaredCharset(encode('<?xml version="1.0" encoding="utf-8"?>'), 'text/xml; charset=windows-1256')).toBe('windows-1256');
    expect(declaredCharset(encode('<?xml version="1.0" encoding="windows-1256"?>'))).toBe('windows-1256');
    expect(declaredCharset(encode('<rss/>'))).toBeUndefined();
  });

  it.each([
    ['broken XML', '<rss version="2.0"><channel><title>خبر</title><item><title>x</title></chan', 'malformed-feed'],
    ['an HTML page', '<html><body><p>ليست خلاصة</p></body></html>', 'malformed-feed'],
    ['an unknown encoding', '<?xml version="1.0" encoding="x-klingon"?><rss/>', 'malformed-feed'],
    ['nothing', '', 'empty'],
  ])('rejects %s without throwing', (_what, text, code) => {
    const feed = parseFeed(encode(text));
    expect(feed.ok ? undefined : feed.error.code).toBe(code);
  });

  describe('a damaged document keeps every complete item', () => {
    const whole = new TextDecoder().decode(bytes('gaza-rss.xml'));

    it('cut short in the middle of its last item: the items before it are read, and the loss is said', () => {
      const cut = whole.slice(0, whole.lastIndexOf('<item') + 60);
      const feed = parseFeed(encode(cut));
      expect(feed.ok).toBe(true);
      if (!feed.ok) return;
      expect(feed.value.items.map((i) => i.title)).toEqual(['مصر وقطر تدعوان إلى وقف فوري لإطلاق النار في غزة']);
      expect(feed.value.title).toBe('شبكة الأخبار العربية');
      expect(feed.value.problem).toMatch(/read 1 complete item\(s\), 1 unreadable item\(s\) skipped/);
    });

    it('an Atom feed cut inside an entry keeps the entries before it', () => {
      const atom = '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار لبنان</title>' +
        '<entry><id>urn:1</id><title>انقطاع الكهرباء في بيروت</title><link href="https://lebanon.example.net/1"/><updated>2024-10-02T07:10:00Z</updated><content type="html">&lt;p&gt;شهدت العاصمة اللبنانية انقطاعًا واسعًا للكهرباء.&lt;/p&gt;</content></entry>' +
        '<entry><id>urn:2</id><title>الحكومة تجتمع';
      const feed = parseFeed(encode(atom));
      expect(feed.ok && feed.value.items.map((i) => i.title)).toEqual(['انقطاع الكهرباء في بيروت']);
    });

    it('a whole feed parses as before, with no problem noted; garbage is still refused', () => {
      const feed = parseFeed(encode(whole));
      expect(feed.ok && feed.value.problem).toBeUndefined();
      expect(parseFeed(encode('<html><body><p>صفحة، لا مصدر أخبار</p></body></html>'))).toMatchObject({ ok: false, error: { code: 'malformed-feed' } });
    });
  });
});
