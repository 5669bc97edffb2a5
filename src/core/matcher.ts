/**
 * The topic matcher: compiled once from topics into a token trie; `match` costs a few
 * Map look-ups per token whatever the number of topics; `add`/`remove` change one topic
 * (a user's free keyword) without rebuilding anything.
 */
import type { Article } from './article.js';
import type { ArticleTokens } from './article-tokens.js';
import type { Topic, TopicId, TopicMatch } from './topic.js';
import { builtinContextWords, builtinDecoys } from './catalog.js';
import { compileContext, type RawContextWords } from './matching/context.js';
import { findHits } from './matching/hits.js';
import { createPhraseIndex, type Blockers, type TopicInfo } from './matching/phrase-index.js';
import { DEFAULT_WEIGHTS, relevantTopics, type RelevanceWeights, type TopicGraph } from './matching/relevance.js';
import { createTallyBoard } from './matching/tally.js';
import { searchTopics as searchIn, type TopicSearchHit } from './catalog/search.js';
import { phraseTokens } from './matching/tokens.js';

export type { TopicSearchHit };

export interface TopicMatcher {
  /**
   * The topics the article is about, best first, each with score, evidence and path.
   * `tokens` (articleTokens of the same article) saves normalizing its text again.
   */
  match(article: Article, tokens?: ArticleTokens): TopicMatch[];
  /** Adds a topic or replaces the one with the same id. */
  add(topic: Topic): void;
  remove(id: TopicId): void;
  get(id: TopicId): Topic | undefined;
  /** Every topic the matcher knows, in insertion order. */
  topics(): readonly Topic[];
  /**
   * Finds topics by any Arabic or English name or alias ("armenia", "أرمينية", "القوقاز").
   * Free keyword topics are never listed: they are other users' words.
   */
  searchTopics(query: string, limit?: number): TopicSearchHit[];
}

export interface MatcherOptions {
  /** Phrases that name no topic and hide the words they contain (outlet names like روسيا اليوم). */
  readonly decoys?: readonly string[];
  readonly weights?: RelevanceWeights;
  /** Word lists of the place-name context rules; the catalogue's by default. */
  readonly context?: RawContextWords;
}

interface Compiled {
  readonly topic: Topic;
  /**
   * Its indexed phrases, each once, as normalized words joined by spaces (tokens have none): what
   * removing it walks. Not the token arrays: a keyword's names and aliases are mostly the same
   * phrase, and with 20,000 keywords the copies were a large part of the matcher's memory.
   */
  readonly phrases: readonly string[];
  /** The person's offices, normalized as hit keys are. */
  readonly offices?: ReadonlySet<string>;
  /** The topic's lone number (PhraseEntry.lone), if it has one. */
  readonly lone: number | undefined;
}

/** A free keyword no rule applies to: its hits need only be counted (matching/tally.ts). */
const isLone = (topic: Topic): boolean =>
  topic.kind === 'keyword' && topic.parents.length === 0 && topic.blockers.length === 0 && topic.weak.length === 0;

function compileBlockers(list: readonly string[]): Blockers | undefined {
  if (list.length === 0) return undefined;
  const words = new Set<string>();
  const phrases: string[][] = [];
  for (const b of list) {
    const tokens = phraseTokens(b);
    if (tokens.length === 1) words.add(tokens[0] as string);
    else if (tokens.length > 1) phrases.push(tokens);
  }
  return { words, phrases };
}

/** Builds a matcher over `topics` (use `builtinTopics()` for the catalogue). */
export function createMatcher(topics: readonly Topic[], options: MatcherOptions = {}): TopicMatcher {
  // Free keywords share the trie but are matched apart from the catalogue, and loosely.
  const index = createPhraseIndex({ loose: true });
  const compiled = new Map<TopicId, Compiled>();
  // What search lists: everything but free keywords, kept apart so 20,000 keywords cost search nothing.
  const listed = new Map<TopicId, Topic>();
  let listedCache: readonly Topic[] | undefined;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  // Pools ask for the catalogue's topics: the small map first (with 20,000 keywords, `compiled` is cold in memory).
  const topicOf = (id: TopicId): Topic | undefined => listed.get(id) ?? compiled.get(id)?.topic;
  const parentsOf = (id: TopicId): readonly TopicId[] => topicOf(id)?.parents ?? [];
  // Countries and regions are members of their parent regions; cities, people and conflicts are part of theirs.
  const partOf = (id: TopicId): readonly TopicId[] => {
    const topic = topicOf(id);
    return !topic || topic.kind === 'country' || topic.kind === 'region' ? [] : topic.parents;
  };

  const officesOf = (id: TopicId): ReadonlySet<string> | undefined => compiled.get(id)?.offices;
  // Lone numbers index typed arrays (tally.ts): a removed topic's number is given to the next one.
  const board = createTallyBoard();
  // The topic of each lone number, for the tallied topics that fire (relevance.ts).
  const loneTopics: (Topic | undefined)[] = [];
  const spareNumbers: number[] = [];
  let nextNumber = 0;

  const placeNames = topics.filter((t) => t.kind === 'country' || t.kind === 'city').map((t) => t.names.ar);
  const context = compileContext(options.context ?? builtinContextWords(), placeNames);
  // Sport words ride the same scan (context rules ask whether a sentence is about sport).
  for (const word of context.sport) index.add([word], { topicId: undefined, weak: false, marker: 'sport' });
  for (const decoy of options.decoys ?? builtinDecoys()) {
    const tokens = phraseTokens(decoy);
    if (tokens.length > 0) index.add(tokens, { topicId: undefined, weak: false });
  }

  const remove = (id: TopicId): void => {
    const old = compiled.get(id);
    if (!old) return;
    for (const phrase of old.phrases) index.remove(phrase.split(' '), id);
    if (old.lone !== undefined) {
      spareNumbers.push(old.lone);
      loneTopics[old.lone] = undefined;
    }
    compiled.delete(id);
    if (listed.delete(id)) listedCache = undefined;
  };

  const add = (topic: Topic): void => {
    remove(topic.id);
    const place = topic.kind === 'country' || topic.kind === 'city';
    const info: TopicInfo = { parents: topic.parents, blockers: compileBlockers(topic.blockers), place, topic };
    const lone = isLone(topic) ? (spareNumbers.pop() ?? nextNumber++) : undefined;
    if (lone !== undefined) loneTopics[lone] = topic;
    const phrases = new Set<string>();
    const strong = [topic.names.ar, topic.names.en, ...topic.aliases.ar, ...topic.aliases.en];
    // A name that is also listed as weak (مالي، عمان: the word means something else too) is weak only.
    const weakKeys = new Set(topic.weak.map((w) => phraseTokens(w).join(' ')));
    for (const [list, weak] of [[strong, false], [topic.weak, true]] as const) {
      for (const alias of list) {
        const tokens = phraseTokens(alias);
        if (tokens.length === 0 || (!weak && weakKeys.has(tokens.join(' ')))) continue;
        index.add(tokens, { topicId: topic.id, weak, info, free: topic.kind === 'keyword', lone });
        phrases.add(tokens.join(' '));
      }
    }
    const offices = topic.offices?.length ? new Set(topic.offices.map((o) => phraseTokens(o).join(' '))) : undefined;
    const kept = [...phrases];
    compiled.set(topic.id, offices ? { topic, phrases: kept, lone, offices } : { topic, phrases: kept, lone });
    if (topic.kind !== 'keyword') {
      listed.set(topic.id, topic);
      listedCache = undefined;
    }
  };

  for (const topic of topics) add(topic);
  const graph: TopicGraph = { parentsOf, partOf, officesOf, loneTopic: (num) => loneTopics[num] };

  return {
    match(article, tokens) {
      const hits = findHits(article, index, tokens, context, board);
      const out: TopicMatch[] = [];
      for (const r of relevantTopics(hits, graph, weights)) {
        const topic = r.topic ?? topicOf(r.topicId);
        if (topic) out.push({ topicId: r.topicId, kind: topic.kind, name: topic.names, score: r.score, evidence: r.evidence, path: r.path });
      }
      return out;
    },
    add,
    remove,
    get: (id) => compiled.get(id)?.topic,
    topics: () => [...compiled.values()].map((c) => c.topic),
    searchTopics(query, limit = 10) {
      listedCache ??= [...listed.values()];
      return searchIn(listedCache, query, limit);
    },
  };
}
