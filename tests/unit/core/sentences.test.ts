import { describe, expect, it } from 'vitest';
import { clip, shortenSentence, splitSentences } from '../../../src/core/sentences.js';

describe('splitSentences', () => {
  it('splits on full stops, ؟ and !', () => {
    expect(splitSentences('انسحبت القوات. هل انتهى الوجود الروسي؟ لا! بقي حرس الحدود.')).toEqual([
      'انسحبت القوات.', 'هل انتهى الوجود الروسي؟', 'لا!', 'بقي حرس الحدود.',
    ]);
  });

  it('keeps abbreviations and initials inside the sentence', () => {
    expect(splitSentences('قال د. محمد العلي إن الوضع خطير. وأضاف أ. سامي أن الحل ممكن.')).toEqual([
      'قال د. محمد العلي إن الوضع خطير.', 'وأضاف أ. سامي أن الحل ممكن.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(splitSentences('قال بيسكوف: «وافق الرئيس على الانسحاب.» ثم غادر القاعة.')).toEqual([
      'قال بيسكوف: «وافق الرئيس على الانسحاب.»', 'ثم غادر القاعة.',
    ]);
    expect(splitSentences('وتابع قائلاً “انتشر جيشنا في خريف 2020.” وانتهى المؤتمر.')).toHaveLength(2);
  });

  it('ends a sentence at an ellipsis but not at the Arabic semicolon', () => {
    expect(splitSentences('توقفت المفاوضات… وعاد الوفد إلى القاهرة؛ ثم صدر بيان مشترك.')).toEqual([
      'توقفت المفاوضات…', 'وعاد الوفد إلى القاهرة؛ ثم صدر بيان مشترك.',
    ]);
  });

  it('does not split decimals', () => {
    expect(splitSentences('ارتفع التضخم إلى 3.5 في المئة. وتراجع الدينار.')).toHaveLength(2);
  });
});

describe('clip', () => {
  it('never cuts inside a word', () => {
    const text = 'وافق الرئيس على سحب القوات الروسية من مناطق مختلفة في أرمينيا';
    const clipped = clip(text, 30);
    expect(clipped.length).toBeLessThanOrEqual(30);
    expect(clipped.endsWith('…')).toBe(true);
    expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
    expect(text[clipped.length - 1]).toBe(' ');
  });
});

describe('shortening an over-long sentence', () => {
  // shorouknews.com: one sentence listing the leaders arriving at the White House.
  const arrivals = 'ووصل إلى البيت الأبيض سكرتير عام حلف الناتو مارك روته، ورئيسة المفوضية الأوروبية أورسولا فون دير لاين، ورئيس الوزراء البريطاني كير ستارمر، ورئيسة الوزراء الإيطالية جورجا ميلوني، والرئيس الفنلندي ألكسندر ستاب، والمستشار الألماني فريدريش ميرتس، ومن المقرر أن ينضم إليهم الرئيس الفرنسي إيمانويل ماكرون.';

  it('ends at the last clause break that fits, with a full stop', () => {
    const short = shortenSentence(arrivals, 160);
    expect(short).toBe('ووصل إلى البيت الأبيض سكرتير عام حلف الناتو مارك روته، ورئيسة المفوضية الأوروبية أورسولا فون دير لاين، ورئيس الوزراء البريطاني كير ستارمر.');
    expect(short.length).toBeLessThanOrEqual(160);
  });

  it('ends a sentence chained by bare commas at its last comma that fits (bna.bh, a state visit)', () => {
    const visit = 'كان صاحب السمو الملكي الأمير سلمان بن حمد آل خليفة ولي العهد رئيس مجلس الوزراء في مقدمة مستقبلي أخيه سمو الشيخ خالد بن محمد بن زايد آل نهيان لدى وصوله إلى البلاد في زيارة رسمية يقوم بها إلى مملكة البحرين، يجري سموه خلالها مباحثات مع صاحب السمو الملكي ولي العهد رئيس مجلس الوزراء تتناول العلاقات الأخوية التاريخية، خاصة في المجالات الاقتصادية والاستثمارية والتنموية';
    expect(shortenSentence(visit, 260)).toBe('كان صاحب السمو الملكي الأمير سلمان بن حمد آل خليفة ولي العهد رئيس مجلس الوزراء في مقدمة مستقبلي أخيه سمو الشيخ خالد بن محمد بن زايد آل نهيان لدى وصوله إلى البلاد في زيارة رسمية يقوم بها إلى مملكة البحرين.');
  });

  it('leaves a sentence that fits alone, and clips one with no clause to stand on', () => {
    expect(shortenSentence(arrivals, 1000)).toBe(arrivals);
    expect(shortenSentence(arrivals, 50)).toMatch(/…$/u);
  });
});

