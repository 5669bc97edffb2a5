/**
 * The built-in topic catalogue: data/topics.json (aliases are data, not code), built
 * into Topics and validated once, on first use.
 * Contract: `builtinTopics()` returns every built-in topic or throws a CatalogError
 * listing every problem (unknown parent, duplicate id, alias normalizing to nothing).
 */
import data from '../../data/topics.json' with { type: 'json' };
import type { Topic } from './topic.js';
import { buildTopics, rawCatalogProblems } from './catalog/build.js';
import { rawCatalogSchema, rawContextSchema, type RawCatalog } from './catalog/raw.js';
import type { RawContextWords } from './matching/context.js';
import { searchTopics as searchIn, type TopicSearchHit } from './catalog/search.js';
import { CatalogError, validateCatalog } from './catalog/validate.js';

export { CatalogError, catalogProblems, validateCatalog } from './catalog/validate.js';
export type { TopicSearchHit } from './catalog/search.js';

let raw: RawCatalog | undefined;
let topics: readonly Topic[] | undefined;

function rawCatalog(): RawCatalog {
  if (raw) return raw;
  const parsed = rawCatalogSchema.safeParse(data);
  if (!parsed.success) {
    throw new CatalogError(parsed.error.issues.map((i) => `data/topics.json ${i.path.join('.')}: ${i.message}`));
  }
  return (raw = parsed.data);
}

/** Every built-in topic (countries, regions, cities, conflicts, people, themes), validated. */
export function builtinTopics(): readonly Topic[] {
  if (topics) return topics;
  const source = rawCatalog();
  const problems = rawCatalogProblems(source);
  if (problems.length > 0) throw new CatalogError(problems);
  return (topics = Object.freeze(validateCatalog(buildTopics(source))));
}

/** The word lists of the place-name context rules (sport, venue, organization names). */
export function builtinContextWords(): RawContextWords {
  return rawCatalog().context ?? rawContextSchema.parse({});
}

/** Phrases that name no topic and hide their words from the matcher (روسيا اليوم is an outlet, not Russia). */
export function builtinDecoys(): readonly string[] {
  return rawCatalog().decoys;
}

/**
 * Finds built-in topics by any Arabic or English name or alias: "armenia", "ارمينيا",
 * "أرمينية", "القوقاز", "karabakh". Best first; at most `limit`.
 */
export function searchTopics(query: string, limit = 10): TopicSearchHit[] {
  return searchIn(builtinTopics(), query, limit);
}
