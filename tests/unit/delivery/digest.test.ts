import { describe, expect, it } from 'vitest';
import { renderDigest, type DigestItem } from '../../../src/core/digest.js';
import { validateTelegramHtml } from '../../../src/core/telegram-html.js';

const armenia = { id: 'country:AM', name: 'أرمينيا' };
const russia = { id: 'country:RU', name: 'روسيا' };

describe('digest messages', () => {
  it('groups headlines by topic, each linked', () => {
    const items: DigestItem[] = [
      { title: 'بوتين يوافق على سحب القوات الروسية من مناطق أرمينية', url: 'https://example.com/a?x=1&y=2', topic: armenia },
      { title: 'الكرملين: المحادثات مع باكو مستمرة', url: 'https://example.com/b', topic: russia },
      { title: 'يريفان تستقبل وفداً أوروبياً', topic: armenia },
    ];
    const [message, ...rest] = renderDigest(items, { language: 'ar' });
    expect(rest).toEqual([]);
    expect(message).toContain('ملخص الأخبار</b> (3)');
    expect(message).toContain('<a href="https://example.com/a?x=1&amp;y=2">بوتين يوافق');
    expect(message?.indexOf('يريفان')).toBeLessThan(message?.indexOf('روسيا') ?? 0);
    expect(validateTelegramHtml(message ?? '').ok).toBe(true);
  });

  it('escapes titles and refuses links that are not http(s)', () => {
    const [message] = renderDigest([{ title: '<script>alert(1)</script> & "نص"', url: 'javascript:alert(1)', topic: armenia }], { language: 'ar' });
    expect(message).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;نص&quot;');
    expect(message).not.toContain('javascript:');
  });

  it('splits a long digest under 4096 UTF-16 units, repeating the topic heading', () => {
    const items: DigestItem[] = Array.from({ length: 120 }, (_, i) => ({
      title: `عنوان خبر طويل رقم ${i} عن انسحاب القوات الروسية من المناطق الحدودية الأرمينية`,
      url: `https://example.com/news/${i}`,
      topic: armenia,
    }));
    const messages = renderDigest(items, { language: 'ar' });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(4096);
      expect(m).toContain('أرمينيا');
      expect(validateTelegramHtml(m).ok).toBe(true);
    }
    expect(messages.join('\n').match(/<a href/g)).toHaveLength(120);
  });

  it('puts the updates of one story right under its first headline', () => {
    const items: DigestItem[] = [
      { title: 'زلزال بقوة 7 درجات يضرب المغرب', topic: armenia, story: 's1' },
      { title: 'يريفان تستقبل وفداً أوروبياً', topic: armenia },
      { title: 'ارتفاع حصيلة ضحايا الزلزال إلى 1037', topic: armenia, story: 's1' },
    ];
    const [message] = renderDigest(items, { language: 'ar' });
    expect(message).toContain('• زلزال بقوة 7 درجات يضرب المغرب\n   🔄 ارتفاع حصيلة ضحايا الزلزال إلى 1037\n• يريفان');
  });
});
