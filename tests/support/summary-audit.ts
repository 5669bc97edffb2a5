/**
 * Summarizes every article of the labelled set (every .json / .jsonl file in
 * tests/fixtures/labelled/ and its sub-folders — development and holdout batches alike: this
 * audits summaries, it tunes nothing on them) through the real pipeline and
 * audits each summary with summaryFlaws. Used by the unit test (goal: 0 flawed) and by
 * `npm run -s bench -- summaries --json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinTopics } from '../../src/core/catalog.js';
import { createMatcher } from '../../src/core/matcher.js';
import { prepareArticle } from '../../src/core/pipeline.js';
import { summaryFlaws, type SummaryFlaw } from '../../src/core/summary-check.js';

const folder = new URL('../fixtures/labelled/', import.meta.url);

interface Record_ {
  readonly id?: string;
  readonly title?: string;
  readonly body?: string | readonly string[];
}

/** Every record with a body in every file of the folder, JSON arrays and JSON Lines alike. */
export function labelledRecords(): { file: string; record: Record_ }[] {
  const out: { file: string; record: Record_ }[] = [];
  const files = (readdirSync(folder, { recursive: true }) as string[]).filter((f) => /\.jsonl?$/.test(f)).toSorted();
  for (const file of files) {
    const text = readFileSync(new URL(file, folder), 'utf8');
    let records: unknown[] = [];
    if (file.endsWith('.jsonl')) records = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
    else if (file.endsWith('.json')) {
      const parsed = JSON.parse(text) as unknown;
      records = Array.isArray(parsed) ? parsed : Object.values(parsed as object).flat();
    }
    for (const r of records) {
      if (r && typeof r === 'object' && 'body' in r) out.push({ file, record: r as Record_ });
    }
  }
  return out;
}

export interface SummaryAudit {
  readonly articles: number;
  readonly flawed: readonly { file: string; id: string; flaws: { flaw: SummaryFlaw; sentence: string }[] }[];
}

export function auditLabelledSummaries(): SummaryAudit {
  const deps = { now: new Date('2026-01-01T00:00:00Z'), defaultTimeZone: 'Asia/Riyadh', matcher: createMatcher(builtinTopics()) };
  const flawed: SummaryAudit['flawed'][number][] = [];
  let articles = 0;
  for (const [n, { file, record }] of labelledRecords().entries()) {
    const body = Array.isArray(record.body) ? record.body.join('\n\n') : String(record.body);
    const prepared = prepareArticle({ kind: 'json', json: { ...(record.title ? { title: record.title } : {}), body } }, deps);
    if (!prepared.ok) continue;
    articles++;
    const flaws = summaryFlaws(prepared.value.summary, prepared.value.article);
    if (flaws.length > 0) flawed.push({ file, id: record.id ?? `#${n}`, flaws });
  }
  return { articles, flawed };
}
