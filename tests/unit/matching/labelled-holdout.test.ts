/**
 * The holdout batches (holdout-19 to holdout-22 untouched; holdout-11 and -12 run once, not studied; holdout-4 run a few times; holdout-2, -3 and -5 to -10 studied, see the fixtures README): measured and printed, never asserted (a floor here would
 * invite tuning on them). Run on its own: npx vitest run tests/unit/matching/labelled-holdout.test.ts
 */
import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { auditLabelledSummaries } from '../../support/summary-audit.js';
import { LABELLED_SET_NAMES, describeScores, evaluate, evaluateByClass, evaluateEachKeyword, evaluateKeywords, labelledSet } from './labelled.js';

describe('the holdout batches', () => {
  // One audit of every summary, split by batch folder when printed (the whole-set floor is in summary-trust.test.ts).
  let audit: ReturnType<typeof auditLabelledSummaries> | undefined;
  const flawedIn = (name: string) => (audit ??= auditLabelledSummaries()).flawed.filter((f) => f.file.startsWith(`${name}/`));
  for (const name of LABELLED_SET_NAMES.filter((n) => n.startsWith('holdout-'))) {
    it(`prints precision and recall on ${name}`, () => {
      const set = labelledSet(name);
      const matcher = createMatcher(builtinTopics());
      const s = evaluate(matcher, set);
      const lines = [describeScores(name, s, set.length), describeScores(`${name} keywords`, evaluateKeywords(matcher, set), set.length)];
      for (const [k, ks] of evaluateEachKeyword(matcher, set)) lines.push(`  keyword ${describeScores(k, ks, 0).replace(': 0 articles,', ':')}`);
      for (const [c, cs] of evaluateByClass(matcher, set)) lines.push(`  class ${describeScores(c, cs, 0).replace(': 0 articles,', ':')}`);
      const flawed = flawedIn(name);
      lines.push(`  summaries: ${flawed.length} flawed of ${set.length}${flawed.map((f) => `\n    ${f.id}: ${f.flaws.map((x) => x.flaw).join(' ')}`).join('')}`);
      lines.push(...s.errors.map((e) => `  ${e.id}: +[${e.falsePositives.join(' ')}] -[${e.falseNegatives.join(' ')}]`));
      console.log(lines.join('\n'));
      expect(set.length).toBeGreaterThanOrEqual(30);
    });
  }
});
