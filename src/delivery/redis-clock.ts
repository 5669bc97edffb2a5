/**
 * Where an instant of Redis's clock falls on this process's clock, for the send pacer's slots.
 *
 * Redis reads its clock (TIME) at some moment between the request leaving and its reply being
 * read here, so each round trip brackets the offset `redis − local` within
 * [redisNow − repliedAt, redisNow − askedAt]. Every bracket holds the true offset, so their
 * intersection does too, and it is as narrow as the quickest recent round trip: one slow reply
 * (a busy event loop, a busy Redis) does not blur the slot times it carries. Only the newest
 * brackets count (clocks drift); a clock that stepped empties the intersection, which then
 * restarts from the newest bracket.
 */

/** The local instants between which one Redis instant falls (earliest ≤ latest). */
export interface LocalSpan {
  readonly earliest: number;
  readonly latest: number;
}

export interface RedisClock {
  /** One round trip: `askedAt`/`repliedAt` on this process's clock, `redisNow` read by Redis in between. */
  sample(askedAt: number, repliedAt: number, redisNow: number): void;
  /** Where Redis time `redisMs` falls on this process's clock (call after a first sample). */
  toLocal(redisMs: number): LocalSpan;
}

type Bracket = { readonly at: number; readonly lo: number; readonly hi: number };

/** `keepMs`/`keep`: brackets newer than keepMs, at most `keep` of them, are intersected. */
export function createRedisClock(keepMs = 5_000, keep = 64): RedisClock {
  let brackets: Bracket[] = [];
  let lo = 0;
  let hi = 0;
  const intersect = (): void => {
    lo = Math.max(...brackets.map((b) => b.lo));
    hi = Math.min(...brackets.map((b) => b.hi));
  };
  return {
    sample(askedAt, repliedAt, redisNow) {
      const bracket = { at: repliedAt, lo: redisNow - repliedAt, hi: redisNow - askedAt };
      brackets = [...(keep > 1 ? brackets.filter((b) => b.at > repliedAt - keepMs).slice(1 - keep) : []), bracket];
      intersect();
      if (lo > hi) {
        brackets = [bracket];
        intersect();
      }
    },
    toLocal: (redisMs) => ({ earliest: redisMs - hi, latest: redisMs - lo }),
  };
}
