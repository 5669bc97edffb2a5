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

interface Node {
  /**
   * A node's children by word number (WordIds): the only one inline (`soleKey`, `sole`), else a
   * Map. Most nodes of keyword phrases have one child, and with 20,000 keywords a Map and its
   * table are two more reads from cold memory per word. A node that had two children keeps its Map.
   * Numbers, not the words: an article's word is looked up once (its row of the word table), and every step of
   * every walk through it compares a small integer instead of hashing and comparing a string.
   */
  soleKey: number;
  sole: Node | undefined;
  children: Map<number, Node> | undefined;
  /** Catalogue entries and decoys (NONE when empty: most nodes hold one kind, and a shared empty list costs no memory read). */
  entries: readonly IndexedEntry[];
  /** Free keyword entries (NONE when empty). */
  free: readonly IndexedEntry[];
  /** The lone number of `free` when it is one lone entry (the usual case), else -1: see PhraseHit.lone. */
  freeLone: number;
  /** What `entries` start with, and whether they are all decoys: kept with the node, so a hit says it without reading them. */
  kind: HitKind;
  decoyOnly: boolean;
  /** Some child is keyed by a loose form (only then is a word's loose form worth looking up). */
  looseChild: boolean;
  /**
   * One bit per child key (keyBit): a word whose bit is clear is no child, found without the
   * Map look-up. Most next words continue no phrase, and with 20,000 keywords the children's
   * Maps are cold in memory; the bits sit in the node already read. Never cleared (a stale bit
   * only costs the look-up).
   */
  childBits: number;
  /**
   * Catalogue and free entries in this node's subtree: a walk that only looks for one kind
   * stops where there is none of it (inside a keyword pair, the catalogue walk ends at once).
   */
  catalogueBelow: number;
  freeBelow: number;
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
const newNode = (): Node => ({ soleKey: -1, sole: undefined, children: undefined, entries: NONE, free: NONE, freeLone: -1, kind: 'decoy', decoyOnly: true, looseChild: false, childBits: 0, catalogueBelow: 0, freeBelow: 0 });

/** The child of `node` keyed by `key`. */
const childAt = (node: Node, key: number): Node | undefined => (node.sole === undefined ? node.children?.get(key) : node.soleKey === key ? node.sole : undefined);
const childCount = (node: Node): number => (node.sole === undefined ? (node.children?.size ?? 0) : 1);
const childrenOf = (node: Node): Iterable<Node> => (node.sole === undefined ? (node.children?.values() ?? []) : [node.sole]);

function setChild(node: Node, key: number, child: Node): void {
  if (node.children) node.children.set(key, child);
  else if (node.sole === undefined) {
    node.soleKey = key;
    node.sole = child;
  } else {
    node.children = new Map([[node.soleKey, node.sole], [key, child]]);
    node.soleKey = -1;
    node.sole = undefined;
  }
}

function deleteChild(node: Node, key: number): void {
  if (node.sole === undefined) node.children?.delete(key);
  else if (node.soleKey === key) {
    node.soleKey = -1;
    node.sole = undefined;
  }
}

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
  cells: Int32Array;
  /** Catalogue entries, free entries and the first node with children, per row (undefined: none). */
  readonly catalogue: (readonly IndexedEntry[] | undefined)[];
  readonly free: (readonly IndexedEntry[] | undefined)[];
  readonly first: (Node | undefined)[];
  /** Its other nodes with children and their childBits (rare: a word with clitics that open two phrases). */
  readonly more: ({ readonly nodes: readonly Node[]; readonly bits: readonly number[] } | undefined)[];
  rows: number;
}

const newWordTable = (): WordTable => ({ cells: new Int32Array(ROW * 4096), catalogue: [], free: [], first: [], more: [], rows: 0 });

function clearWordTable(table: WordTable): void {
  table.rows = 0;
  table.catalogue.length = 0;
  table.free.length = 0;
  table.first.length = 0;
  table.more.length = 0;
}

/** Writes the row of a token with number `id` and loose number `looseId` that opens `nodes`; its row number, or NOTHING. */
function addWordRow(table: WordTable, nodes: readonly Node[], id: number, looseId: number): number {
  if (nodes.length === 0 && id < 0 && looseId < 0) return NOTHING;
  const row = table.rows;
  table.rows += 1;
  if (ROW * table.rows > table.cells.length) {
    const grown = new Int32Array(table.cells.length * 2);
    grown.set(table.cells);
    table.cells = grown;
  }
  const at = ROW * row;
  const cells = table.cells;
  const withEntries = nodes.find((n) => n.entries.length > 0);
  const withFree = nodes.find((n) => n.free.length > 0);
  const deeper = nodes.filter((n) => childCount(n) > 0);
  let flags = nodes.length > 0 ? OPENS : 0;
  if (withEntries) flags |= HAS_CATALOGUE | (KINDS.indexOf(withEntries.kind) << KIND_SHIFT);
  if (withEntries?.decoyOnly ?? true) flags |= DECOY_ONLY;
  if (withFree) flags |= HAS_FREE;
  if (deeper.some((n) => n.looseChild)) flags |= LOOSE_CHILD;
  if (deeper.some((n) => n.catalogueBelow > n.entries.length)) flags |= CATALOGUE_DEEP;
  if (deeper.some((n) => n.freeBelow > n.free.length)) flags |= FREE_DEEP;
  cells[at + FLAGS] = flags;
  cells[at + ID] = id;
  cells[at + LOOSE_ID] = looseId;
  cells[at + BITS] = deeper.reduce((bits, n) => bits | n.childBits, 0);
  cells[at + FREE_LONE] = withFree?.freeLone ?? -1;
  cells[at + FIRST_BITS] = deeper[0]?.childBits ?? 0;
  cells[at + STEPS] = deeper.length;
  table.catalogue[row] = withEntries?.entries;
  table.free[row] = withFree?.free;
  table.first[row] = deeper[0];
  table.more[row] = deeper.length > 1 ? { nodes: deeper.slice(1), bits: deeper.slice(1).map((n) => n.childBits) } : undefined;
  return row;
}

const isDecoyOnly = (entries: readonly PhraseEntry[]): boolean => entries.every((e) => e.topicId === undefined && e.marker === undefined);

/** Sets what a node's catalogue entries are, when they change. */
function setCatalogue(node: Node, entries: readonly IndexedEntry[]): void {
  const first = entries[0];
  node.entries = entries.length > 0 ? entries : NONE;
  node.decoyOnly = isDecoyOnly(entries);
  node.kind = first?.marker === 'sport' ? 'sport' : first?.topicId === undefined ? 'decoy' : 'topic';
}

/** Sets a node's free entries. */
function setFree(node: Node, free: readonly IndexedEntry[]): void {
  node.free = free.length > 0 ? free : NONE;
  node.freeLone = free.length === 1 ? (free[0] as IndexedEntry).lone : -1;
}

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
      const found: Node[] = [];
      const variants = variantsOf(token);
      for (const variant of variants) {
        const node = childAt(root, idOf(variant));
        if (node) found.push(node);
      }
      if (loose) {
        for (const variant of variants) {
          const folded = looseOf(variant);
          const node = folded === undefined ? undefined : childAt(root, idOf(folded));
          if (node && !found.includes(node)) found.push(node);
        }
      }
      const folded = loose ? looseOf(token) : undefined;
      word = addWordRow(table, found, idOf(token), folded === undefined ? -1 : idOf(folded));
      wordMemo.set(token, word);
    }
    return word;
  };

  /** Walks (creating) to the phrase's node; `trail` gets every node on the way, root first. */
  const walkCreating = (tokens: readonly string[], folded: boolean, trail: Node[]): Node => {
    let node = root;
    trail.push(root);
    for (const t of tokens) {
      const known = idOf(t);
      let next = known < 0 ? undefined : childAt(node, known);
      if (!next) {
        next = newNode();
        setChild(node, takeId(t), next);
      }
      node.childBits |= keyBit(idOf(t));
      if (folded && t.startsWith(LOOSE_KEY)) node.looseChild = true;
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
    for (let k = 0; k < steps; k += 1) {
      const bits = k === 0 ? (cells[at + FIRST_BITS] as number) : (more?.bits[k - 1] as number);
      if ((bits & (plainBit | looseBit)) === 0) continue;
      let node: Node | undefined = k === 0 ? table.first[open] : more?.nodes[k - 1];
      let end = start + 1;
      // oxlint-disable-next-line no-unmodified-loop-condition -- the flags are fixed per call; `node` advances
      while (node && ((wantCatalogue && node.catalogueBelow > 0) || (wantFree && node.freeBelow > 0))) {
        // One-word phrases are the opening's (from this node or one before it).
        // Empty lists are NONE: comparing the pointer does not read the (cold) list.
        if (end > start + 1 && wantCatalogue && node.entries !== NONE && (!catalogue || end > catalogue.end)) {
          catalogue = { start, end, entries: node.entries, kind: node.kind, lone: -1 };
          catalogueDecoyOnly = node.decoyOnly;
        }
        if (end > start + 1 && wantFree && node.free !== NONE && (!free || end > free.end)) free = { start, end, entries: node.free, kind: 'free', lone: node.freeLone };
        if (end >= scannedLength) break;
        const next = textRows[end] as number;
        const nextId = next === NOTHING ? -1 : (cells[ROW * next + ID] as number);
        const nextLoose = next === NOTHING ? -1 : (cells[ROW * next + LOOSE_ID] as number);
        let child: Node | undefined = nextId < 0 || (node.childBits & keyBit(nextId)) === 0 ? undefined : childAt(node, nextId);
        if (!child && node.looseChild && nextLoose >= 0 && (node.childBits & keyBit(nextLoose)) !== 0) child = childAt(node, nextLoose);
        node = child;
        end += 1;
      }
    }
  };

  const removePath = (tokens: readonly string[], topicId: TopicId): void => {
    const trail: Node[] = [root];
    for (const t of tokens) {
      const last = trail.at(-1);
      const next = last === undefined ? undefined : childAt(last, idOf(t));
      if (!next) return;
      trail.push(next);
    }
    const node = trail.at(-1) as Node;
    const before = [node.entries.length, node.free.length] as const;
    const entries = node.entries.filter((e) => e.topicId !== topicId);
    const keptFree = node.free.filter((e) => e.topicId !== topicId);
    setCatalogue(node, entries);
    setFree(node, keptFree);
    const goneCatalogue = before[0] - node.entries.length;
    const goneFree = before[1] - node.free.length;
    for (const n of trail) {
      n.catalogueBelow -= goneCatalogue;
      n.freeBelow -= goneFree;
    }
    // Prune from the leaf up while nodes hold nothing, so keyword churn does not grow the trie.
    for (let i = tokens.length; i > 0; i -= 1) {
      const current = trail[i] as Node;
      if (current.entries.length > 0 || current.free.length > 0 || childCount(current) > 0) break;
      const word = tokens[i - 1] as string;
      const id = idOf(word);
      deleteChild(trail[i - 1] as Node, id);
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
        const trail: Node[] = [];
        const node = walkCreating(path, k > 0, trail);
        const list = entry.free ? node.free : node.entries;
        if (list.some((e) => e.topicId === entry.topicId && e.weak === entry.weak)) continue;
        if (entry.free) setFree(node, [...list, stored]);
        else setCatalogue(node, [...list, stored]);
        for (const n of trail) {
          if (entry.free) n.freeBelow += 1;
          else n.catalogueBelow += 1;
        }
      }
    },
    remove(tokens, topicId) {
      forgetWords();
      for (const path of paths(tokens)) removePath(path, topicId);
    },
    nodeCount() {
      let count = 0;
      const stack: Node[] = [root];
      while (stack.length > 0) {
        const node = stack.pop() as Node;
        count += 1;
        stack.push(...childrenOf(node));
      }
      return count - 1;
    },
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
