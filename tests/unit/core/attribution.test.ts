import { describe, expect, it } from 'vitest';
import { findCitedSources } from '../../../src/core/attribution.js';

describe('findCitedSources', () => {
  it('finds the fixture agencies in order, once each', () => {
    expect(findCitedSources([
      'نقلت وكالة "إنترفاكس" للأنباء عن المتحدث باسم الكرملين دميتري بيسكوف قوله اليوم الخميس.',
      'وذكرت إنترفاكس أن حرس الحدود الروسي سيبقى على حدود أرمينيا.',
      'ونقلت خدمة سبوتنيك أرمينيا الإخبارية عن سياسي أرميني كبير قوله.',
      'ونقلت إنترفاكس أيضاً عن بيسكوف القول.',
    ])).toEqual(['إنترفاكس', 'سبوتنيك أرمينيا']);
  });

  it.each([
    ['بحسب رويترز', 'وارتفع خام برنت بحسب رويترز.', 'رويترز'],
    ['ذكرت سبوتنيك', 'وذكرت سبوتنيك أن الاجتماع انتهى.', 'سبوتنيك'],
    ['a credit opening the lead', 'القاهرة (رويترز) - قال مسؤول مصري إن المعبر فُتح.', 'رويترز'],
    ['an adjective between agency and name', 'ونقلت وكالة الأنباء الأردنية "بترا" عن مصادر.', 'بترا'],
    ['an unknown agency in quotes', 'وقالت صحيفة «الشرق الأوسط» إن الزيارة أُجلت.', 'الشرق الأوسط'],
  ])('reads %s', (_what, text, name) => {
    expect(findCitedSources([text])).toEqual([name]);
  });

  it('ignores outlet names used as ordinary words', () => {
    expect(findCitedSources(['تعد اللغة العربية لغة رسمية في شبه الجزيرة العربية.'])).toEqual([]);
  });

  it('leaves out the outlet itself', () => {
    expect(findCitedSources(['وقالت الجزيرة إن المراسل وصل، ونقلت رويترز عن شهود.'], 'الجزيرة')).toEqual(['رويترز']);
  });
});

describe('findCitedSources with bracketed names', () => {
  it('reads an agency abbreviation in brackets', () => {
    expect(findCitedSources(['وقالت وكالة الأنباء الرسمية (واس) إن الملك استقبل الوفد.'])).toEqual(['واس']);
  });
});

describe('findCitedSources and official bodies', () => {
  it('does not take a ministry described by a nationality for an agency', () => {
    expect(findCitedSources(['وقالت الخارجية الفرنسية إن السفير استدعي.'])).toEqual([]);
  });

  it('reads the Lebanese national news agency', () => {
    expect(findCitedSources(['وقالت الوكالة الوطنية للإعلام إن الغارات استهدفت بلدات جنوبية.'])).toEqual(['الوكالة الوطنية للإعلام']);
  });
});

describe('findCitedSources in English articles', () => {
  it('names the agencies in Arabic', () => {
    expect(findCitedSources([
      'MOSCOW (Reuters) - President Vladimir Putin agreed to withdraw Russian troops, Interfax reported.',
      'Border guards will stay, according to the Associated Press.',
    ])).toEqual(['رويترز', 'إنترفاكس', 'أسوشيتد برس']);
  });

  it('does not take the word "ap" inside other words', () => {
    expect(findCitedSources(['The map shows the gap between the two armies.'])).toEqual([]);
  });
});
