/**
 * Cities where a meeting is held, headline datelines, currencies, seas named after a country, names
 * that look like adjectives, and the other side of a match (holdout-13 to holdout-18 counted as
 * development after their one run). Each test names the sentence that decides.
 */
import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { article } from './support.js';
import { labelledById } from './labelled.js';

const matcher = createMatcher(builtinTopics());
const { fired } = labelledById(matcher, ['original', 'holdout-5', 'holdout-13', 'holdout-14', 'holdout-15', 'holdout-16', 'holdout-17', 'holdout-18']);
const firedFor = (title: string, ...body: string[]): string[] => matcher.match(article(title, body)).map((m) => m.topicId);

describe('a city where a meeting is held', () => {
  it('is no news about the city even when its country is a party: «ملك البحرين يستقبل … في أبوظبي»', () => {
    const got = fired('h13-spa-bahrain-king-abu-dhabi-nahyan-sheikhs');
    expect(got).toEqual(expect.arrayContaining(['country:BH', 'country:AE', 'person:hamad-bahrain']));
    expect(got).not.toContain('city:abu-dhabi');
  });

  it('reads «… يعقدان اجتماعا ثنائيا في الدوحة» as the meeting place', () => {
    const got = fired('h13-alquds-erdogan-tamim-bilateral-doha');
    expect(got).toEqual(expect.arrayContaining(['country:TR', 'country:QA', 'person:erdogan', 'person:tamim']));
    expect(got).not.toContain('city:doha');
  });

  it('reads «وفد روسي في دمشق» and «بالعاصمة دمشق» after a reception as where the talks were', () => {
    expect(fired('h13-drhisham-sharaa-novak-russian-delegation')).not.toContain('city:damascus');
  });

  it('reads «إلى العاصمة الإثيوبية أديس أبابا، حيث شارك في … مؤتمر» as where a trip went, its adjective too', () => {
    const got = fired('h14-von-tinubu-returns-abuja-au-summit');
    expect(got).toContain('country:NG');
    expect(got).not.toContain('city:addis-ababa');
    expect(got).not.toContain('country:ET');
  });

  it('keeps the state a visit goes to: «زيارة ملك ماليزيا إلى السعودية والبحرين»', () => {
    expect(firedFor(
      'زيارة ملك ماليزيا إلى السعودية والبحرين ستعود بفوائد جمة',
      'أعرب رئيس الوزراء الماليزي أنور إبراهيم عن تفاؤله من أن زيارة جلالة الملك الماليزي السلطان إبراهيم، إلى السعودية والبحرين ستعود بفوائد جمة وخير على الشعبين والبلاد.',
    )).toEqual(expect.arrayContaining(['country:SA', 'country:BH']));
  });

  it('still fires a city that is itself the story: a strike on it beside the meeting', () => {
    expect(firedFor(
      'غارات على دمشق بعد ساعات من اجتماع في دمشق',
      'شنت طائرات غارات على أحياء في دمشق فجر اليوم، وقال الدفاع المدني إن القصف طال مباني سكنية في دمشق.',
    )).toContain('city:damascus');
  });
});

describe('a headline dateline', () => {
  it('reads «أنقرة:» opening a headline as where the news came from', () => {
    const got = fired('h13-move2turkey-erdogan-receives-scholz');
    expect(got).toEqual(expect.arrayContaining(['country:TR', 'person:erdogan']));
    expect(got).not.toContain('city:ankara');
  });

  it('keeps a country before the colon: «السودان: …» is what the story is about', () => {
    expect(firedFor('السودان: مقتل 20 مدنيا في قصف على سوق شعبي', 'قتل عشرون مدنيا على الأقل في قصف استهدف سوقا شعبية، بحسب ما أفادت لجان محلية.')).toContain('country:SD');
  });
});

describe('a place name that starts with ب', () => {
  it('reads «يعود إلى بغداد» as Baghdad, not ب + a place, so Iraq still lends to «السوداني»', () => {
    expect(fired('h5-iq-sudani-ends-tehran-visit-alawla')).toEqual(expect.arrayContaining(['country:IQ', 'person:sudani', 'country:IR']));
  });
});

describe('currencies', () => {
  it('reads «الليرة التركية تهبط لمستوى قياسي جديد» as economy news about Turkey', () => {
    expect(fired('h13-alqaheranews-lira-record-31')).toEqual(expect.arrayContaining(['theme:economy', 'country:TR']));
  });

  it('does not read «اليورو 2024», the football championship, as the currency', () => {
    expect(firedFor('عين على اليورو 2024.. جورجيا تفاجئ البرتغال', 'فاجأت جورجيا نظيرتها البرتغال بالفوز عليها بهدفين دون رد في بطولة أوروبا لكرة القدم.')).not.toContain('theme:economy');
  });
});

describe('seas named after a place', () => {
  it('reads «باتجاه بحر اليابان» as a sea, not Japan', () => {
    expect(fired('h14-rimtoday-north-korea-ballistic-sea-of-japan')).not.toContain('country:JP');
  });

  it('reads Somali pirates «في خليج عدن» as no Red Sea attack and no Yemen story', () => {
    const got = fired('h14-aletihad-somali-pirates-antigua-ship-ransom');
    expect(got).not.toContain('conflict:red-sea');
    expect(got).not.toContain('country:YE');
  });

  it('keeps a Houthi attack in the Gulf of Aden as the Red Sea attacks', () => {
    expect(firedFor(
      'الحوثيون يستهدفون سفينة تجارية في خليج عدن',
      'أعلنت جماعة الحوثي استهداف سفينة تجارية في خليج عدن بصاروخين، وقالت هيئة عمليات التجارة البحرية البريطانية إن السفينة أصيبت.',
    )).toContain('conflict:red-sea');
  });
});

describe('a visit to a capital', () => {
  it('keeps the host country beside its own strong evidence: the Arab summit «في المنامة» that Bahrain chairs', () => {
    const got = fired('bh-arab-summit-manama');
    expect(got).toContain('country:BH');
    expect(got).not.toContain('city:manama');
  });
});

describe('a first name that looks like an adjective of nationality', () => {
  it('reads «تركي آل الشيخ» as a person, not Turkey', () => {
    expect(fired('h15-turki-alalshikh-riyadh-season-nationalities')).not.toContain('country:TR');
  });
});

describe('currencies name their country', () => {
  it('reads «الريال الإيراني» in a story about its fall as Iran', () => {
    expect(fired('h15-iran-rial-collapses-1-3-million')).toEqual(expect.arrayContaining(['country:IR', 'theme:economy']));
  });

  it('reads «الجنيه السوداني» beside «جمهورية السودان» as Sudan (the masculine nisba is weak: it is also the Iraqi prime minister\'s name)', () => {
    expect(fired('h16-sudanese-pound-stable-central-bank')).toEqual(expect.arrayContaining(['country:SD', 'theme:economy']));
    expect(fired('h5-iq-sudani-ends-tehran-visit-alawla')).not.toContain('country:SD');
  });

  it('reads «النيرة» as the naira', () => {
    expect(fired('h16-naira-record-low-official-market')).toEqual(expect.arrayContaining(['country:NG', 'theme:economy']));
  });
});

describe('the other side of a match', () => {
  it('reads «عقب فوزه على نظيره غينيا بيساو» in a match lead as Guinea-Bissau\'s team', () => {
    expect(fired('h16-nigeria-1-0-guinea-bissau-afcon')).toEqual(expect.arrayContaining(['country:NG', 'country:GW']));
  });

  it('reads «فاز المنتخب المغربي 1-صفر على موزامبيق» as both teams: the score is no dateline, موزامبيق is Mozambique', () => {
    expect(fired('h16-morocco-1-0-mozambique-tangier')).toEqual(expect.arrayContaining(['country:MA', 'country:MZ']));
  });

  it('reads «بفوزه اللافت على مضيفه العماني» as Oman\'s team, not the venue', () => {
    const got = fired('h15-jordan-beats-oman-muscat-alwan-hattrick');
    expect(got).toEqual(expect.arrayContaining(['country:JO', 'country:OM']));
    expect(got).not.toContain('city:muscat');
  });
});

describe('a trip and its destination', () => {
  it('reads «يصل إلى القاهرة للمشاركة في الدورة 158 لمجلس جامعة الدول العربية» as where a minister went', () => {
    const got = firedFor(
      'وزير الخارجية العماني يصل إلى القاهرة للمشاركة في الدورة 158 لمجلس جامعة الدول العربية',
      'وصل وزير الخارجية العماني بدر البوسعيدي إلى القاهرة للمشاركة في اجتماع مجلس جامعة الدول العربية على المستوى الوزاري.',
    );
    expect(got).toContain('country:OM');
    expect(got).not.toContain('city:cairo');
  });
});

describe('ships, seas and tankers', () => {
  it('reads a Houthi attack «في البحر الأحمر» as the Red Sea attacks', () => {
    expect(fired('h17-houthis-attack-greek-ship-tutor')).toEqual(expect.arrayContaining(['conflict:red-sea', 'country:YE']));
  });

  it('reads Egypt\'s Red Sea governorate as no attack', () => {
    expect(firedFor('محافظة البحر الأحمر تستقبل آلاف السياح في الغردقة', 'استقبلت مدن محافظة البحر الأحمر المصرية آلاف السياح خلال عطلة نهاية الأسبوع، وقال محافظ البحر الأحمر إن نسب الإشغال الفندقي تجاوزت 90 في المئة.')).not.toContain('conflict:red-sea');
  });

  it('reads a tanker seized off Togo as no oil news', () => {
    const got = fired('h18-greek-tanker-seized-off-togo');
    expect(got).not.toContain('theme:energy');
    expect(got).not.toContain('theme:economy');
  });
});

describe('names', () => {
  it('reads «خالد بن محمد بن زايد» as the son, not Mohamed bin Zayed', () => {
    expect(fired('h17-bahrain-crown-prince-receives-khaled-bin-mbz')).not.toContain('person:mbz');
  });

  it('reads «أمانة عمان» as Amman\'s municipality: news about the city', () => {
    expect(fired('h17-amman-roadworks-night')).toContain('city:amman');
  });

  it('reads «بنغلادش» as Bangladesh', () => {
    expect(fired('h18-yunus-named-bangladesh-interim-head')).toContain('country:BD');
  });

  it('reads «موازنة العام المالي» as economy news', () => {
    expect(fired('h17-kuwait-budget-2026-27-deficit')).toEqual(expect.arrayContaining(['country:KW', 'theme:economy']));
  });
});
