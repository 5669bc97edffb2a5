import type { CliIo } from './io.js';

/** `tanbih start [--role bot|worker|all]`: runs the app until SIGINT/SIGTERM (see src/main.ts). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { main } = await import('../main.js');
  return main(args, io);
}
