/**
 * Builds Topic objects from the raw catalogue: countries get their names from
 * `Intl.DisplayNames` (Arabic and English) plus the data's overrides, nisba adjectives
 * are expanded, region members become parents. Sport, venue and organization words are not
 * blockers: the matcher's context rules (matching/context.ts) read them around each place hit.
 */
import { asTopicId, type TopicId } from '../ids.js';
import type { Topic } from '../topic.js';
import type { RawCatalog, RawCountry } from './raw.js';

/** أرميني → أرميني، أرمينية، أرمينيون، أرمينيين، أرمينيات، أرمينيان، أرمينيتان، أرمينيتين (ال is stripped by the matcher). */
export function nisbaForms(masculine: string): string[] {
  const base = masculine.trim();
  if (!base.endsWith('ي') || base.includes(' ')) return [base];
  return [base, `${base}ة`, `${base}ون`, `${base}ين`, `${base}ات`, `${base}ان`, `${base}تان`, `${base}تين`];
}

// Intl names such as "ميانمار (بورما)" or "الكونغو - كينشاسا" are cleaned for display.
const displayName = (name: string): string => name.replace(/\s*\(.*\)\s*/u, '').trim();

function countryTopic(code: string, raw: RawCountry | undefined, ar: Intl.DisplayNames, en: Intl.DisplayNames): Topic {
  const intlAr = displayName(ar.of(code) ?? code);
  const intlEn = displayName(en.of(code) ?? code);
  const nameAr = raw?.nameAr ?? intlAr;
  const nameEn = raw?.nameEn ?? intlEn;
  const strongAr = raw?.nameWeak ? [] : [intlAr];
  const weak = raw?.nameWeak ? [intlAr, nameAr, ...(raw.weak ?? [])] : [...(raw?.weak ?? [])];
  return {
    id: asTopicId(`country:${code}`),
    kind: 'country',
    names: { ar: nameAr, en: nameEn },
    aliases: {
      ar: unique([...strongAr, ...(raw?.ar ?? []), ...(raw?.nisba ?? []).flatMap(nisbaForms)].filter((a) => a !== nameAr || !raw?.nameWeak)),
      en: unique([intlEn, ...(raw?.en ?? [])]),
    },
    weak: unique(weak),
    blockers: unique(raw?.blockers ?? []),
    parents: [],
  };
}

const unique = (list: readonly string[]): string[] => [...new Set(list)];

/** Topics from the raw catalogue, parents resolved from region members. Not validated here. */
export function buildTopics(raw: RawCatalog): Topic[] {
  const ar = new Intl.DisplayNames(['ar'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const countries = raw.countryCodes.split(/\s+/u).filter(Boolean)
    .map((code) => countryTopic(code, raw.countries[code], ar, en));
  const others: Topic[] = raw.topics.map((t) => ({
    id: asTopicId(t.id),
    kind: t.kind,
    names: t.name,
    aliases: { ar: t.ar, en: t.en },
    weak: unique([...t.weak, ...t.office, ...t.honorific]),
    blockers: t.blockers,
    parents: t.parents.map(asTopicId),
    ...(t.office.length + t.honorific.length > 0 ? { offices: unique([...t.office, ...t.honorific]) } : {}),
  }));
  // An office names the person's country too: «الرئيس المصري» stays evidence for Egypt.
  const offices = new Map<string, string[]>();
  for (const t of raw.topics) for (const parent of t.parents) offices.set(parent, [...(offices.get(parent) ?? []), ...t.office]);
  const withOffices = countries.map((c) => {
    const extra = offices.get(c.id);
    return extra?.length ? { ...c, aliases: { ...c.aliases, ar: unique([...c.aliases.ar, ...extra]) } } : c;
  });
  const all = [...withOffices, ...others];
  const extraParents = new Map<TopicId, TopicId[]>();
  for (const region of raw.topics) {
    for (const member of region.members) {
      const list = extraParents.get(asTopicId(member)) ?? [];
      list.push(asTopicId(region.id));
      extraParents.set(asTopicId(member), list);
    }
  }
  return all.map((t) => {
    const extra = extraParents.get(t.id);
    return extra ? { ...t, parents: unique([...t.parents, ...extra]).map(asTopicId) } : t;
  });
}

/**
 * Mistakes in the raw data that building would silently drop: an override for a country
 * code that is not in the list, a region member that is no topic.
 */
export function rawCatalogProblems(raw: RawCatalog): string[] {
  const codes = new Set(raw.countryCodes.split(/\s+/u).filter(Boolean));
  const ids = new Set([...[...codes].map((c) => `country:${c}`), ...raw.topics.map((t) => t.id)]);
  const problems: string[] = [];
  for (const code of Object.keys(raw.countries)) {
    if (!codes.has(code)) problems.push(`countries.${code}: not in countryCodes, so it would be ignored`);
  }
  for (const t of raw.topics) {
    for (const m of t.members) if (!ids.has(m)) problems.push(`${t.id}: unknown member "${m}"`);
    if (t.members.length > 0 && t.kind !== 'region') problems.push(`${t.id}: only regions have members`);
  }
  return problems;
}
