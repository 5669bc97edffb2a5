/**
 * Multi-word free keywords a reader follows (الدعم السريع، صندوق النقد الدولي، الانتخابات الرئاسية),
 * on sentences from the labelled sets: found under clitics, inside longer names and in quotes;
 * never from other words for the same thing, and never from one clause deep in the body.
 */
import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { keywordTopic } from '../../../src/core/keyword-topic.js';
import { createMatcher } from '../../../src/core/matcher.js';
import type { Topic } from '../../../src/core/topic.js';
import { article } from './support.js';

const keyword = (text: string): Topic => {
  const t = keywordTopic(text);
  if (!t.ok) throw new Error(t.error.reason);
  return t.value;
};

const matcher = createMatcher(builtinTopics());
const rsf = keyword('الدعم السريع');
const imf = keyword('صندوق النقد الدولي');
const elections = keyword('الانتخابات الرئاسية');
for (const k of [rsf, imf, elections]) matcher.add(k);
const matchOf = (topic: Topic, title: string, ...paragraphs: string[]) =>
  matcher.match(article(title, paragraphs)).find((m) => m.topicId === topic.id);

describe('multi-word free keywords', () => {
  it('finds الدعم السريع inside قوات الدعم السريع, in quotes and under a clitic', () => {
    const lead = 'أعلنت قوات الدعم السريع، الأحد، سيطرتها على مقر الفرقة السادسة مشاة في مدينة الفاشر، آخر معاقل الجيش السوداني في إقليم دارفور.';
    for (const title of ['الدعم السريع تعلن السيطرة على الفاشر', 'السودان: «الدعم السريع» تسيطر على الفاشر', 'اتهامات للدعم السريع بقتل مدنيين في الفاشر']) {
      expect({ title, matched: matchOf(rsf, title, lead) !== undefined }).toEqual({ title, matched: true });
    }
  });

  it('finds صندوق النقد الدولي under و and ل and shows the words it matched', () => {
    const m = matchOf(imf, 'مصر تسدد لصندوق النقد الدولي قسطاً جديداً', 'واتفقت الحكومة وصندوق النقد الدولي على زيادة قرض مصر إلى ثمانية مليارات دولار.');
    expect(m?.evidence.map((e) => e.text)).toEqual(['لصندوق النقد الدولي', 'وصندوق النقد الدولي']);
  });

  it('does not fire from another name for the thing, or from one clause closing a story about something else', () => {
    expect(matchOf(elections, 'إيران: مسعود بزشكيان رئيساً بعد فوزه على جليلي', 'وجرى الاستحقاق الرئاسي المبكر بعد مقتل الرئيس إبراهيم رئيسي في تحطم مروحية.')).toBeUndefined();
    expect(matchOf(rsf, 'البرهان يعين كامل إدريس رئيساً للوزراء في السودان',
      'أصدر رئيس مجلس السيادة في السودان الفريق أول عبد الفتاح البرهان، الاثنين، مرسوماً بتعيين الدبلوماسي السابق كامل إدريس رئيساً لمجلس الوزراء.',
      'ورحب الاتحاد الأفريقي بالخطوة، معرباً عن أمله في أن تمهد لحوار سوداني شامل ينهي الحرب.',
      'وتتخذ الحكومة من بورتسودان على البحر الأحمر مقراً مؤقتاً منذ اندلاع الحرب مع قوات الدعم السريع في الخرطوم.')).toBeUndefined();
  });

  it('finds an all-definite phrase written indefinite: انتخابات رئاسية', () => {
    // rozpress.net
    const m = matchOf(elections, 'الأميركيون يتوجهون إلى صناديق الاقتراع في انتخابات رئاسية حاسمة',
      'توجه الأميركيون اليوم الثلاثاء إلى صناديق الاقتراع لاختيار الرئيس الـ47 للولايات المتحدة، في سباق محتدم بين المرشح الجمهوري دونالد ترامب ومنافسته الديمقراطية كامالا هاريس.');
    expect(m?.evidence.map((e) => e.text)).toEqual(['انتخابات رئاسية']);
  });

  it('counts the short form صندوق النقد and the back-reference الصندوق beside the full name', () => {
    // eqtsadbilarabi.com
    const m = matchOf(imf, '',
      'حسم صندوق النقد الدولي، مصير الشريحة الثالثة من برنامج دعم مصر، والتي تتيح صرف شريحة مالية بقيمة 820 مليون دولار.',
      'وكان صندوق النقد أجّل مناقشة صرف الشريحة الثالثة من القرض الممنوح لمصر من 10 إلى 29 يوليو الجاري، دون توضيح أسباب التأجيل.',
      'وأجرت بعثة من الصندوق زيارة إلى القاهرة في مايو الماضي، لإجراء المراجعة الثالثة لبرنامج الإصلاح الاقتصادي، بعد أن اعتمد مجلس الصندوق، بنهاية مارس، المراجعتين الأولى والثانية.');
    expect(m?.evidence.map((e) => [e.text, e.weak])).toEqual([['صندوق النقد الدولي', false], ['صندوق النقد', true], ['الصندوق', true]]);
  });

  it('does not read صندوق النقد العربي, another body, as the IMF', () => {
    // analyticseg.com
    expect(matchOf(imf, 'صندوق النقد العربي يعلن تقديم قروض بقيمة 1.1 مليار دولار',
      'أعلن صندوق النقد العربي اليوم عن تقديم قروض بقيمة إجمالية بلغت 277 مليون دينار عربي، تعادل نحو 1.1 مليار دولار، لدعم جهود الدول العربية الأعضاء في مواجهة التحديات الاقتصادية المتنامية.',
      'وتأتي هذه القروض في إطار جهود الصندوق المستمرة لتعزيز الاستقرار المالي في المنطقة وتعزيز آفاق النمو الاقتصادي.')).toBeUndefined();
  });

  it('fires from the lead alone: a reader who follows the phrase wants the story whose lead names it', () => {
    // sawtbeirut.com; the headline from the page's address.
    const m = matchOf(elections, 'على مدى ثلاثة أيام.. المصريون يدلون بأصواتهم',
      'يتوجه المصريون إلى صناديق الاقتراع، اليوم الأحد، للإدلاء بأصواتهم في الانتخابات الرئاسية التي من المتوقع أن يفوز فيها عبد الفتاح السيسي بولاية ثالثة، في الوقت الذي تواجه فيه البلاد أزمة اقتصادية وحربًا على حدودها مع غزة.');
    expect(m?.evidence.map((e) => [e.zone, e.text])).toEqual([['lead', 'الانتخابات الرئاسية']]);
  });
});

