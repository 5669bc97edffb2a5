/**
 * Leaders: a news lead names its subject in its opening words, and the press names a state by its
 * leader. Sentences from stored Arabic news pages that are in none of the labelled sets.
 */
import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { article } from './support.js';

const matcher = createMatcher(builtinTopics());
const matches = (title: string, ...paragraphs: string[]) => matcher.match(article(title, paragraphs));
const fired = (title: string, ...paragraphs: string[]): string[] => matches(title, ...paragraphs).map((m) => m.topicId);

describe('a person named in the opening words of the lead', () => {
  // aldarnews.net: the headline says only «الملك»; the lead opens on the king receiving a guest.
  const title = 'الملك ورئيس مجلس النواب العراقي يؤكدان ضرورة الحفاظ على أمن سوريا';
  const lead = 'استقبل جلالة الملك عبدالله الثاني في قصر الحسينية، اليوم الثلاثاء، رئيس مجلس النواب العراقي الدكتور محمود المشهداني، بحضور سمو الأمير الحسين بن عبدالله الثاني، ولي العهد.';
  const body = 'وتطرق اللقاء إلى أبرز مستجدات المنطقة، لا سيما التطورات في سوريا، وضرورة الحفاظ على أمنها واستقرارها، وإلى الجهود المبذولة لوقف الحرب الإسرائيلية على غزة.';

  it('is what the story is about, as if the headline named them', () => {
    const king = matches(title, lead, body).find((m) => m.topicId === 'person:abdullah-ii');
    expect(king?.evidence.map((e) => [e.zone, e.text])).toContainEqual(['lead', 'عبدالله الثاني']);
    expect(fired(title, lead, body)).toContain('country:JO');
  });

  it('counts only there: the same name once, later in the lead, is a mention', () => {
    const later = 'وفي إطار الزيارة، بحث رئيس مجلس النواب العراقي الدكتور محمود المشهداني أبرز مستجدات المنطقة مع جلالة الملك عبدالله الثاني في قصر الحسينية.';
    expect(fired('رئيس مجلس النواب العراقي يختتم زيارة رسمية', later, body)).not.toContain('person:abdullah-ii');
  });
});

describe('a state named by its leader', () => {
  it('reads ساسو نغيسو as the Republic of the Congo, not DR Congo', () => {
    // elhora.info
    const got = fired('',
      'أدى الرئيس الكونغولي دينيس ساسو نغيسو اليمين الدستورية الجمعة في برازافيل لتولي ولاية رابعة، وتعهد أمام حوالي 20 من القادة الأفارقة بحماية غابة حوض الكونغو التي وصفها بأنها "الرئة الإفريقية التي يتنفس عبرها العالم".',
      'ويبلغ نغيسو 77 عاما قضى نحو 37 منها في السلطة، وبدأ الجمعة ولاية جديدة تمتد ل5 سنوات على رأس البلد الواقع في وسط إفريقيا والغني بالغاز والخشب.');
    expect(got).toContain('country:CG');
    expect(got).not.toContain('country:CD');
  });

  it('reads كاجامي as Rwanda', () => {
    // alqaheranews.net: the country is named once; the president three times.
    const got = fired('',
      'توجه الناخبون في رواندا إلى صناديق الاقتراع، اليوم الاثنين، للإدلاء بأصواتهم في الانتخابات الرئاسية.',
      'ويتولى كاجامي، منصب الرئيس منذ عام 2000، وينافسه في الانتخابات مرشحان آخران، هما فرانك هابينيزا وفيليب مباييمانا، اللذين خاضا الانتخابات السابقة أمامه أيضًا في عام 2017.',
      'ومُنع عدة مرشحين آخرين، من بينهم بعض من أبرز منتقدي كاجامي، من الترشح لأسباب مختلفة تشمل إدانات جنائية سابقة.');
    expect(got).toContain('country:RW');
  });
});

describe('Niger and Nigeria’s Niger State', () => {
  it('reads ولاية النيجر as a state of Nigeria', () => {
    // ksaplayers.com, no headline on the page: its first sentence condensed into one.
    const got = fired('القلق يزداد في ولاية النيجر بعد سيطرة بوكو حرام على بلدات فيها',
      'يزداد القلق لدى السلطات المحلية في ولاية النيجر الواقعة شمال وسط نيجيريا بعد أن سيطر مقاتلو بوكو حرام على عدة بلدات فيها. وذكر سليمان تشوكوبا رئيس الحكومة المحلية بالولاية أن أفراد بوكو حرام، المنضمة لتنظيم "الدولة الإسلامية"، أغروا القرويين بالانضمام إليهم لقتال الحكومة وقدموا إليهم أموالا.');
    expect(got).not.toContain('country:NE');
  });
});
