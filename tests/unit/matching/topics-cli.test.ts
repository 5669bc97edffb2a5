import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/topics.js';

async function topics(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await run(args, { stdin: new PassThrough(), stdout, stderr, env: {} });
  return { code, out, err };
}

describe('tanbih topics', () => {
  it('lists the catalogue grouped by kind with Arabic and English names and ids', async () => {
    const { code, out } = await topics([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^country \(\d+\)$/m);
    expect(out).toMatch(/^region \(\d+\)$/m);
    expect(out).toContain('أرمينيا — Armenia  (country:AM)');
    expect(out).toContain('جنوب القوقاز — South Caucasus  (region:south-caucasus)');
  });

  it.each([['armenia'], ['ارمينيا'], ['أرمينية']])('finds Armenia by "%s"', async (query) => {
    const { code, out } = await topics([query]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toContain('(country:AM)');
  });

  it('finds by several words and says so when nothing matches', async () => {
    expect((await topics(['جنوب', 'القوقاز'])).out).toContain('region:south-caucasus');
    const none = await topics(['zzqx']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('No topic matches "zzqx"');
  });
});
