import type { CliIo } from './io.js';

/** `tanbih topics` (placeholder until its issue lands). */
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('tanbih topics: not built yet.\n');
  return 1;
}
