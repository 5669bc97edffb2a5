/**
 * `tanbih topics [words…]`: without words, lists the built-in catalogue grouped by kind
 * (Arabic name, English name, id); with words, finds topics by any Arabic or English
 * name or alias ("armenia", "ارمينيا", "أرمينية", "القوقاز", "karabakh").
 * Exit code: 0 when something is listed, 1 when nothing matches, 2 on a broken catalogue.
 */
import { builtinTopics, CatalogError, searchTopics } from '../core/catalog.js';
import type { Topic, TopicKind } from '../core/topic.js';
import type { CliIo } from './io.js';

const KINDS: readonly TopicKind[] = ['country', 'region', 'conflict', 'city', 'person', 'theme'];
const LIMIT = 15;

const line = (t: Topic): string => `  ${t.names.ar} — ${t.names.en}  (${t.id})`;

function listAll(topics: readonly Topic[]): string {
  const out: string[] = [];
  for (const kind of KINDS) {
    const group = topics.filter((t) => t.kind === kind).toSorted((a, b) => a.names.en.localeCompare(b.names.en));
    if (group.length === 0) continue;
    out.push(`${kind} (${group.length})`, ...group.map(line), '');
  }
  out.push(`${topics.length} topics. Find one: npm run -s topics -- <name in Arabic or English>`);
  return out.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let topics: readonly Topic[];
  try {
    topics = builtinTopics();
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  const query = args.filter((a) => !a.startsWith('--')).join(' ').trim();
  if (query === '') {
    io.stdout.write(`${listAll(topics)}\n`);
    return 0;
  }
  const hits = searchTopics(query, LIMIT);
  if (hits.length === 0) {
    io.stderr.write(`No topic matches "${query}". Run without words to list them all; any word can still be followed as a keyword.\n`);
    return 1;
  }
  for (const { topic, via } of hits) {
    const parents = topic.parents.length > 0 ? `  ↑ ${topic.parents.join(', ')}` : '';
    io.stdout.write(`${topic.kind.padEnd(8)} ${line(topic).trim()}${via === topic.names.ar || via === topic.names.en ? '' : `  [${via}]`}${parents}\n`);
  }
  return 0;
}
