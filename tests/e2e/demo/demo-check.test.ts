/** `npm run -s demo -- --check`: the scripted session over HTTP, one JSON line, exit 0; and without Redis, one line of help, exit 1. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REDIS_URL } from '../../support/redis.js';

const root = new URL('../../../', import.meta.url).pathname;
const demo = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'demo', ...args], {
    cwd: root, encoding: 'utf8', timeout: 80_000, env: { ...process.env, ...env },
  });

// Each run starts a whole app in a child process: generous bounds for a loaded machine.
describe('demo --check', { timeout: 90_000 }, () => {
  it('follows South Caucasus, ingests the article and receives its alert, in one JSON line', () => {
    const run = demo(['--check'], { REDIS_URL });
    const lines = run.stdout.trim().split('\n');
    if (lines.length !== 1) throw new Error(`expected one JSON line; stderr:\n${run.stderr}`);
    const result = JSON.parse(lines[0]!) as { ok: boolean; alertsReceived: number; ms: number };
    expect({ ...result, stderr: run.stderr }).toMatchObject({ ok: true, alertsReceived: 1 });
    expect(result.ms).toBeGreaterThan(0);
    expect(run.status).toBe(0);
  });

  it('says in one line how to start Redis when none answers, and exits 1', () => {
    // Port 1 on loopback: nothing listens there.
    const run = demo(['--check'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const said = run.stderr.trim().split('\n');
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('docker compose up -d redis');
    expect(said[0]).toContain('redis-server');
  });
});
