import { describe, expect, it } from 'vitest';
import { builtinTopics } from '../../../src/core/catalog.js';
import { createMatcher } from '../../../src/core/matcher.js';
import { LABELLED_KEYWORDS, LABELLED_SET_NAMES, describeScores, evaluate, evaluateByClass, evaluateEachKeyword, evaluateKeywords, labelledArticles, labelledSet, toArticle } from './labelled.js';

const set = labelledArticles();
const matcher = createMatcher(builtinTopics());

function fired(id: string): string[] {
  const l = set.find((a) => a.id === id);
  if (!l) throw new Error(`no labelled article ${id}`);
  return matcher.match(toArticle(l)).map((m) => m.topicId);
}


const report = (name: string, n: number, s: ReturnType<typeof evaluate>): string =>
  `${describeScores(name, s, n)}\n${s.errors.map((e) => `  ${e.id}: +[${e.falsePositives.join(' ')}] -[${e.falseNegatives.join(' ')}]`).join('\n')}`;

describe('the labelled sets together', () => {
  const sets = LABELLED_SET_NAMES.map((n) => [n, labelledSet(n)] as const);

  it('hold at least 250 articles, holdout batches of at least 30, unique ids, real topics and sources', () => {
    const all = sets.flatMap(([, list]) => list);
    expect(all.length).toBeGreaterThanOrEqual(250);
    const holdoutSizes = sets.filter(([name]) => name.startsWith('holdout')).map(([, list]) => list.length);
    expect(holdoutSizes.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...holdoutSizes)).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    expect(all.filter((l) => l.source.trim() === '' || l.title.trim() === '').map((l) => l.id)).toEqual([]);
    const unknown = all.flatMap((l) => [...l.expect, ...l.forbid, ...l.optional].filter((id) => !matcher.get(id as never)).map((id) => `${l.id}: ${id}`));
    expect(unknown).toEqual([]);
    // A keyword label the tests do not add would count as a miss (or hide one): every label names a LABELLED_KEYWORDS entry.
    const keywords: readonly string[] = LABELLED_KEYWORDS;
    const strayKeywords = all.flatMap((l) => [...(l.keywords?.expect ?? []), ...(l.keywords?.optional ?? [])].filter((k) => !keywords.includes(k)).map((k) => `${l.id}: ${k}`));
    expect(strayKeywords).toEqual([]);
  });

  it('finds the topics of the real development articles with precision ≥ 0.95 and recall ≥ 0.88', () => {
    const news = labelledSet('news');
    const s = evaluate(matcher, news);
    console.log(report('news (development)', news.length, s));
    for (const [c, cs] of evaluateByClass(matcher, news)) console.log(`  class ${describeScores(c, cs, 0).replace(': 0 articles,', ':')}`);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.88);
  });

  it('finds the free keywords of the development articles with precision ≥ 0.92 and recall ≥ 0.85', () => {
    const news = labelledSet('news');
    const s = evaluateKeywords(createMatcher(builtinTopics()), news);
    console.log(report('news keywords', news.length, s));
    for (const [k, ks] of evaluateEachKeyword(createMatcher(builtinTopics()), news)) console.log(`  keyword ${describeScores(k, ks, 0).replace(': 0 articles,', ':')}`);
    expect(s.precision).toBeGreaterThanOrEqual(0.92);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the labelled set of Arabic news articles', () => {
  it('has at least 40 articles, each with its source and labels that name real topics', () => {
    expect(set.length).toBeGreaterThanOrEqual(40);
    expect(set.filter((l) => l.source.trim() === '').map((l) => l.id)).toEqual([]);
    const unknown = set.flatMap((l) =>
      [...l.expect, ...l.forbid, ...l.optional].filter((id) => !matcher.get(id as never)).map((id) => `${l.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('finds the topics each original article is about with micro precision ≥ 0.95 and recall ≥ 0.93', () => {
    const s = evaluate(matcher, set);
    console.log(
      `labelled set: ${set.length} articles, tp=${s.tp} fp=${s.fp} fn=${s.fn}, ` +
        `precision=${s.precision.toFixed(3)} recall=${s.recall.toFixed(3)}\n` +
        s.errors.map((e) => `  ${e.id}: +[${e.falsePositives.join(' ')}] -[${e.falseNegatives.join(' ')}]`).join('\n'),
    );
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.93);
  });

  it('prints the free-keyword figures of the original set (labelled for keywords after tuning, so printed, not asserted)', () => {
    const s = evaluateKeywords(createMatcher(builtinTopics()), set);
    console.log(report('original keywords', set.length, s));
    for (const [k, ks] of evaluateEachKeyword(createMatcher(builtinTopics()), set)) console.log(`  keyword ${describeScores(k, ks, 0).replace(': 0 articles,', ':')}`);
    expect(s.tp + s.fn).toBeGreaterThan(0);
  });

  it('keeps the hard cases apart: the US state of Georgia, Giorgia Meloni, Lebanese Armenians, sport', () => {
    const georgiaNotTheCountry = ['us-georgia-trump-indictment', 'us-georgia-swing-2024', 'us-election-trump-wins', 'it-meloni-tunisia', 'it-meloni-albania-centres'];
    expect(georgiaNotTheCountry.filter((id) => fired(id).includes('country:GE'))).toEqual([]);
    expect(fired('us-georgia-trump-indictment')).toContain('country:US');
    expect(fired('it-meloni-tunisia')).toEqual(expect.arrayContaining(['country:IT', 'person:meloni', 'country:TN']));
    expect(fired('lb-bourj-hammoud-municipal')).toContain('country:LB');
    expect(fired('lb-bourj-hammoud-municipal')).not.toContain('country:AM');
    expect(fired('jerusalem-armenian-quarter')).not.toContain('country:AM');
    expect(fired('sport-real-madrid-ucl')).toEqual([]);
    // A national team's result is news about the country (issue 10); its venue and the event are not.
    expect(fired('sport-morocco-semifinal')).toContain('country:MA');
    expect(fired('sport-morocco-semifinal')).not.toEqual(expect.arrayContaining(['country:QA']));
    expect(fired('sport-morocco-semifinal')).not.toContain('city:doha');
    expect(fired('iq-sudani-coalition-talks')).not.toContain('country:SD');
    expect(fired('lb-tripoli-power-protests')).not.toContain('country:LY');
  });
});
