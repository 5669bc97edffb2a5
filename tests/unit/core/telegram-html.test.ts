import { describe, expect, it } from 'vitest';
import { validateTelegramHtml } from '../../../src/core/telegram-html.js';
import { escapeHtml } from '../../../src/core/render/escape.js';

describe('validateTelegramHtml', () => {
  it('accepts an alert with bold headline and link, and measures the text in UTF-16 units', () => {
    const html = '🔴 <b>بوتين يوافق على سحب القوات</b>\n🔗 <a href="https://example.com/a?x=1&amp;y=2">اقرأ الخبر كاملاً</a>';
    const check = validateTelegramHtml(html);
    expect(check).toEqual({ ok: true, text: '🔴 بوتين يوافق على سحب القوات\n🔗 اقرأ الخبر كاملاً', length: 50 });
  });

  it('decodes the four named entities and numeric entities', () => {
    const check = validateTelegramHtml('&lt;b&gt; &amp; &quot;قال&quot; &#1605; &#x645;');
    expect(check).toMatchObject({ ok: true, text: '<b> & "قال" م م' });
  });

  it('accepts every supported tag, nested properly', () => {
    const html = '<b>a <i>b <s>c <span class="tg-spoiler">d</span></s> <u>e</u></i></b> <strong>f</strong> <em>g</em>'
      + ' <ins>h</ins> <strike>i</strike> <del>j</del> <tg-spoiler>k</tg-spoiler> <code>l</code>'
      + ' <pre><code class="language-ts">m</code></pre> <blockquote expandable>n</blockquote>'
      + ' <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> <tg-time unix="1647531900" format="t">22:45</tg-time>';
    expect(validateTelegramHtml(html).ok).toBe(true);
  });

  it.each([
    ['an unmatched <b>', 'عاجل <b>خبر', /end tag/],
    ['mis-nested tags', '<b><i>خبر</b></i>', /unmatched end tag/],
    ['a stray end tag', 'خبر</b>', /closes nothing/],
    ['an unsupported tag', '<script>alert(1)</script>', /unsupported start tag "script"/],
    ['a <br>', 'سطر<br>سطر', /unsupported start tag "br"/],
    ['a bare <', 'أ < ب', /unescaped "<"/],
    ['a bare >', 'أ > ب', /unescaped ">"/],
    ['a bare &', 'الأمن & السلام', /unescaped "&"/],
    ['an unsupported named entity', 'قال&nbsp;بيسكوف', /unsupported entity/],
    ['a span that is not a spoiler', '<span class="x">خبر</span>', /tg-spoiler/],
    ['a custom emoji without its id', '<tg-emoji>👍</tg-emoji>', /emoji-id/],
    ['nested blockquotes', '<blockquote><blockquote>x</blockquote></blockquote>', /nested blockquote/],
    ['an unterminated start tag', '<a href="x"', /malformed start tag/],
  ])('rejects %s with a reason', (_what, html, reason) => {
    expect(validateTelegramHtml(html)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('escapeHtml', () => {
  it('escapes hostile article text so the validator passes it and the reader sees it verbatim', () => {
    const hostile = '<script>alert("x")</script> الأمن & السلام <b> \u202Eعكس';
    const check = validateTelegramHtml(`<b>${escapeHtml(hostile)}</b>`);
    expect(check).toMatchObject({ ok: true, text: hostile });
  });

  it('leaves ordinary Arabic text untouched', () => {
    const text = 'بوتين يوافق على سحب القوات الروسية';
    expect(escapeHtml(text)).toBe(text);
  });
});
