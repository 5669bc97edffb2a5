import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToParagraphs, htmlToText } from '../../../../src/core/parse/dom.js';

describe('feed HTML → text', () => {
  it('makes one paragraph per block or line break', () => {
    expect(htmlToParagraphs('<p>دعت مصر وقطر إلى وقف فوري لإطلاق النار.</p><div>وقال الوزير<br/>إن المحادثات مستمرة.</div>')).toEqual([
      'دعت مصر وقطر إلى وقف فوري لإطلاق النار.', 'وقال الوزير', 'إن المحادثات مستمرة.',
    ]);
  });

  it('drops scripts, styles, comments and photo captions', () => {
    const html = '<figure><img src="a.jpg"><figcaption>صورة أرشيفية للميناء</figcaption></figure><!-- إعلان --><script>track("x")</script><p>وقع انفجار في الميناء.</p>';
    expect(htmlToParagraphs(html)).toEqual(['وقع انفجار في الميناء.']);
  });

  it('decodes numeric and common named entities, keeping unknown ones as written', () => {
    expect(decodeEntities('&laquo;الأمن &amp; السلام&raquo;&nbsp;&#1605;&#x645; &hellip; &bogus;')).toBe('«الأمن & السلام» مم … &bogus;');
    expect(htmlToText('أسعار <b>النفط</b> &amp; الذهب')).toBe('أسعار النفط & الذهب');
  });
});
