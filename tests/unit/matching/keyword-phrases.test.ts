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
});
