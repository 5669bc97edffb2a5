/**
 * The holdout batches (holdout-3 untouched; holdout-2 studied once, see the fixtures README): measured and printed, never asserted (a floor here would
 * invite tuning on them). Run on its own: npx vitest run tests/unit/matching/labelled-holdout.test.ts
 */
import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { describeScores, evaluate, evaluateByClass, evaluateEachKeyword, evaluateKeywords, labelledSet } from './labelled.js';

describe('the holdout batches', () => {
  for (const name of ['holdout-1', 'holdout-2', 'holdout-3'] as const) {
    it(`prints precision and recall on ${name}`, () => {
      const set = labelledSet(name);
      const matcher = createMatcher(builtinTopics());
      const s = evaluate(matcher, set);
      const lines = [describeScores(name, s, set.length), describeScores(`${name} keywords`, evaluateKeywords(matcher, set), set.length)];
      for (const [k, ks] of evaluateEachKeyword(matcher, set)) lines.push(`  keyword ${describeScores(k, ks, 0).replace(': 0 articles,', ':')}`);
      for (const [c, cs] of evaluateByClass(matcher, set)) lines.push(`  class ${describeScores(c, cs, 0).replace(': 0 articles,', ':')}`);
      lines.push(...s.errors.map((e) => `  ${e.id}: +[${e.falsePositives.join(' ')}] -[${e.falseNegatives.join(' ')}]`));
      console.log(lines.join('\n'));
      expect(set.length).toBeGreaterThanOrEqual(30);
    });
  }
});
