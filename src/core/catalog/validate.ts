/**
 * Catalogue validation: every problem is listed at once, in words a data editor can act on.
 */
import type { Topic, TopicId } from '../topic.js';
import { phraseTokens } from '../matching/tokens.js';

/** Thrown when the built-in catalogue is broken: a bug in data/, not a runtime condition. */
export class CatalogError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Topic catalogue is invalid:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
    this.name = 'CatalogError';
  }
}

const ID_FORMAT = /^(country:[A-Z]{2}|(region|city|conflict|person|theme):[a-z0-9]+(-[a-z0-9]+)*|kw:[0-9a-f]+)$/;

function cyclic(id: TopicId, byId: ReadonlyMap<TopicId, Topic>): boolean {
  const seen = new Set<TopicId>();
  const stack = [...(byId.get(id)?.parents ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as TopicId;
    if (next === id) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(byId.get(next)?.parents ?? []));
  }
  return false;
}

/** Every problem with `topics`: duplicate or malformed id, unknown parent, cycle, a word that normalizes to nothing. */
export function catalogProblems(topics: readonly Topic[]): string[] {
  const problems: string[] = [];
  const byId = new Map<TopicId, Topic>();
  for (const t of topics) {
    if (byId.has(t.id)) problems.push(`duplicate topic id "${t.id}"`);
    byId.set(t.id, t);
    if (!ID_FORMAT.test(t.id)) problems.push(`topic id "${t.id}" does not look like kind:name`);
  }
  for (const t of topics) {
    for (const p of t.parents) if (!byId.has(p)) problems.push(`${t.id}: unknown parent "${p}"`);
    if (cyclic(t.id, byId)) problems.push(`${t.id}: parents form a cycle`);
    const words: [string, readonly string[]][] = [
      ['name', [t.names.ar, t.names.en]],
      ['alias', [...t.aliases.ar, ...t.aliases.en]],
      ['weak alias', t.weak],
      ['blocker', t.blockers],
    ];
    for (const [what, list] of words) {
      for (const w of list) if (phraseTokens(w).length === 0) problems.push(`${t.id}: ${what} "${w}" normalizes to nothing`);
    }
  }
  return problems;
}

/** Returns `topics` unchanged, or throws a CatalogError listing every problem. */
export function validateCatalog<T extends readonly Topic[]>(topics: T): T {
  const problems = catalogProblems(topics);
  if (problems.length > 0) throw new CatalogError(problems);
  return topics;
}
