import { describe, expect, it } from 'vitest';
import { pairs, rate } from './pairs-support.js';

describe('story rule on labelled pairs of real Arabic news (tests/fixtures/stories)', () => {
  it('has the labelled set the figures are quoted on', () => {
    expect(pairs.filter((p) => p.label === 'same').length).toBeGreaterThanOrEqual(40);
    expect(pairs.filter((p) => p.label === 'different').length).toBeGreaterThanOrEqual(200);
  });

  it('joins at least 80 % of same-event pairs told by two outlets in their own words', () => {
    expect(rate('same', false).rate).toBeGreaterThanOrEqual(0.8);
  });

  it('joins every near-copy', () => {
    expect(rate('near-copy', false).rate).toBe(1);
    expect(rate('near-copy', true).rate).toBe(1);
  });

  it('keeps two different events on the same topic apart (at most 0.5 % wrongly joined)', () => {
    expect(rate('different', false).rate).toBeLessThanOrEqual(0.005);
  });

  it('reports the held-out events apart (never tuned on, not asserted)', () => {
    const figures = {
      tuned: { same: rate('same', false), nearCopy: rate('near-copy', false), different: rate('different', false), differentIn48h: rate('different', false, true) },
      heldOut: { same: rate('same', true), nearCopy: rate('near-copy', true), different: rate('different', true), differentIn48h: rate('different', true, true) },
    };
    console.log(JSON.stringify(figures));
    expect(figures.heldOut.same.of).toBeGreaterThan(0);
  });
});
