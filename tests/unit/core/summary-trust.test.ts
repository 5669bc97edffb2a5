import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { parseArticle } from '../../../src/core/parse/index.js';
import { summarize } from '../../../src/core/summarize.js';
import { isListItem, isPhotoCredit, summaryFlaws } from '../../../src/core/summary-check.js';
import { auditLabelledSummaries } from '../../support/summary-audit.js';

const ctx = { now: new Date('2026-01-01T00:00:00Z'), defaultTimeZone: 'Asia/Riyadh' };

function parsed(title: string, body: string): Article {
  const result = parseArticle({ kind: 'json', json: { title, body } }, ctx);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

const summaryOf = (title: string, body: string): { summary: string[]; article: Article } => {
  const article = parsed(title, body);
  return { summary: summarize(article), article };
};

describe('a summary a reader can trust', () => {
  it('leaves out an English agency caption and its credit line inside an Arabic article', () => {
    // Arabic text: euronews Arabic, 18 August 2021 (Ashraf Ghani's video message), with the page's own
    // credit line; the English caption has the EPA-EFE/MaxPPP shape the held-out set showed (issue 10).
    const { summary, article } = summaryOf('الرئيس الأفغاني أشرف غني يتوجه إلى الأفغانيين برسالة مصوّرة', [
      'epa09417123 Afghan President Ashraf Ghani speaks during a video message posted on his Facebook page in Abu Dhabi, United Arab Emirates, 18 August 2021. EPA-EFE/STRINGER (MaxPPP TagID: epalive891104) [Photo via MaxPPP]',
      'أشرف غني Copyright SAJJAD HUSSAIN/AFP or licensors',
      'نشر الرئيس الأفغاني أشرف غني رسالة مصوّرة هذا الأربعاء في دولة الإمارات التي أكدت في وقت سابق استقباله "لاعتبارات إنسانية". وكان غني قد أعلن أنّه سيتطرق إلى "التطورات الأخيرة" في بلاده قبيل بث رسالته المصورة عبر صفحته في موقع فيسبوك. وغادر غني أفغانستان في نهاية الأسبوع.',
      'وقال الرئيس الأفغاني الهارب متحدثا من منفاه في الإمارات إنه اضطر لمغادرة كابول للحيلولة دون إراقة الدماء ونفى ما تردد بأنه أخذ مبالغ كبيرة لدى مغادرته القصر الرئاسي.',
    ].join('\n\n'));
    expect(summary[0]).toMatch(/^نشر الرئيس الأفغاني أشرف غني رسالة مصوّرة/);
    expect(summary.join(' ')).not.toMatch(/[A-Za-z]{3}/);
    expect(summaryFlaws(summary, article)).toEqual([]);
  });

  it('leaves out © and «تعبيرية» photo lines', () => {
    // Sputnik Arabic (Messi in Jerusalem) and An-Nahar (2 April 2021) as their pages print them.
    expect(isPhotoCredit('© REUTERS / EDGARD GARRIDOميسي')).toBe(true);
    expect(isPhotoCredit('تمثال المسيح في البرازيل (تعبيرية- "أ ف ب").')).toBe(true);
    expect(isPhotoCredit('Maasai men of Matapato attend the Olng\'esherr passage ceremony in Kajiado, Kenya September 23, 2020. REUTERS/Thomas Mukoya')).toBe(true);
    expect(isPhotoCredit('باريس (أ ف ب) - أعلنت الحكومة الفرنسية خطة جديدة.')).toBe(false);
    expect(isPhotoCredit('وقالت رويترز إن الاجتماع انتهى دون اتفاق.')).toBe(false);
    const { summary } = summaryOf('ميسي في القدس أكثر من مجرد كرة قدم', [
      '© REUTERS / EDGARD GARRIDOميسي',
      'ميسي - سبوتنيك عربي',
      'تحدث الصحفي الأرجنتيني، إيزيكيل فيرنانديز، عن استخدام بعض الدول للرياضة كوسيلة لترويجها سياسيا وإعلاميا في العالم وتقديم صورة عن البلد.',
    ].join('\n\n'));
    expect(summary).toEqual(['تحدث الصحفي الأرجنتيني، إيزيكيل فيرنانديز، عن استخدام بعض الدول للرياضة كوسيلة لترويجها سياسيا وإعلاميا في العالم وتقديم صورة عن البلد.']);
  });

  it('never takes fact-box items, with - or ـ bullets, even when the lines run on', () => {
    // Lead: i24news Arabic, 9 October 2025; fact box: matnnews.com 205661 («أبرز بنود صفقة هدنة غزة»).
    const items = [
      'الصفقة على 3 مراحل كل مرحلة منها تستمر 42 يومًا',
      'تعليق مؤقت للعمليات العسكرية المتبادلة بين الطرفين',
      'انسحاب القوات الإسرائيلية شرقًا وبعيدًا عن المناطق المأهولة بالسكان',
      'عودة النازحين إلى مناطق سكنهم، والانسحاب من وادي غزة',
      'لن يتم اعتقال الأسرى الفلسطينيين المفرج عنهم مرة أخرى',
    ];
    for (const bullet of ['- ', 'ـ ']) {
      const { summary, article } = summaryOf('أبرز بنود صفقة هدنة غزة وتبادل الأسرى', [
        'صادقت الحكومة الإسرائيلية الليلة (الخميس الجمعة) على اتفاق وقف إطلاق النار في قطاع غزة، كما تم التوقيع عليها في مصر.',
        items.map((i) => `${bullet}${i}`).join('\n'),
        'في إطار التفاهمات، سيتم الإفراج عن 250 من ذوي المؤبدات من بين 270 المعتقلين لدى مصلحة السجون، بالإضافة إلى 1,700 من سكان غزة الذين لم يشاركوا في أحداث السابع من أكتوبر.',
      ].join('\n\n'));
      expect(summary[0]).toMatch(/^صادقت الحكومة الإسرائيلية/);
      expect(summary.some(isListItem)).toBe(false);
      expect(summary.join(' ')).not.toMatch(/تعليق مؤقت للعمليات|عودة النازحين/);
      expect(summaryFlaws(summary, article)).toEqual([]);
      // Each item is a paragraph of its own: a bullet line never runs into its neighbours.
      expect(article.paragraphs.filter(isListItem)).toHaveLength(items.length);
    }
  });

  it('never ends on the colon that introduces a list, nor takes the numbered items', () => {
    // jbcnews.net 150030 (the Zabadani, Foua and Kefraya ceasefire draft), as published.
    const { summary, article } = summaryOf('مسودة اتفاق لوقف إطلاق النار في الزبداني والفوعة وكفريا', [
      'كشفت قناة الجزيرة القطرية الأحد، عن مسودة اتفاق لوقف المعارك بين قوات النظام المدعومة بميليشيات حزب الله من جهة وقوات المعارضة السورية المسلحة من جهة أخرى في مدينة الزبداني بريف دمشق وقريتي الفوعة وكفريا بريف إدلب.',
      'وتنص مسودة الاتفاق على مايلي:',
      '1- وقف إطلاق النار بين قوات النظام والمعارضة ثم هدنة مدتها 6 أشهر تشمل الزبداني والفوعة وكفريا ومدينة إدلب ومناطق في ريفها.',
      '2- خروج جميع المسلحين والراغبين من المدنيين من الزبداني باتجاه إدلب مقابل خروج 10 آلاف شخص من الفوعة وكفريا من الأطفال دون سن الثامنة عشرة ومن النساء والمسنين فوق الخمسين، بالإضافة إلى الجرحى.',
      '3- إفراج النظام عن 500 معتقل لديه بينهم 325 إمرأة و125 طفلاً.',
      'يشار إلى أن الاتفاق ينفذ برعاية الأمم المتحدة وتشكل مجموعة عمل لضمان تنفيذ بنوده.',
    ].join('\n\n'));
    expect(summary.some((s) => s.endsWith(':'))).toBe(false);
    expect(summary.some(isListItem)).toBe(false);
    expect(summary[0]).toMatch(/^كشفت قناة الجزيرة القطرية/);
    expect(summaryFlaws(summary, article)).toEqual([]);
  });

  it('treats the short lines after a colon as the list they are, bullets or not', () => {
    // alalam.ir 7145093 (the Gaza ceasefire terms, as reported by Al-Mayadeen).
    const { summary, article } = summaryOf('تعرف على بنود نص اتفاق وقف إطلاق النار في غزة', [
      'الاتفاق، الذي يشمل بنوداً إنسانية وعسكرية، يشمل بحسب قناة الميادين:',
      'انسحاب كامل للقوات من جميع المناطق في قطاع غزة، مع تحديد خطوط حدودية واضحة.',
      'إمكانية سفر الجرحى لتلقي العلاج في الخارج لتوفير الرعاية الصحية اللازمة.',
      'إدخال 600 شاحنة مساعدات يومياً تحت إشراف دولة قطر، بما في ذلك 200 ألف خيمة و60 ألف كرڤان للإيواء العاجل.',
      'تبادل الأسرى، مع الإفراج عن 1000 أسير من قطاع غزة، بالإضافة إلى مئات الأسرى المحكومين بالمؤبد.',
      'المرحلة الأولى من الاتفاق ستستمر لمدة 6 أسابيع، مقابل تسليم 33 أسيراً إسرائيلياً بين أحياء وجثث هامدة، على أن يتم استكمال المفاوضات في المرحلتين الثانية والثالثة لتسوية قضية الأسرى المتبقيين.',
    ].join('\n\n'));
    expect(summary.join(' ')).not.toMatch(/يشمل بحسب قناة الميادين:|^انسحاب كامل|إمكانية سفر الجرحى/);
    expect(summary[0]).toMatch(/^المرحلة الأولى من الاتفاق ستستمر/);
    expect(summaryFlaws(summary, article)).toEqual([]);
  });

  it('never takes half a sentence: a paragraph the outlet broke off on a comma', () => {
    const { summary, article } = summaryOf('عمليات عسكرية للحوثيين في البحر الأحمر', [
      'أعلنت جماعة أنصار الله الحوثيين في بيان متلفز مساء السبت تنفيذ 6 عمليات عسكرية ضد مجموعة من السفن، بما في ذلك حاملة طائرات ومدمرتين أميركيتين.',
      'أوضح البيان أن العملية الأولى استهدفت حاملة الطائرات الأميركية “آيزنهاور” في شمال البحر الأحمر، وأصابتها بعدد من الصواريخ والطائرات المسيرة،',
      'فيما استهدفت العملية الثانية مدمرة أميركية في البحر الأحمر، مما أدى إلى إصابتها مباشرة.',
    ].join('\n\n'));
    expect(summary.some((s) => s.endsWith('المسيرة،'))).toBe(false);
    expect(summaryFlaws(summary, article)).toEqual([]);
    expect(summaryFlaws(['أوضح البيان أن العملية الأولى استهدفت حاملة الطائرات، وأصابتها بعدد من الصواريخ،', 'وقال المتحدث إن العمليات ستستمر.'], article).map((f) => f.flaw)).toEqual(['unfinished']);
  });

  it('flags what a flawed summary looks like', () => {
    const article = parsed('خبر', 'نص الخبر الأول في الفقرة.');
    expect(summaryFlaws(['وتنص مسودة الاتفاق على مايلي:'], article).map((f) => f.flaw)).toEqual(['ends-on-colon']);
    expect(summaryFlaws(['ـ تعليق مؤقت للعمليات العسكرية المتبادلة بين الطرفين'], article).map((f) => f.flaw)).toEqual(['list-item']);
    expect(summaryFlaws(['قال المسؤول إن المفاوضات مستمرة…'], article).map((f) => f.flaw)).toEqual(['unfinished']);
  });
});

describe('summaries over the whole labelled set', () => {
  it('has no flawed summary (every file in tests/fixtures/labelled/)', () => {
    const audit = auditLabelledSummaries();
    expect(audit.articles).toBeGreaterThan(0);
    expect(audit.flawed).toEqual([]);
  });
});
