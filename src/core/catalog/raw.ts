/**
 * The shape of data/topics.json, checked with zod so a typo in the data is a clear
 * error at load time rather than a topic that silently never fires.
 */
import { z } from 'zod';

const words = z.array(z.string()).default([]);

export const rawCountrySchema = z.strictObject({
  /** Replaces the Intl Arabic name where it is wrong for news use (فلسطين, not الأراضي الفلسطينية). */
  nameAr: z.string().optional(),
  nameEn: z.string().optional(),
  /** The Intl name is ambiguous as a word (مالي = financial): it becomes a weak alias. */
  nameWeak: z.boolean().optional(),
  ar: words,
  en: words,
  /** Masculine nisba adjectives (أرميني); expanded to ة/ون/ين/ات/ان/تان/تين forms. */
  nisba: words,
  weak: words,
  blockers: words,
});

export const rawTopicSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['region', 'city', 'conflict', 'person', 'theme']),
  name: z.strictObject({ ar: z.string(), en: z.string() }),
  ar: words,
  en: words,
  weak: words,
  blockers: words,
  parents: words,
  /** For regions: these topics get this region as a parent. */
  members: words,
  /**
   * For people: the office the press names them by (الرئيس المصري). A weak alias of the person (it
   * counts beside their name: the same story calls Sisi «الرئيس المصري» four times), and an alias
   * of the parent country too, so the longer phrase never hides the country's own word.
   */
  office: words,
  /** For people: honorifics that refer back to them (جلالته، سموه): like an office, but no country's alias. */
  honorific: words,
});

/** Word lists for the place-name context rules (src/core/matching/context.ts). */
export const rawContextSchema = z.strictObject({
  sport: words,
  nationalTeam: words,
  club: words,
  event: words,
  state: words,
  meeting: words,
  host: words,
  venueLead: words,
  org: words,
  media: words,
  mediation: words,
  mediationNoun: words,
  mediationLead: words,
  travelFrom: words,
  embassy: words,
  namedAfter: words,
  matchVerb: words,
  personTitle: words,
});

export const rawCatalogSchema = z.object({
  countryCodes: z.string(),
  context: rawContextSchema.optional(),
  decoys: words,
  countries: z.record(z.string().regex(/^[A-Z]{2}$/), rawCountrySchema),
  topics: z.array(rawTopicSchema),
});

export type RawCatalog = z.infer<typeof rawCatalogSchema>;
export type RawCountry = z.infer<typeof rawCountrySchema>;
