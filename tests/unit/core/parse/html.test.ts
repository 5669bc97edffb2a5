import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtmlPage } from '../../../../src/core/parse/html.js';

const page = readFileSync(new URL('../../../fixtures/articles/sudan-page.html', import.meta.url), 'utf8');

describe('HTML article page', () => {
  const parsed = parseHtmlPage(page);

  it('reads og:title, og:site_name, the canonical URL and article:published_time', () => {
    expect(parsed.title).toBe('الجيش السوداني يعلن استعادة السيطرة على مدينة ود مدني');
    expect(parsed.outlet).toBe('أخبار النيل');
    expect(parsed.url).toBe('https://news.example.com/sudan/wad-madani');
    expect(parsed.published?.toISOString()).toBe('2025-01-11T06:45:00.000Z');
  });

  it('keeps the article text and leaves navigation, sidebars and the footer out', () => {
    expect(parsed.paragraphs[0]).toMatch(/^أعلن الجيش السوداني، السبت/);
    expect(parsed.paragraphs.join(' ')).not.toMatch(/الأكثر قراءة|جميع الحقوق|خبر أول/);
  });

  it('falls back to JSON-LD datePublished without meta tags', () => {
    const html = page.replace(/<meta property="article:published_time"[^>]*>/, '');
    expect(parseHtmlPage(html).published?.toISOString()).toBe('2025-01-11T06:45:00.000Z');
  });

  it('refuses a javascript: canonical link', () => {
    const html = page.replace('https://news.example.com/sudan/wad-madani"', 'javascript:alert(1)"')
      .replace(/<meta property="og:url"[^>]*>/, '');
    expect(parseHtmlPage(html).url).toBeUndefined();
  });

  it('finds the story with Readability when the page does not mark its article body', () => {
    const divs = parseHtmlPage(readFileSync(new URL('../../../fixtures/articles/qatar-page-divs.html', import.meta.url), 'utf8'));
    expect(divs.title).toBe('قطر تستضيف جولة جديدة من المحادثات بشأن الهدنة');
    expect(divs.published?.toISOString()).toBe('2024-02-20T14:30:00.000Z');
    expect(divs.paragraphs[0]).toMatch(/^تستضيف العاصمة القطرية الدوحة/);
    expect(divs.paragraphs).toHaveLength(5);
    expect(divs.paragraphs.join(' ')).not.toMatch(/الأكثر قراءة|جميع الحقوق/);
  });
});
