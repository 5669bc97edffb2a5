/**
 * A token trie from alias phrases to the topics they name. Look-up cost depends on the
 * phrase length only, never on how many topics are indexed, so 20,000 free keywords
 * cost the same per token as the built-in catalogue.
 */
import type { TopicId } from '../topic.js';
import { looseForm, tokenVariants } from './variants.js';

/** What matching needs to know about a topic, carried by its index entries (no look-ups per hit). */
export interface TopicInfo {
  readonly parents: readonly TopicId[];
  /** Blocker words and phrases, normalized; undefined when the topic has none. */
  readonly blockers: Blockers | undefined;
  /** Countries and cities: their hits go through the context rules (matching/context.ts). */
  readonly place?: boolean;
}

/** Blocker words and phrases of one topic, normalized. */
export interface Blockers {
  readonly words: ReadonlySet<string>;
  readonly phrases: readonly (readonly string[])[];
}

/** What an indexed phrase stands for. A decoy (`topicId` undefined) eats its words and names nothing. */
export interface PhraseEntry {
  readonly topicId: TopicId | undefined;
  readonly weak: boolean;
  readonly info?: TopicInfo;
}

interface Node {
  children: Map<string, Node> | undefined;
  entries: PhraseEntry[];
}

/** A phrase found in a token sequence: tokens [start, end) and what it names. */
export interface PhraseHit {
  readonly start: number;
  readonly end: number;
  readonly entries: readonly PhraseEntry[];
}

export interface PhraseIndex {
  /** Adds a phrase (already normalized tokens). */
  add(tokens: readonly string[], entry: PhraseEntry): void;
  /** Removes every entry of `topicId` under the phrase, and trie nodes left empty. */
  remove(tokens: readonly string[], topicId: TopicId): void;
  /** Trie nodes in use (for tests and metrics: adding then removing a keyword leaves none behind). */
  nodeCount(): number;
  /** tokenVariants(token), remembered: the same words come back in every article. */
  variants(token: string): readonly string[];
  /** Finds phrases in order, longest first at each position; matched words are consumed. */
  scan(tokens: readonly string[]): PhraseHit[];
}

const newNode = (): Node => ({ children: undefined, entries: [] });

export interface PhraseIndexOptions {
  /**
   * Also match phrases by the loose form of their long words (looseForm: g-letters folded,
   * inner long vowels dropped). For free keywords, whose users type one spelling of a
   * transliterated name and expect every spelling the press uses.
   */
  readonly loose?: boolean;
}

/** Distinct tokens whose variants are remembered; a news vocabulary fits with room to spare. */
const VARIANT_MEMO_LIMIT = 50_000;

export function createPhraseIndex(options: PhraseIndexOptions = {}): PhraseIndex {
  const loose = options.loose === true;
  const root = newNode();
  // Every article repeats the same few thousand words: their clitic variants are computed once.
  const variantMemo = new Map<string, readonly string[]>();
  const variantsOf = (token: string): readonly string[] => {
    let variants = variantMemo.get(token);
    if (variants === undefined) {
      if (variantMemo.size >= VARIANT_MEMO_LIMIT) variantMemo.clear();
      variants = tokenVariants(token);
      if (loose) {
        // Exact forms first, then the loose form of each (evidence prefers the literal reading).
        const folded = variants.map(looseForm).filter((v): v is string => v !== undefined);
        if (folded.length > 0) variants = [...new Set([...variants, ...folded])];
      }
      variantMemo.set(token, variants);
    }
    return variants;
  };

  // The trie nodes each token can open a phrase with (its variants that start one), most literal
  // first. Most words start none. Any add or remove may change the first level, so it empties this.
  const firstMemo = new Map<string, readonly Node[]>();
  const firstNodes = (token: string): readonly Node[] => {
    let nodes = firstMemo.get(token);
    if (nodes === undefined) {
      if (firstMemo.size >= VARIANT_MEMO_LIMIT) firstMemo.clear();
      const found: Node[] = [];
      for (const variant of variantsOf(token)) {
        const node = root.children?.get(variant);
        if (node) found.push(node);
      }
      nodes = found;
      firstMemo.set(token, nodes);
    }
    return nodes;
  };

  const walkCreating = (tokens: readonly string[]): Node => {
    let node = root;
    for (const t of tokens) {
      let next = node.children?.get(t);
      if (!next) {
        next = newNode();
        (node.children ??= new Map()).set(t, next);
      }
      node = next;
    }
    return node;
  };

  // The longest phrase starting at `start`; the first token may carry clitics, the rest are literal
  // (or, in a loose index, match by their loose form).
  const longestAt = (tokens: readonly string[], start: number): PhraseHit | undefined => {
    let best: PhraseHit | undefined;
    for (const first of firstNodes(tokens[start] ?? '')) {
      let node: Node | undefined = first;
      let end = start + 1;
      while (node) {
        if (node.entries.length > 0 && (!best || end > best.end)) best = { start, end, entries: node.entries };
        const next = tokens[end];
        if (next === undefined || !node.children) break;
        let child = node.children.get(next);
        if (!child && loose) {
          const folded = looseForm(next);
          if (folded !== undefined) child = node.children.get(folded);
        }
        node = child;
        end += 1;
      }
    }
    return best;
  };

  const removePath = (tokens: readonly string[], topicId: TopicId): void => {
    const trail: Node[] = [root];
    for (const t of tokens) {
      const next = trail.at(-1)?.children?.get(t);
      if (!next) return;
      trail.push(next);
    }
    const node = trail.at(-1) as Node;
    node.entries = node.entries.filter((e) => e.topicId !== topicId);
    // Prune from the leaf up while nodes hold nothing, so keyword churn does not grow the trie.
    for (let i = tokens.length; i > 0; i -= 1) {
      const current = trail[i] as Node;
      if (current.entries.length > 0 || (current.children?.size ?? 0) > 0) break;
      trail[i - 1]?.children?.delete(tokens[i - 1] as string);
    }
  };

  // The exact path, plus (loose indexes) the path with long words in loose form.
  const paths = (tokens: readonly string[]): (readonly string[])[] => {
    if (!loose) return [tokens];
    const folded = tokens.map((t) => looseForm(t) ?? t);
    return folded.some((t, i) => t !== tokens[i]) ? [tokens, folded] : [tokens];
  };

  return {
    variants: variantsOf,
    add(tokens, entry) {
      firstMemo.clear();
      for (const path of paths(tokens)) {
        const node = walkCreating(path);
        const same = node.entries.some((e) => e.topicId === entry.topicId && e.weak === entry.weak);
        if (!same) node.entries.push(entry);
      }
    },
    remove(tokens, topicId) {
      firstMemo.clear();
      for (const path of paths(tokens)) removePath(path, topicId);
    },
    nodeCount() {
      let count = 0;
      const stack: Node[] = [root];
      while (stack.length > 0) {
        const node = stack.pop() as Node;
        count += 1;
        if (node.children) stack.push(...node.children.values());
      }
      return count - 1;
    },
    scan(tokens) {
      const hits: PhraseHit[] = [];
      let i = 0;
      while (i < tokens.length) {
        const hit = longestAt(tokens, i);
        if (hit) {
          hits.push(hit);
          i = hit.end;
        } else {
          i += 1;
        }
      }
      return hits;
    },
  };
}
