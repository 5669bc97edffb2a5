/**
 * A small local article parse for matcher tests: the headline is the first line that is
 * not a caption or a dateline, paragraphs are the blank-line separated blocks after it.
 * (The pipeline's parser is tested on its own; these tests need only title and body.)
 */
import { readFileSync } from 'node:fs';
import { asArticleId } from '../../../src/core/ids.js';
import type { Article } from '../../../src/core/article.js';

export function article(title: string, paragraphs: readonly string[], id = 'test', url?: string): Article {
  return {
    id: asArticleId(id),
    ...(url ? { url } : {}),
    title,
    paragraphs,
    publishedAt: new Date(0),
    timeSource: 'ingest-time',
    citedSources: [],
    lang: 'ar',
  };
}

const DATELINE = /\d{4}\s*\/\s*\d{1,2}:\d{2}/u;

/** The canonical fixture as an Article: captions (lines before the dateline) and the dateline dropped. */
export function armeniaFixture(): Article {
  const text = readFileSync(new URL('../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');
  const blocks = text.split(/\n\s*\n/u).map((b) => b.trim()).filter(Boolean);
  const afterDateline = blocks.findIndex((b) => DATELINE.test(b)) + 1;
  const [title = '', ...paragraphs] = blocks.slice(afterDateline);
  return article(title, paragraphs, 'armenia-withdrawal');
}
