/**
 * How a place word is used in its sentence (src/core/matching/context.ts), on articles of the
 * development sets (holdout-5 to holdout-10 count as development since their one run). Each test
 * names the sentence that decides.
 */
import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { labelledById, toArticle } from './labelled.js';

const matcher = createMatcher(builtinTopics());
const { byId, fired } = labelledById(matcher, ['original', 'news', 'holdout-1', 'holdout-3', 'holdout-5', 'holdout-6', 'holdout-7', 'holdout-8', 'holdout-9']);

describe('names that end like adjectives', () => {
  it('reads «السعودية تبقي على آمالها … بالفوز على البحرين» as the Saudi team, not an affiliation', () => {
    expect(fired('h5-sa-beat-bahrain-qualifiers-ajm')).toEqual(expect.arrayContaining(['country:SA', 'country:BH']));
  });

  it('reads «مالي تتأهل» and «منتخب مالي» as Mali, a weak name made strong by the national team', () => {
    expect(fired('h6-afcon-2025-mali-through-without-win')).toContain('country:ML');
  });
});

describe('sport', () => {
  it('reads a city in a match report as a club: «الهلال يتفوق على جاره الرياض»', () => {
    const got = fired('h5-club-hilal-beat-al-riyadh-okaz');
    expect(got).not.toContain('city:riyadh');
    expect(got).not.toContain('country:SA');
  });

  it('reads «ملعب عمان الدولي» as where the match was played, and «نظيره الأردني» as the other team', () => {
    expect(fired('h5-iq-beat-jo-amman-stadium-watanpress')).toEqual(expect.arrayContaining(['country:IQ', 'country:JO']));
  });

  it('reads the short lines of a draw after a sport paragraph as sport: «2- صن داونز الجنوب أفريقي / الأهلي المصري»', () => {
    expect(fired('h6-caf-cl-quarterfinal-draw-horoya-wydad')).not.toContain('country:EG');
  });

  it('reads «كأس العالم … في الولايات المتحدة والمكسيك وكندا» as one list of venues', () => {
    expect(fired('h6-wcq-dr-congo-beat-nigeria-pens-rabat')).not.toContain('country:MX');
  });
});

describe('mediators, trips and postings', () => {
  it('reads «بوساطة إماراتية» closing a headline as the mediator of a story about others', () => {
    expect(fired('h5-ru-ua-prisoners-63-uae-mediation')).not.toContain('country:AE');
  });

  it('reads «وساطة إماراتية ناجحة» opening a headline as the story itself', () => {
    expect(fired('ae-mediation-witkoff-khaleejtimes')).toContain('country:AE');
  });

  it('reads «قادما من جمهورية غينيا الاستوائية» and «سفيرها في غينيا الاستوائية» as a trip and a posting', () => {
    const got = fired('h6-mr-ghazouani-back-from-malabo-au');
    expect(got).toContain('country:MR');
    expect(got).not.toContain('country:GQ');
  });
});

describe('people', () => {
  it('counts «الرئيس المصري» for Sisi beside his name: he is named once and called by his office four times', () => {
    expect(fired('h6-cn-xi-receives-sisi-beijing')).toEqual(expect.arrayContaining(['person:sisi', 'person:xi']));
  });

  it('never counts an office lent by the country: «الرئيس الأمريكي جو بايدن» is not Trump', () => {
    expect(fired('h5-iq-biden-to-host-sudani-alqahera')).not.toContain('person:trump');
  });

  it('reads «بلال أردوغان» as the president’s son, not the president', () => {
    expect(fired('h5-sy-sharaa-receives-bilal-erdogan')).not.toContain('person:erdogan');
  });

  it('reads كوت ديفوار, the name the press uses, as Côte d’Ivoire', () => {
    expect(fired('h6-ci-presidential-vote-ouattara-fourth-term')).toContain('country:CI');
  });
});

describe('institutions', () => {
  it('reads «المستشفى السعودي للولادة في الفاشر» as a hospital’s name, not Saudi Arabia', () => {
    expect(fired('sd-elfasher-saudi-hospital')).not.toContain('country:SA');
  });

  it('reads «المجموعة الاقتصادية لدول غرب أفريقيا» as ECOWAS, not the economy', () => {
    expect(fired('h3b-ng-tinubu-clerics-to-niger')).not.toContain('theme:economy');
  });
});

describe('names the press writes its own way', () => {
  it('reads «نيجيريا ضد الكونغو الديمقراطية» as two teams: a name ending in an adjective is a name', () => {
    expect(fired('h8-ng-drc-playoff-final-rabat')).toEqual(expect.arrayContaining(['country:NG', 'country:CD']));
  });

  it('reads الجابون, the Egyptian spelling, as Gabon', () => {
    expect(fired('h8-ng-gabon-playoff-halftime')).toContain('country:GA');
  });

  it('reads «مصرف ليبيا المركزي» as a central bank: economy news', () => {
    expect(fired('h8-ly-dbeibah-central-bank-unified')).toContain('theme:economy');
  });

  it('reads «كأس الخليج» as a tournament, never as evidence for the Gulf', () => {
    const gulf = matcher.match(toArticle(byId('h7-bh-wins-gulf-cup-in-qatar-alanbat'))).find((m) => m.topicId === 'region:gulf');
    expect(gulf?.evidence.map((e) => e.text) ?? []).not.toContain('كأس الخليج');
  });
});

describe('people by the spellings the press uses', () => {
  it('reads «العماد جوزاف عون» as Joseph Aoun', () => {
    expect(fired('h7-lb-aoun-french-ambassador-unifil')).toContain('person:aoun');
  });
});

describe('sport, once more', () => {
  it('reads «منتخب عمان يبحث عن لقبه الثالث» as Oman’s team: a city is never a national team', () => {
    expect(fired('h9-oman-third-gulf-cup-title-pokisjs')).toContain('country:OM');
  });

  it('reads a match «بجدة» as played there, no news about Jeddah', () => {
    expect(fired('h9-iraq-open-playoff-vs-indonesia-jeddah-okaz')).not.toContain('city:jeddah');
  });

  it('reads «ستاد الملك عبدالله الثاني» as a stadium’s name, not the king', () => {
    const got = fired('h9-yarmouk-faisaly-second-half-opener-assawsana');
    expect(got).not.toContain('person:abdullah-ii');
    expect(got).not.toContain('country:JO');
  });
});

describe('elections', () => {
  it('reads a parliament’s session «لانتخـــ.ــاب رئيس» as elections news, the tatweel-held dot dropped', () => {
    expect(fired('h9-lebanon-fourth-session-elect-president-waghmsr')).toContain('theme:elections');
  });
});

