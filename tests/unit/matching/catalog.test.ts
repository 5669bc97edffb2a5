import { describe, expect, it } from 'vitest';
import { builtinTopics, CatalogError, catalogProblems, searchTopics, validateCatalog } from '../../../src/core/catalog.js';
import { buildTopics, nisbaForms, rawCatalogProblems } from '../../../src/core/catalog/build.js';
import { rawCatalogSchema } from '../../../src/core/catalog/raw.js';
import { asTopicId } from '../../../src/core/ids.js';
import { keywordTopic } from '../../../src/core/keyword-topic.js';
import { createMatcher } from '../../../src/core/matcher.js';
import type { Topic } from '../../../src/core/topic.js';

const topics = builtinTopics();
const byId = new Map(topics.map((t) => [t.id as string, t]));

const ARAB_STATES = ['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE'];

describe('the built-in catalogue', () => {
  it('has every country and territory, named in Arabic and English', () => {
    const countries = topics.filter((t) => t.kind === 'country');
    expect(countries.length).toBeGreaterThanOrEqual(249);
    for (const code of ARAB_STATES) expect(byId.get(`country:${code}`)?.names.ar).toMatch(/\p{Script=Arabic}/u);
    expect(byId.get('country:AM')?.names).toEqual({ ar: 'أرمينيا', en: 'Armenia' });
    expect(byId.get('country:PS')?.names).toEqual({ ar: 'فلسطين', en: 'Palestine' });
    expect(byId.get('country:SA')?.names.ar).toBe('السعودية');
  });

  it('gives Armenia its spellings and adjectives, with الأرمن as a weak alias', () => {
    const am = byId.get('country:AM');
    expect(am?.aliases.ar).toEqual(expect.arrayContaining(['أرمينية', 'ارمينيا', 'أرميني', 'أرمينيون', 'أرمينيين']));
    expect(am?.weak).toContain('الأرمن');
  });

  it('points capitals, leaders and conflicts to their country and regions to their members', () => {
    expect(byId.get('city:yerevan')?.parents).toEqual(['country:AM']);
    expect(byId.get('person:putin')?.parents).toEqual(['country:RU']);
    expect(byId.get('conflict:el-fasher')?.parents).toEqual(['conflict:darfur']);
    expect(byId.get('country:AM')?.parents).toContain('region:south-caucasus');
    expect(byId.get('conflict:nagorno-karabakh')?.parents).toContain('region:south-caucasus');
    for (const id of ['region:gulf', 'region:levant', 'region:maghreb', 'region:nile-valley', 'region:horn-of-africa', 'region:central-asia', 'region:balkans', 'region:eu', 'region:middle-east']) {
      expect(byId.has(id)).toBe(true);
    }
  });

  it('expands a nisba adjective into its forms', () => {
    expect(nisbaForms('أرميني')).toEqual(['أرميني', 'أرمينية', 'أرمينيون', 'أرمينيين', 'أرمينيات', 'أرمينيان', 'أرمينيتان', 'أرمينيتين']);
  });
});

const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({
  id: asTopicId(id), kind: 'theme', names: { ar: 'موضوع', en: 'Topic' }, aliases: { ar: [], en: [] },
  weak: [], blockers: [], parents: [], ...extra,
});

describe('catalogue validation', () => {
  it('lists every problem at once: unknown parent, duplicate id, alias that normalizes to nothing, cycle', () => {
    const problems = catalogProblems([
      topic('theme:a', { parents: [asTopicId('region:nowhere')] }),
      topic('theme:b'),
      topic('theme:b'),
      topic('theme:c', { aliases: { ar: ['ـــ ،،'], en: [] } }),
      topic('theme:d', { parents: [asTopicId('theme:e')] }),
      topic('theme:e', { parents: [asTopicId('theme:d')] }),
    ]);
    expect(problems).toEqual(expect.arrayContaining([
      'theme:a: unknown parent "region:nowhere"',
      'duplicate topic id "theme:b"',
      'theme:c: alias "ـــ ،،" normalizes to nothing',
      'theme:d: parents form a cycle',
    ]));
  });

  it('reports raw data that building would silently drop: unknown member, override for an unlisted code', () => {
    const raw = rawCatalogSchema.parse({
      countryCodes: 'AM AZ',
      countries: { AM: { ar: ['ارمينيا'] }, QQ: { ar: ['بلد'] } },
      topics: [{ id: 'region:test', kind: 'region', name: { ar: 'منطقة', en: 'Region' }, members: ['country:AM', 'country:GE'] }],
    });
    expect(rawCatalogProblems(raw)).toEqual([
      'countries.QQ: not in countryCodes, so it would be ignored',
      'region:test: unknown member "country:GE"',
    ]);
    const built = buildTopics(raw);
    expect(built.find((t) => t.id === 'country:AM')?.parents).toEqual(['region:test']);
    expect(built.find((t) => t.id === 'country:AM')?.names.ar).toBe('أرمينيا');
  });

  it('throws a CatalogError that names the problems', () => {
    expect(() => validateCatalog([topic('theme:a', { parents: [asTopicId('country:XX')] })])).toThrow(CatalogError);
    expect(() => validateCatalog([topic('theme:a', { parents: [asTopicId('country:XX')] })])).toThrow(/unknown parent "country:XX"/);
    expect(validateCatalog(topics)).toBe(topics);
  });
});

describe('finding topics by name', () => {
  it.each([
    ['armenia', 'country:AM'],
    ['ارمينيا', 'country:AM'],
    ['أرمينية', 'country:AM'],
    ['الأرمينية', 'country:AM'],
    ['القوقاز', 'region:south-caucasus'],
    ['karabakh', 'conflict:nagorno-karabakh'],
    ['قرة باغ', 'conflict:nagorno-karabakh'],
    ['فلسطين', 'country:PS'],
    ['الفاشر', 'conflict:el-fasher'],
    ['Putin', 'person:putin'],
  ])('"%s" finds %s first', (query, id) => {
    expect(searchTopics(query, 5)[0]?.topic.id).toBe(id);
  });

  it('finds by a prefix while typing, and nothing for nonsense or an empty query', () => {
    expect(searchTopics('armen', 5).map((h) => h.topic.id)).toContain('country:AM');
    expect(searchTopics('zzqx', 5)).toEqual([]);
    expect(searchTopics('  ', 5)).toEqual([]);
  });

  it('never lists other users’ keywords from the matcher', () => {
    const m = createMatcher(topics);
    const kw = keywordTopic('أرمينيا اليوم');
    if (!kw.ok) throw new Error(kw.error.reason);
    m.add(kw.value);
    expect(m.searchTopics('أرمينيا', 20).map((h) => h.topic.kind)).not.toContain('keyword');
    expect(m.searchTopics('أرمينيا', 1)[0]?.topic.id).toBe('country:AM');
  });
});
