/**
 * The phrase trie's nodes (phrase-index.ts) as rows of numbers: each node is a row of 8 cells of
 * one Int32Array, its entry lists sit in two arrays beside it by node number, and the edges of
 * nodes with more than one child are kept in one open-addressing table of numbers.
 *
 * Why not an object per node with a Map of children: with 20,000 keywords a matcher walks about
 * 30 edges per article through a trie of some 37,000 nodes, nearly all cold in memory, and an
 * object of a dozen fields is two cache lines, its Map two more reads. A row is 32 bytes, the
 * nodes of one keyword are made one after the other (so a walk along it stays in one or two cache
 * lines), and a node with one child (most nodes of keyword phrases) holds that child in its row.
 */

/** Cells of a node's row. */
export const NODE_ROW = 8;
/** The word number of its only child, and that child (NO_NODE: none); unused once the node is HASHED. */
export const SOLE_KEY = 0;
export const SOLE = 1;
/**
 * One bit per child's word number (1 << (id & 31)): a word whose bit is clear is no child, known
 * without the edge table. Set as children are added, never cleared (a stale bit costs a look-up).
 */
export const CHILD_BITS = 2;
/** Catalogue entries and free entries in the node's subtree (a walk for one kind stops where there is none). */
export const CATALOGUE_BELOW = 3;
export const FREE_BELOW = 4;
/** The lone number of the node's free entry when it has exactly one with such a number, else -1. */
export const FREE_LONE = 5;
export const NODE_FLAGS = 6;
export const CHILDREN = 7;

/** Flags: it has catalogue entries; free entries; its catalogue entries are all decoys. */
export const HAS_ENTRIES = 1;
export const HAS_FREE = 2;
export const DECOY_ONLY = 4;
/** Some child is keyed by a loose form (only then is a word's loose form worth trying). */
export const LOOSE_CHILD = 8;
/** Its children are in the edge table (it once had two), not in SOLE. */
const HASHED = 16;
/** What its first catalogue entry is, two bits from this shift (an index into the caller's kinds). */
export const NODE_KIND_SHIFT = 5;

export const NO_NODE = -1;

/** Cells of an edge slot: parent node (NO_NODE: empty slot), word number, child node. */
const EDGE = 3;

/** `cells`, or a copy twice as long when it is shorter than `length` (rows are added one at a time). */
export function withRoom(cells: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length <= cells.length) return cells;
  const grown = new Int32Array(Math.max(length, cells.length * 2));
  grown.set(cells);
  return grown;
}

/** A well-mixed slot for a (parent, word) pair: both are small dense numbers. */
function mix(parent: number, key: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(key + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2d);
  return h ^ (h >>> 15);
}

export class TrieNodes<E> {
  cells = new Int32Array(NODE_ROW * 1024);
  /** Catalogue entries and free entries by node number (`empty` when none). */
  readonly catalogue: (readonly E[])[] = [];
  readonly free: (readonly E[])[] = [];
  private made = 0;
  private readonly spare: number[] = [];
  private edges = new Int32Array(EDGE * 1024).fill(NO_NODE);
  private edgeMask = 1023;
  private edgeCount = 0;

  private readonly empty: readonly E[];
  private readonly defaultKind: number;

  /** `empty`: the shared empty entry list; `defaultKind`: the kind bits of a node without catalogue entries. */
  constructor(empty: readonly E[], defaultKind: number) {
    this.empty = empty;
    this.defaultKind = defaultKind;
  }

  /** Nodes in use. */
  get size(): number {
    return this.made - this.spare.length;
  }

  /** A new node with no children and no entries. */
  create(): number {
    let node = this.spare.pop();
    if (node === undefined) {
      node = this.made;
      this.made += 1;
      this.cells = withRoom(this.cells, NODE_ROW * this.made);
    }
    const at = NODE_ROW * node;
    this.cells.fill(0, at, at + NODE_ROW);
    this.cells[at + SOLE_KEY] = -1;
    this.cells[at + SOLE] = NO_NODE;
    this.cells[at + FREE_LONE] = -1;
    this.cells[at + NODE_FLAGS] = DECOY_ONLY | (this.defaultKind << NODE_KIND_SHIFT);
    this.catalogue[node] = this.empty;
    this.free[node] = this.empty;
    return node;
  }

  /** Gives back a node that has no children and is no one's child any more. */
  release(node: number): void {
    this.catalogue[node] = this.empty;
    this.free[node] = this.empty;
    this.spare.push(node);
  }

  /** Sets or clears flag bits of `node` (HAS_ENTRIES, HAS_FREE, DECOY_ONLY, LOOSE_CHILD, the kind bits). */
  setFlags(node: number, mask: number, bits: number): void {
    const at = NODE_ROW * node + NODE_FLAGS;
    this.cells[at] = ((this.cells[at] as number) & ~mask) | bits;
  }

  setFreeLone(node: number, lone: number): void {
    this.cells[NODE_ROW * node + FREE_LONE] = lone;
  }

  /** Counts entries added to (negative: removed from) the subtree of `node`. */
  addBelow(node: number, catalogue: number, free: number): void {
    const at = NODE_ROW * node;
    this.cells[at + CATALOGUE_BELOW] = (this.cells[at + CATALOGUE_BELOW] as number) + catalogue;
    this.cells[at + FREE_BELOW] = (this.cells[at + FREE_BELOW] as number) + free;
  }

  childCount(node: number): number {
    return this.cells[NODE_ROW * node + CHILDREN] as number;
  }

  /** The child of `node` by word number `key`, or NO_NODE. */
  child(node: number, key: number): number {
    const at = NODE_ROW * node;
    if (((this.cells[at + NODE_FLAGS] as number) & HASHED) === 0) return this.cells[at + SOLE_KEY] === key ? (this.cells[at + SOLE] as number) : NO_NODE;
    const edges = this.edges;
    for (let slot = mix(node, key) & this.edgeMask; ; slot = (slot + 1) & this.edgeMask) {
      const parent = edges[EDGE * slot] as number;
      if (parent === NO_NODE) return NO_NODE;
      if (parent === node && edges[EDGE * slot + 1] === key) return edges[EDGE * slot + 2] as number;
    }
  }

  /** Makes `child` the child of `node` by `key` (which it must not have yet). */
  setChild(node: number, key: number, child: number): void {
    const cells = this.cells;
    const at = NODE_ROW * node;
    cells[at + CHILD_BITS] = (cells[at + CHILD_BITS] as number) | (1 << (key & 31));
    cells[at + CHILDREN] = (cells[at + CHILDREN] as number) + 1;
    const flags = cells[at + NODE_FLAGS] as number;
    if ((flags & HASHED) !== 0) {
      this.putEdge(node, key, child);
      return;
    }
    if (cells[at + SOLE] === NO_NODE) {
      cells[at + SOLE_KEY] = key;
      cells[at + SOLE] = child;
      return;
    }
    this.putEdge(node, cells[at + SOLE_KEY] as number, cells[at + SOLE] as number);
    this.putEdge(node, key, child);
    cells[at + SOLE_KEY] = -1;
    cells[at + SOLE] = NO_NODE;
    cells[at + NODE_FLAGS] = flags | HASHED;
  }

  deleteChild(node: number, key: number): void {
    const cells = this.cells;
    const at = NODE_ROW * node;
    const flags = cells[at + NODE_FLAGS] as number;
    if ((flags & HASHED) === 0) {
      if (cells[at + SOLE_KEY] !== key || cells[at + SOLE] === NO_NODE) return;
      cells[at + SOLE_KEY] = -1;
      cells[at + SOLE] = NO_NODE;
    } else if (!this.deleteEdge(node, key)) return;
    const left = (cells[at + CHILDREN] as number) - 1;
    cells[at + CHILDREN] = left;
    // A node that had two children keeps them in the table until it has none.
    if (left === 0) cells[at + NODE_FLAGS] = flags & ~HASHED;
  }

  private putEdge(node: number, key: number, child: number): void {
    if (2 * (this.edgeCount + 1) > this.edgeMask + 1) this.growEdges();
    const edges = this.edges;
    let slot = mix(node, key) & this.edgeMask;
    while (edges[EDGE * slot] !== NO_NODE) slot = (slot + 1) & this.edgeMask;
    edges[EDGE * slot] = node;
    edges[EDGE * slot + 1] = key;
    edges[EDGE * slot + 2] = child;
    this.edgeCount += 1;
  }

  /** Removes an edge, moving back the entries after it that would otherwise be cut off from their slot (no tombstones). */
  private deleteEdge(node: number, key: number): boolean {
    const edges = this.edges;
    const mask = this.edgeMask;
    let hole = mix(node, key) & mask;
    while (edges[EDGE * hole] !== node || edges[EDGE * hole + 1] !== key) {
      if (edges[EDGE * hole] === NO_NODE) return false;
      hole = (hole + 1) & mask;
    }
    edges[EDGE * hole] = NO_NODE;
    this.edgeCount -= 1;
    for (let slot = (hole + 1) & mask; edges[EDGE * slot] !== NO_NODE; slot = (slot + 1) & mask) {
      const home = mix(edges[EDGE * slot] as number, edges[EDGE * slot + 1] as number) & mask;
      // It stays where it is when its home lies cyclically in (hole, slot].
      const stays = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
      if (stays) continue;
      edges.copyWithin(EDGE * hole, EDGE * slot, EDGE * slot + EDGE);
      edges[EDGE * slot] = NO_NODE;
      hole = slot;
    }
    return true;
  }

  private growEdges(): void {
    const old = this.edges;
    this.edges = new Int32Array(old.length * 2).fill(NO_NODE);
    this.edgeMask = 2 * (this.edgeMask + 1) - 1;
    this.edgeCount = 0;
    for (let at = 0; at < old.length; at += EDGE) {
      if (old[at] !== NO_NODE) this.putEdge(old[at] as number, old[at + 1] as number, old[at + 2] as number);
    }
  }
}
