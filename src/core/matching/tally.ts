/**
 * Lone topics (free keywords with no parents, blockers or weak aliases: PhraseEntry.lone) need
 * no rule but the score, so their hits are counted as they are found instead of being built into
 * Hits and grouped by topic id. With 20,000 keywords most of an article's hits are theirs, and
 * nearly all of those topics stay below the threshold: only the few that fire get Hits, for evidence.
 */
import type { Zone } from '../topic.js';
import type { PhraseHit } from './phrase-index.js';

/** One lone topic's hits in one article: what its score needs, and where each hit is. */
export interface Tally {
  /**
   * The topic's lone number: the matcher finds the topic by it, for a topic that fires (one read
   * of a dense array, where the hit's entry, its info and the topic are three objects cold in memory).
   */
  readonly num: number;
  /** Its rank among the article's topics by first hit (the order the other topics are grouped in). */
  readonly rank: number;
  /** Hits in the title and the lead, and body paragraphs with a hit (scoreHits' counts). */
  title: boolean;
  lead: number;
  bodyParas: number;
  lastPara: number;
  /** The first hit and its zone index (into the article's zones); most topics have no other. */
  readonly first: PhraseHit;
  readonly firstZone: number;
  /** Zone index, start and end of each further hit, flat, in reading order. */
  more: number[] | undefined;
}

/**
 * Which tally each lone topic number has in the article being matched: slots found by number
 * in typed arrays, no Map keyed by topic id per hit. A stamp per article makes the previous
 * article's slots stale without clearing them. One per matcher (matching is synchronous).
 */
export interface TallyBoard {
  /** Starts an article: every slot is empty again. */
  begin(): void;
  /** The tally index stored for `num` in this article, or -1. */
  slot(num: number): number;
  setSlot(num: number, index: number): void;
}

export function createTallyBoard(): TallyBoard {
  let stamp = 0;
  // Per number, its stamp then its slot, side by side: one read from memory per look-up.
  let cells = new Uint32Array(2048);
  return {
    begin() {
      stamp += 1;
      if (stamp === 0xffff_ffff) {
        cells.fill(0);
        stamp = 1;
      }
    },
    slot: (num) => (2 * num < cells.length && cells[2 * num] === stamp ? (cells[2 * num + 1] as number) : -1),
    setSlot(num, index) {
      if (2 * num >= cells.length) {
        // Numbers are dense (the matcher reuses a removed topic's), so doubling is rare.
        let size = cells.length * 2;
        while (size <= 2 * num) size *= 2;
        const grown = new Uint32Array(size);
        grown.set(cells);
        cells = grown;
      }
      cells[2 * num] = stamp;
      cells[2 * num + 1] = index;
    },
  };
}

/**
 * Counts `hit` (of lone number `num`, in zone `k`; `opening`: in the lead's opening words) into the article's tallies, a
 * new one ranked `rank` when it is the topic's first, the way scoreHits counts a hit; hits come in reading order.
 */
export function countHit(
  board: TallyBoard, tallies: Tally[], rank: number, num: number, hit: PhraseHit, k: number, zone: Zone, para: number, opening: boolean,
): void {
  const slot = board.slot(num);
  let t = slot < 0 ? undefined : tallies[slot];
  if (t === undefined) {
    t = { num, rank, title: false, lead: 0, bodyParas: 0, lastPara: 0, first: hit, firstZone: k, more: undefined };
    board.setSlot(num, tallies.length);
    tallies.push(t);
  } else (t.more ??= []).push(k, hit.start, hit.end);
  if (zone === 'title') t.title = true;
  else if (zone === 'lead') {
    t.lead += 1;
    // A hit in the lead's opening words is worth the headline's, and is still a lead hit (scoreHits).
    if (opening) t.title = true;
  } else if (para !== t.lastPara) {
    t.lastPara = para;
    t.bodyParas += 1;
  }
}
