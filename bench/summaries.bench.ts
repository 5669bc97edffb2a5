/**
 * Summary quality over the labelled set: how many summaries have a flaw a reader would notice
 * (summary-check.ts: another language, a photo credit, a fact-box item, a closing colon, a cut-off
 * end). Goal 0. Reads every file in tests/fixtures/labelled/. `npm run -s bench -- summaries --json`.
 */
import { auditLabelledSummaries } from '../tests/support/summary-audit.js';

export async function run(): Promise<Record<string, unknown>> {
  const audit = auditLabelledSummaries();
  const byFlaw: Record<string, number> = {};
  for (const a of audit.flawed) for (const f of a.flaws) byFlaw[f.flaw] = (byFlaw[f.flaw] ?? 0) + 1;
  return { articles: audit.articles, flawedSummaries: audit.flawed.length, byFlaw, flawed: audit.flawed.map((a) => a.id) };
}
