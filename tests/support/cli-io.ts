/** A CliIo in memory: what a command printed, and the stdin it reads. */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

export function memoryIo(env: CliIo['env'], stdin = ''): { out: { stdout: string; stderr: string }; io: CliIo } {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') => {
    const s = new PassThrough();
    s.on('data', (c: Buffer) => void (out[key] += c.toString()));
    return s;
  };
  const input = new PassThrough();
  input.end(stdin);
  return { out, io: { stdin: input, stdout: stream('stdout'), stderr: stream('stderr'), env } };
}
