import type { CliIo } from './io.js';

/** `tanbih start` (placeholder until its issue lands). */
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('tanbih start: not built yet.\n');
  return 1;
}
