/**
 * A token trie from alias phrases to the topics they name. Look-up cost depends on the
 * phrase length only, never on how many topics are indexed, so 20,000 free keywords
 * cost the same per token as the built-in catalogue.
 *
 * Catalogue phrases and free keywords share the trie (one walk per token) but not their
 * consumption: longest-first decides between catalogue phrases (جنوب السودان over السودان)
 * and, separately, between free keywords, so a catalogue phrase never hides a keyword's words
 * (أسعار الذهب still holds الذهب) and a user's keyword never changes what the catalogue finds.
 * Decoys hide their words from both.
 */
import type { Topic, TopicId } from '../topic.js';
import {
  CATALOGUE_BELOW, CHILD_BITS, FREE_BELOW, HAS_ENTRIES, NO_NODE, NODE_FLAGS, NODE_KIND_SHIFT, NODE_ROW, TrieNodes, withRoom,
  DECOY_ONLY as NODE_DECOY_ONLY, FREE_LONE as NODE_FREE_LONE, HAS_FREE as NODE_HAS_FREE, LOOSE_CHILD as NODE_LOOSE_CHILD,
} from './trie-nodes.js';
import { LOOSE_KEY, looseForm, tokenVariants } from './variants.js';

/** What matching needs to know about a topic, carried by its index entries (no look-ups per hit). */
export interface TopicInfo {
  readonly parents: readonly TopicId[];
  /** Blocker words and phrases, normalized; undefined when the topic has none. */
  readonly blockers: Blockers | undefined;
  /** Countries and cities: their hits go through the context rules (matching/context.ts). */
  readonly place?: boolean;
  /** The topic itself: who holds a hit's entry needs no look-up by id (one of 20,000, cold in memory). */
  readonly topic?: Topic;
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
  /**
   * A free keyword: matched apart from the catalogue (see above) and, in a loose index, also
   * by the loose form of its long words (looseForm: g-letters folded, inner long vowels dropped).
   */
  readonly free?: boolean;
  /** A word the context rules look for (a sport word): found by the same walk, names nothing, hides nothing. */
  readonly marker?: 'sport';
  /**
   * The topic's number when it is a free keyword no rule applies to (no parents, blockers or weak
   * aliases): its hits are tallied by number as they are found (hits.ts), not grouped by id.
   */
  readonly lone?: number;
}

/**
 * What a hit's first entry is: a free keyword; a catalogue alias; a decoy; a sport word. Carried
 * by the hit, so the caller sorts hits without reading their entries (with 20,000 keywords those
 * are cold in memory, and most hits are keywords).
 */
export type HitKind = 'free' | 'topic' | 'decoy' | 'sport';

/**
 * An entry as the index keeps it: every field present (one object shape for every kind of entry)
 * and the topic facts a hit needs copied onto it, so a hit reads one object, not three.
 */
export interface IndexedEntry extends PhraseEntry {
  readonly free: boolean;
  readonly marker: 'sport' | undefined;
  /** info.place, info.blockers and info.parents. */
  readonly place: boolean;
  readonly blockers: Blockers | undefined;
  readonly parents: readonly TopicId[] | undefined;
  /** The topic's lone number, -1 when it has none. */
  readonly lone: number;
}

const indexed = (e: PhraseEntry): IndexedEntry => ({
  topicId: e.topicId, weak: e.weak, info: e.info, free: e.free === true, marker: e.marker,
  place: e.info?.place === true, blockers: e.info?.blockers, parents: e.info?.parents, lone: e.lone ?? -1,
});

/** A phrase found in a token sequence: tokens [start, end) and what it names. */
export interface PhraseHit {
  readonly start: number;
  readonly end: number;
  /** Either catalogue entries (and decoys) or free keyword entries, never both. */
  readonly entries: readonly IndexedEntry[];
  readonly kind: HitKind;
  /**
   * When `entries` is one lone entry, its number, else -1: the caller tallies the hit without
   * reading the entry (with 20,000 keywords, entries are cold in memory and most hits are these).
   */
  readonly lone: number;
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
  /**
   * Finds phrases in order, longest first at each position; matched words are consumed
   * (catalogue phrases and free keywords each on their own, decoys for both).
   */
  scan(tokens: readonly string[]): PhraseHit[];
}

export interface PhraseIndexOptions {
  /** Match free keywords by the loose form of their long words too (every spelling the press uses). */
  readonly loose?: boolean;
}

const NONE: readonly IndexedEntry[] = Object.freeze([]);

/** A word number's bit in childBits (numbers are dense, so their low bits spread evenly). */
const keyBit = (id: number): number => 1 << (id & 31);

/** Distinct tokens whose variants are remembered; a news vocabulary fits with room to spare. */
const VARIANT_MEMO_LIMIT = 50_000;

/**
 * A token as the walks see it, remembered per token in a table of numbers (WordTable): what it
 * opens (its one-word phrases, from the first of its trie nodes that has any, as a walk would
 * find them, and the nodes that go on to longer phrases) and how it continues a phrase (its number
 * and its loose form's; -1 keys no trie edge). Most of a text's words are one-word keywords or
 * start nothing, and then the table answers without a trie node being read.
 *
 * Numbers in typed arrays, not an object per word: with 20,000 keywords nearly every word of an
 * article has a record, and objects of 17 fields scattered over a heap of 40 MB cost two or three
 * cache misses each; a row here is 32 bytes of one dense array (half a cache line), next to the
 * rows of the other words of the news vocabulary.
 */
const ROW = 8;
const FLAGS = 0;
const ID = 1;
const LOOSE_ID = 2;
/** The childBits of all of its nodes with children together (a next word whose bit is clear continues none). */
const BITS = 3;
const FREE_LONE = 4;
const FIRST_BITS = 5;
/** How many of its nodes have children (FIRST_NODE is the first; the others are in `more`). */
const STEPS = 6;
const FIRST_NODE = 7;

const OPENS = 1;
const HAS_CATALOGUE = 2;
const DECOY_ONLY = 4;
const HAS_FREE = 8;
const LOOSE_CHILD = 16;
/** Some node of it leads to catalogue phrases, and to free keywords: inside a keyword already found, a word that only starts keywords reads nothing. */
const CATALOGUE_DEEP = 32;
const FREE_DEEP = 64;
/** HitKind of its catalogue entries, in two bits from KIND_SHIFT. */
const KIND_SHIFT = 7;
const KINDS: readonly HitKind[] = ['free', 'topic', 'decoy', 'sport'];

/** A memo value for a word that keys no edge and opens nothing (most words of a text): no row at all. */
const NOTHING = -1;

/** The rows of the remembered words, and what the rows point to (parallel arrays by row number). */
interface WordTable {
  cells: Int32Array<ArrayBuffer>;
  /** Catalogue entries and free entries per row (undefined: none). */
  readonly catalogue: (readonly IndexedEntry[] | undefined)[];
  readonly free: (readonly IndexedEntry[] | undefined)[];
  /** Its other nodes with children and their childBits (rare: a word with clitics that open two phrases). */
  readonly more: ({ readonly nodes: readonly number[]; readonly bits: readonly number[] } | undefined)[];
  rows: number;
}

const newWordTable = (): WordTable => ({ cells: new Int32Array(ROW * 4096), catalogue: [], free: [], more: [], rows: 0 });

function clearWordTable(table: WordTable): void {
  table.rows = 0;
  table.catalogue.length = 0;
  table.free.length = 0;
  table.more.length = 0;
}

type Trie = TrieNodes<IndexedEntry>;

/** Writes the row of a token with number `id` and loose number `looseId` that opens `opened` (trie nodes); its row number, or NOTHING. */
function addWordRow(table: WordTable, trie: Trie, opened: readonly number[], id: number, looseId: number): number {
  if (opened.length === 0 && id < 0 && looseId < 0) return NOTHING;
  const row = table.rows;
  table.rows += 1;
  table.cells = withRoom(table.cells, ROW * table.rows);
  const at = ROW * row;
  const cells = table.cells;
  const nodes = trie.cells;
  const cell = (node: number, which: number): number => nodes[NODE_ROW * node + which] as number;
  const withEntries = opened.find((n) => (cell(n, NODE_FLAGS) & HAS_ENTRIES) !== 0);
  const withFree = opened.find((n) => (cell(n, NODE_FLAGS) & NODE_HAS_FREE) !== 0);
  const deeper = opened.filter((n) => trie.childCount(n) > 0);
  let flags = opened.length > 0 ? OPENS : 0;
  if (withEntries !== undefined) flags |= HAS_CATALOGUE | (((cell(withEntries, NODE_FLAGS) >> NODE_KIND_SHIFT) & 3) << KIND_SHIFT);
  if (withEntries === undefined || (cell(withEntries, NODE_FLAGS) & NODE_DECOY_ONLY) !== 0) flags |= DECOY_ONLY;
  if (withFree !== undefined) flags |= HAS_FREE;
  if (deeper.some((n) => (cell(n, NODE_FLAGS) & NODE_LOOSE_CHILD) !== 0)) flags |= LOOSE_CHILD;
  if (deeper.some((n) => cell(n, CATALOGUE_BELOW) > (trie.catalogue[n] as readonly IndexedEntry[]).length)) flags |= CATALOGUE_DEEP;
  if (deeper.some((n) => cell(n, FREE_BELOW) > (trie.free[n] as readonly IndexedEntry[]).length)) flags |= FREE_DEEP;
  cells[at + FLAGS] = flags;
  cells[at + ID] = id;
  cells[at + LOOSE_ID] = looseId;
  cells[at + BITS] = deeper.reduce((bits, n) => bits | cell(n, CHILD_BITS), 0);
  cells[at + FREE_LONE] = withFree === undefined ? -1 : cell(withFree, NODE_FREE_LONE);
  cells[at + FIRST_BITS] = deeper[0] === undefined ? 0 : cell(deeper[0], CHILD_BITS);
  cells[at + STEPS] = deeper.length;
  cells[at + FIRST_NODE] = deeper[0] ?? NO_NODE;
  table.catalogue[row] = withEntries === undefined ? undefined : trie.catalogue[withEntries];
  table.free[row] = withFree === undefined ? undefined : trie.free[withFree];
  table.more[row] = deeper.length > 1 ? { nodes: deeper.slice(1), bits: deeper.slice(1).map((n) => cell(n, CHILD_BITS)) } : undefined;
  return row;
}

const isDecoyOnly = (entries: readonly PhraseEntry[]): boolean => entries.every((e) => e.topicId === undefined && e.marker === undefined);

/** Sets what a node's catalogue entries are, when they change. */
function setCatalogue(trie: Trie, node: number, entries: readonly IndexedEntry[]): void {
  const first = entries[0];
  const kind: HitKind = first?.marker === 'sport' ? 'sport' : first?.topicId === undefined ? 'decoy' : 'topic';
  trie.catalogue[node] = entries.length > 0 ? entries : NONE;
  const bits = (entries.length > 0 ? HAS_ENTRIES : 0) | (isDecoyOnly(entries) ? NODE_DECOY_ONLY : 0) | (KINDS.indexOf(kind) << NODE_KIND_SHIFT);
  trie.setFlags(node, HAS_ENTRIES | NODE_DECOY_ONLY | (3 << NODE_KIND_SHIFT), bits);
}

/** Sets a node's free entries. */
function setFree(trie: Trie, node: number, free: readonly IndexedEntry[]): void {
  trie.free[node] = free.length > 0 ? free : NONE;
  trie.setFreeLone(node, free.length === 1 ? (free[0] as IndexedEntry).lone : -1);
  trie.setFlags(node, NODE_HAS_FREE, free.length > 0 ? NODE_HAS_FREE : 0);
}

export function createPhraseIndex(options: PhraseIndexOptions = {}): PhraseIndex {
  const loose = options.loose === true;
  const trie: Trie = new TrieNodes<IndexedEntry>(NONE, KINDS.indexOf('decoy'));
  const root = trie.create();
  // Every article repeats the same few thousand words: their clitic variants are computed once.
  const variantMemo = new Map<string, readonly string[]>();
  const variantsOf = (token: string): readonly string[] => {
    let variants = variantMemo.get(token);
    if (variants === undefined) {
      if (variantMemo.size >= VARIANT_MEMO_LIMIT) variantMemo.clear();
      variants = tokenVariants(token);
      variantMemo.set(token, variants);
    }
    return variants;
  };
  // Loose forms are looked up only in a loose index, and remembered like the variants.
  const looseMemo = new Map<string, string | null>();
  const looseOf = (token: string): string | undefined => {
    let folded = looseMemo.get(token);
    if (folded === undefined) {
      if (looseMemo.size >= VARIANT_MEMO_LIMIT) looseMemo.clear();
      folded = looseForm(token) ?? null;
      looseMemo.set(token, folded);
    }
    return folded ?? undefined;
  };

  // Every word that keys a trie edge has a number; a number no edge uses any more is given again.
  const ids = new Map<string, number>();
  const edgesOf: number[] = [];
  const spareIds: number[] = [];
  const idOf = (word: string): number => ids.get(word) ?? -1;
  const takeId = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = spareIds.pop() ?? edgesOf.length;
      ids.set(word, id);
      edgesOf[id] = 0;
    }
    edgesOf[id] = (edgesOf[id] as number) + 1;
    return id;
  };
  const releaseId = (word: string, id: number): void => {
    const left = (edgesOf[id] as number) - 1;
    edgesOf[id] = left;
    if (left > 0) return;
    ids.delete(word);
    spareIds.push(id);
  };
  /** The child of `node` by `word`, or NO_NODE. */
  const childOf = (node: number, word: string): number => {
    const id = idOf(word);
    return id < 0 ? NO_NODE : trie.child(node, id);
  };

  // Per token: the trie nodes it can open a phrase with (its variants that start one, then their
  // loose forms, most literal first; most words start none) and the numbers it continues a phrase
  // by, literally and loosely. Any add or remove may change them, so it empties this.
  // A token's row number in `table` (or NOTHING). Scan empties both before a text that could fill
  // the memo past its limit, never inside one: the text's rows must stay valid until it is walked.
  const wordMemo = new Map<string, number>();
  const table = newWordTable();
  const forgetWords = (): void => {
    wordMemo.clear();
    clearWordTable(table);
  };
  const wordOf = (token: string): number => {
    let word = wordMemo.get(token);
    if (word === undefined) {
      const found: number[] = [];
      const variants = variantsOf(token);
      for (const variant of variants) {
        const node = childOf(root, variant);
        if (node !== NO_NODE) found.push(node);
      }
      if (loose) {
        for (const variant of variants) {
          const folded = looseOf(variant);
          const node = folded === undefined ? NO_NODE : childOf(root, folded);
          if (node !== NO_NODE && !found.includes(node)) found.push(node);
        }
      }
      const folded = loose ? looseOf(token) : undefined;
      word = addWordRow(table, trie, found, idOf(token), folded === undefined ? -1 : idOf(folded));
      wordMemo.set(token, word);
    }
    return word;
  };

  /** Walks (creating) to the phrase's node; `trail` gets every node on the way, root first. */
  const walkCreating = (tokens: readonly string[], folded: boolean, trail: number[]): number => {
    let node = root;
    trail.push(root);
    for (const t of tokens) {
      let next = childOf(node, t);
      if (next === NO_NODE) {
        next = trie.create();
        trie.setChild(node, takeId(t), next);
      }
      if (folded && t.startsWith(LOOSE_KEY)) trie.setFlags(node, NODE_LOOSE_CHILD, NODE_LOOSE_CHILD);
      node = next;
      trail.push(node);
    }
    return node;
  };

  /**
   * The longest catalogue phrase and the longest free keyword starting at `start`, each only
   * when asked for. The first token may carry clitics; the rest are literal (or, in a loose
   * index, match by their loose form).
   */
  // longestAt's answers, kept here so the per-token call allocates nothing when nothing is found.
  let catalogue: PhraseHit | undefined;
  let free: PhraseHit | undefined;
  let catalogueDecoyOnly = false;
  // The scanned text's row numbers (scan fills this for each text; it keeps its capacity).
  let textRows = new Int32Array(256);
  let scannedLength = 0;
  const longestAt = (start: number, wantCatalogue: boolean, wantFree: boolean): void => {
    catalogue = undefined;
    free = undefined;
    const open = textRows[start] as number;
    if (open === NOTHING) return;
    const cells = table.cells;
    const at = ROW * open;
    const flags = cells[at + FLAGS] as number;
    if ((flags & OPENS) === 0) return;
    // One-word phrases come from the opening; the walks below only find longer ones (which win).
    if (wantCatalogue && (flags & HAS_CATALOGUE) !== 0) {
      catalogue = { start, end: start + 1, entries: table.catalogue[open] as readonly IndexedEntry[], kind: KINDS[(flags >> KIND_SHIFT) & 3] as HitKind, lone: -1 };
      catalogueDecoyOnly = (flags & DECOY_ONLY) !== 0;
    }
    if (wantFree && (flags & HAS_FREE) !== 0) free = { start, end: start + 1, entries: table.free[open] as readonly IndexedEntry[], kind: 'free', lone: cells[at + FREE_LONE] as number };
    if (!((wantCatalogue && (flags & CATALOGUE_DEEP) !== 0) || (wantFree && (flags & FREE_DEEP) !== 0))) return;
    if (start + 1 >= scannedLength) return;
    const second = textRows[start + 1] as number;
    if (second === NOTHING) return;
    // Nodes the next word (or its loose form) cannot continue are skipped unread; often that is all of them.
    const secondId = cells[ROW * second + ID] as number;
    const secondLoose = cells[ROW * second + LOOSE_ID] as number;
    const plainBit = secondId < 0 ? 0 : keyBit(secondId);
    const looseBit = secondLoose < 0 || (flags & LOOSE_CHILD) === 0 ? 0 : keyBit(secondLoose);
    if (((cells[at + BITS] as number) & (plainBit | looseBit)) === 0) return;
    const steps = cells[at + STEPS] as number;
    const more = table.more[open];
    const nodes = trie.cells;
    for (let k = 0; k < steps; k += 1) {
      const bits = k === 0 ? (cells[at + FIRST_BITS] as number) : (more?.bits[k - 1] as number);
      if ((bits & (plainBit | looseBit)) === 0) continue;
      let node = k === 0 ? (cells[at + FIRST_NODE] as number) : (more?.nodes[k - 1] as number);
      let end = start + 1;
      for (;;) {
        const row = NODE_ROW * node;
        if (!((wantCatalogue && (nodes[row + CATALOGUE_BELOW] as number) > 0) || (wantFree && (nodes[row + FREE_BELOW] as number) > 0))) break;
        const nodeFlags = nodes[row + NODE_FLAGS] as number;
        // One-word phrases are the opening's (from this node or one before it).
        if (end > start + 1 && wantCatalogue && (nodeFlags & HAS_ENTRIES) !== 0 && (!catalogue || end > catalogue.end)) {
          catalogue = { start, end, entries: trie.catalogue[node] as readonly IndexedEntry[], kind: KINDS[(nodeFlags >> NODE_KIND_SHIFT) & 3] as HitKind, lone: -1 };
          catalogueDecoyOnly = (nodeFlags & NODE_DECOY_ONLY) !== 0;
        }
        if (end > start + 1 && wantFree && (nodeFlags & NODE_HAS_FREE) !== 0 && (!free || end > free.end)) {
          free = { start, end, entries: trie.free[node] as readonly IndexedEntry[], kind: 'free', lone: nodes[row + NODE_FREE_LONE] as number };
        }
        if (end >= scannedLength) break;
        const next = textRows[end] as number;
        const nextId = next === NOTHING ? -1 : (cells[ROW * next + ID] as number);
        const nextLoose = next === NOTHING ? -1 : (cells[ROW * next + LOOSE_ID] as number);
        const childBits = nodes[row + CHILD_BITS] as number;
        let child = nextId < 0 || (childBits & keyBit(nextId)) === 0 ? NO_NODE : trie.child(node, nextId);
        if (child === NO_NODE && (nodeFlags & NODE_LOOSE_CHILD) !== 0 && nextLoose >= 0 && (childBits & keyBit(nextLoose)) !== 0) child = trie.child(node, nextLoose);
        if (child === NO_NODE) break;
        node = child;
        end += 1;
      }
    }
  };

  const removePath = (tokens: readonly string[], topicId: TopicId): void => {
    const trail: number[] = [root];
    for (const t of tokens) {
      const next = childOf(trail.at(-1) as number, t);
      if (next === NO_NODE) return;
      trail.push(next);
    }
    const node = trail.at(-1) as number;
    const entriesBefore = trie.catalogue[node] as readonly IndexedEntry[];
    const freeBefore = trie.free[node] as readonly IndexedEntry[];
    const entries = entriesBefore.filter((e) => e.topicId !== topicId);
    const keptFree = freeBefore.filter((e) => e.topicId !== topicId);
    setCatalogue(trie, node, entries);
    setFree(trie, node, keptFree);
    const goneCatalogue = entriesBefore.length - entries.length;
    const goneFree = freeBefore.length - keptFree.length;
    for (const n of trail) trie.addBelow(n, -goneCatalogue, -goneFree);
    // Prune from the leaf up while nodes hold nothing, so keyword churn does not grow the trie.
    for (let i = tokens.length; i > 0; i -= 1) {
      const current = trail[i] as number;
      if (trie.catalogue[current] !== NONE || trie.free[current] !== NONE || trie.childCount(current) > 0) break;
      const word = tokens[i - 1] as string;
      const id = idOf(word);
      trie.deleteChild(trail[i - 1] as number, id);
      trie.release(current);
      releaseId(word, id);
    }
  };

  // The exact path, plus (loose index) the path with long words in loose form.
  const paths = (tokens: readonly string[]): (readonly string[])[] => {
    if (!loose) return [tokens];
    const folded = tokens.map((t) => looseForm(t) ?? t);
    return folded.some((t, i) => t !== tokens[i]) ? [tokens, folded] : [tokens];
  };

  return {
    variants: variantsOf,
    add(tokens, entry) {
      forgetWords();
      const stored = indexed(entry);
      for (const [k, path] of (entry.free ? paths(tokens) : [tokens]).entries()) {
        const trail: number[] = [];
        const node = walkCreating(path, k > 0, trail);
        const list = (entry.free ? trie.free[node] : trie.catalogue[node]) as readonly IndexedEntry[];
        if (list.some((e) => e.topicId === entry.topicId && e.weak === entry.weak)) continue;
        if (entry.free) setFree(trie, node, [...list, stored]);
        else setCatalogue(trie, node, [...list, stored]);
        for (const n of trail) trie.addBelow(n, entry.free ? 0 : 1, entry.free ? 1 : 0);
      }
    },
    remove(tokens, topicId) {
      forgetWords();
      for (const path of paths(tokens)) removePath(path, topicId);
    },
    nodeCount: () => trie.size - 1,
    scan(tokens) {
      scannedLength = tokens.length;
      if (wordMemo.size + tokens.length > VARIANT_MEMO_LIMIT) forgetWords();
      if (textRows.length < tokens.length) textRows = new Int32Array(Math.max(tokens.length, 2 * textRows.length));
      for (let i = 0; i < tokens.length; i += 1) textRows[i] = wordOf(tokens[i] as string);
      const hits: PhraseHit[] = [];
      let catalogueEnd = 0;
      let freeEnd = 0;
      for (let i = 0; i < tokens.length; i += 1) {
        const wantCatalogue = i >= catalogueEnd;
        const wantFree = i >= freeEnd;
        if (!wantCatalogue && !wantFree) continue;
        longestAt(i, wantCatalogue, wantFree);
        if (catalogue) {
          hits.push(catalogue);
          catalogueEnd = catalogue.end;
          if (catalogueDecoyOnly) {
            // An outlet name hides its words from keywords too (a keyword started earlier that
            // runs into it is dropped by the caller, which sees both).
            freeEnd = Math.max(freeEnd, catalogue.end);
            continue;
          }
        }
        if (free) {
          hits.push(free);
          freeEnd = free.end;
        }
      }
      return hits;
    },
  };
}
