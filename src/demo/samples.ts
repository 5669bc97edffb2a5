/**
 * The playground's sample content. Copied into data/demo/ rather than read from tests/fixtures:
 * a run of the app should not depend on the test tree (the Docker image leaves tests/ out).
 * data/demo/armenia-withdrawal.txt is the same text as tests/fixtures/armenia-withdrawal.txt.
 */
import { readFileSync } from 'node:fs';

const data = (name: string): string => readFileSync(new URL(`../../data/demo/${name}`, import.meta.url), 'utf8');

/** The canonical article (DESIGN.md): its alert reaches followers of Armenia, South Caucasus and Russia. */
export const SAMPLE_ARTICLE = data('armenia-withdrawal.txt');

/** Where the sample article was published: its alert links there and names the outlet. */
export const SAMPLE_ARTICLE_CONTEXT = { url: 'https://example.com/news/armenia-withdrawal', outlet: 'روسيا اليوم' } as const;

/** A one-item RSS feed the demo server serves at /samples/feed.xml. */
export const SAMPLE_FEED = data('sample-feed.xml');
