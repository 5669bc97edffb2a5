import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSource } from '../../../../src/core/parse/dom.js';
import { scanPage } from '../../../../src/core/parse/page-scan.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/articles/${name}`, import.meta.url), 'utf8');
const lead = 'أعلن الجيش السوداني، السبت، استعادة السيطرة على مدينة ود مدني بعد معارك عنيفة استمرت أياماً مع قوات الدعم السريع.';

describe('scanPage, the DOM-free reading of a page that marks its body', () => {
  it('reads the marked body and the metadata of the Sudan page', () => {
    const page = scanPage(documentSource(fixture('sudan-page.html')));
    expect(page?.paragraphs?.[0]).toMatch(/^أعلن الجيش السوداني، السبت/);
    expect(page?.paragraphs?.join(' ')).not.toMatch(/الأكثر قراءة|جميع الحقوق|خبر أول/);
    expect(page?.meta('property', 'og:site_name')).toBe('أخبار النيل');
    expect(page?.canonical).toBe('https://news.example.com/sudan/wad-madani');
  });

  it('reads the metadata of a page without a marked body and leaves its body to Readability', () => {
    const page = scanPage(documentSource(fixture('qatar-page-divs.html')));
    expect(page).toBeDefined();
    expect(page?.paragraphs).toBeUndefined();
  });

  it('skips captions, share bars and related links, and blocks that hold other blocks', () => {
    const html = `<html><body><article><figure><p>صورة أرشيفية</p></figure><div class="share-bar"><p>شارك الخبر</p></div>
      <blockquote><p>${lead}</p></blockquote><p>${lead} وقال مصدر عسكري إن القوات دخلت المدينة من ثلاثة محاور.</p></article></body></html>`;
    expect(scanPage(html)?.paragraphs).toEqual([lead, `${lead} وقال مصدر عسكري إن القوات دخلت المدينة من ثلاثة محاور.`]);
  });

  it('compares rel and type case-insensitively, attribute names exactly, as the DOM selectors do', () => {
    const html = `<html><head><link rel="Canonical" href="https://a.example/x"><meta PROPERTY="og:title" content="لا">
      <script type="Application/LD+JSON">{"headline":"عنوان"}</script></head><body><article><p>${lead}</p><p>${lead}</p></article></body></html>`;
    const page = scanPage(html);
    expect(page?.canonical).toBe('https://a.example/x');
    expect(page?.meta('property', 'og:title')).toBeUndefined();
    expect(page?.jsonLd).toEqual(['{"headline":"عنوان"}']);
  });

  it('hands pages with svg or template content to the DOM', () => {
    expect(scanPage(`<html><body><article><svg><title>x</title></svg><p>${lead}</p><p>${lead}</p></article></body></html>`)).toBeUndefined();
  });
});
