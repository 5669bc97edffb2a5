/**
 * `npm run -s bench -- <name> [--json]`: runs bench/<name>.ts and prints its figures.
 * Each bench module exports `run(args: string[]): Promise<Record<string, unknown>>`.
 * Without a name, runs every bench in turn.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

type Bench = { run(args: string[]): Promise<Record<string, unknown>> };

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .toSorted();

const [name, ...rest] = process.argv.slice(2);
const json = rest.includes('--json') || (name === '--json');
const names = name && !name.startsWith('--') ? [name] : available;

for (const n of names) {
  if (!available.includes(n)) {
    console.error(`Unknown bench "${n}". Available: ${available.join(', ') || '(none yet)'}`);
    process.exit(2);
  }
  const mod = (await import(join(here, `${n}.bench.ts`))) as Bench;
  const figures = await mod.run(rest.filter((a) => a !== '--json'));
  if (json) console.log(JSON.stringify(figures));
  else console.log(`${n}:`, figures);
}
process.exit(0);
