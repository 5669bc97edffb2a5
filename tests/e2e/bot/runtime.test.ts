/**
 * `npm start` as an operator runs it: a real child process pointed at the fake Bot API
 * (TELEGRAM_API_ROOT) and Redis; it answers /start, and SIGTERM stops it cleanly (exit 0)
 * in bounded time. A missing or malformed BOT_TOKEN says how to get one. Every role serves
 * one HTTP port: /healthz, and in webhook mode the webhook too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTelegram, startFakeTelegram } from '../../../src/fake-telegram/index.js';
import { connectRedis, deleteKeys, REDIS_URL } from '../../support/redis.js';

const prefix = `t-runtime-${randomBytes(3).toString('hex')}`;
let fake: FakeTelegram;

function start(env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start', ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', REDIS_URL, REDIS_PREFIX: prefix, HTTP_PORT: '0', DOTENV_CONFIG_PATH: '/nonexistent',
      // The canonical fixture (a 2024 article) is ingested as fresh news here.
      STALE_AFTER_HOURS: String(20 * 365 * 24), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

/** A port nobody listens on right now. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Every live process below `root`, read from /proc (Linux). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parentOf.set(Number(entry), Number(ppid));
    } catch {
      // The process ended while we read the table: not a descendant any more.
    }
  }
  const found: number[] = [];
  const walk = (pid: number): void => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').slice(-200).includes(') Z ');
  } catch {
    return false;
  }
};

// Real tokens have ≥ 30 characters after the colon; the fake knows its bot by the id alone.
const tokenFor = (f: FakeTelegram) => `${f.botInfo.id}:AAE_a_real_looking_token_for_the_fake_api`;

beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(async () => {
  await fake.close();
  const redis = connectRedis();
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe('npm start', () => {
  it('explains how to get a token from @BotFather when BOT_TOKEN is missing or malformed', async () => {
    const runs = ['', 'not-a-token'].map((token) => start({ BOT_TOKEN: token }));
    for (const run of runs) {
      expect(await run.exit).toBe(1);
      expect(run.output()).toContain('@BotFather');
    }
  });

  it('refuses an unknown role', async () => {
    const run = start({ BOT_TOKEN: fake.token }, ['--role', 'chef']);
    expect(await run.exit).toBe(2);
    expect(run.output()).toContain('--role bot|worker|all');
  });

  it('answers /start through long polling, registers its commands, and stops on SIGTERM with exit 0', async () => {
    const run = start({ BOT_TOKEN: tokenFor(fake), TELEGRAM_API_ROOT: fake.apiRoot });
    const user = fake.user({ firstName: 'مريم' });
    const chat = fake.privateChat(user);
    fake.sendUserMessage({ chat, text: '/start' });
    const welcome = await fake.waitFor(() => fake.sent(chat.id)[0], 20_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n--- child output ---\n${run.output()}`);
    });
    expect(welcome.text).toContain('أهلًا بك');
    // No ADMIN_IDS yet: the log tells the operator their own id (the chat is told nothing).
    expect(run.output()).toContain(`set ADMIN_IDS=${user.id} in .env`);
    expect(fake.commands(undefined, 'ar').map((c) => c.command)).toContain('mytopics');
    const stoppingAt = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(Date.now() - stoppingAt).toBeLessThan(15_000);
  });

  it('scales out: one --role bot process takes updates, a --role worker process ingests and delivers', async () => {
    const port = await freePort();
    const botPort = await freePort();
    const ingestToken = 'an-ingest-token-of-24-characters-or-more';
    const env = { BOT_TOKEN: tokenFor(fake), TELEGRAM_API_ROOT: fake.apiRoot, HTTP_PORT: String(port), INGEST_TOKEN: ingestToken };
    const bot = start({ ...env, HTTP_PORT: String(botPort) }, ['--role', 'bot']);
    const worker = start(env, ['--role=worker']);
    try {
      const user = fake.user({ firstName: 'يوسف' });
      const chat = fake.privateChat(user);
      fake.sendUserMessage({ chat, text: '/follow أرمينيا' });
      await fake.waitFor(() => fake.sent(chat.id).find((m) => m.text?.includes('✅')), 20_000);
      const article = readFileSync(new URL('../../fixtures/armenia-withdrawal.txt', import.meta.url), 'utf8');
      const post = async () =>
        fetch(`http://127.0.0.1:${port}/articles?url=${encodeURIComponent('https://example.com/scale-out')}`, {
          method: 'POST', headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'text/plain; charset=utf-8' }, body: article,
        }).catch(() => undefined);
      let accepted = await post();
      for (let i = 0; i < 100 && !accepted; i++) {
        await new Promise((r) => setTimeout(r, 200)); // the worker's HTTP server is still starting
        accepted = await post();
      }
      expect(accepted?.status).toBe(202);
      const alert = await fake.waitFor(() => fake.sent(chat.id).find((m) => m.text?.includes('بوتين')), 20_000);
      expect(alert.params.parse_mode).toBe('HTML');
      // Every role answers /healthz, so one container HEALTHCHECK fits all; the bot role reports its polling.
      const health = await fetch(`http://127.0.0.1:${botPort}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, checks: { redis: { ok: true }, polling: { ok: true } } });
    } finally {
      bot.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      expect(await bot.exit).toBe(0);
      expect(await worker.exit).toBe(0);
    }
  });

  it('--role bot in webhook mode: one HTTP port answers /healthz and takes the webhook updates', async () => {
    const port = await freePort();
    const secret = 'a-webhook-secret-for-the-runtime-test';
    const run = start({
      BOT_TOKEN: tokenFor(fake), TELEGRAM_API_ROOT: fake.apiRoot, HTTP_PORT: String(port),
      WEBHOOK_URL: 'https://tanbih.example.com/telegram/updates', WEBHOOK_SECRET: secret,
    }, ['--role', 'bot']);
    try {
      const healthz = () => fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      let health = await healthz();
      for (let i = 0; i < 150 && health?.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200)); // still starting (or the webhook not registered yet)
        health = await healthz();
      }
      if (health?.status !== 200) throw new Error(`no healthy /healthz on the API port\n--- child output ---\n${run.output()}`);
      expect(await health!.json()).toMatchObject({ ok: true, checks: { redis: { ok: true }, polling: { ok: true, detail: 'webhook' } } });
      expect(fake.calls('setWebhook').at(-1)?.params).toMatchObject({ url: 'https://tanbih.example.com/telegram/updates', secret_token: secret });

      const user = fake.user({ firstName: 'ليلى' });
      const chat = fake.privateChat(user);
      const update = {
        update_id: 700001,
        message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat, from: user, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
      };
      const post = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/telegram/updates`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update),
      });
      expect((await post({})).status).toBe(401); // no secret: refused, on the same port
      expect((await post({ 'x-telegram-bot-api-secret-token': secret })).status).toBe(200);
      const welcome = await fake.waitFor(() => fake.sent(chat.id)[0], 20_000);
      expect(welcome.text).toContain('أهلًا بك');
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
    }
  });

  it('`npm start -- --role worker`: SIGTERM to the npm process stops the app itself, leaving no process behind', async () => {
    const npm = spawn('npm', ['start', '--silent', '--', '--role', 'worker'], {
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'info', REDIS_URL, REDIS_PREFIX: prefix,
        HTTP_PORT: '0', DOTENV_CONFIG_PATH: '/nonexistent', BOT_TOKEN: tokenFor(fake), TELEGRAM_API_ROOT: fake.apiRoot,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const pid = npm.pid!;
    await fake.waitFor(() => output.includes('tanbih started') || undefined, 30_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n--- npm output ---\n${output}`);
    });
    const tree = descendants(pid);
    expect(tree.length).toBeGreaterThan(0);
    npm.kill('SIGTERM');
    // The shutdown bound (15 s) plus a margin for a busy machine; an orphaned app never goes.
    const left = await fake.waitFor(() => (tree.some(alive) ? undefined : 'none'), 25_000).catch(() => tree.filter(alive));
    for (const orphan of tree.filter(alive)) process.kill(orphan, 'SIGKILL'); // never leave one to later tests
    expect(left).toBe('none');
    expect(output).toContain('stopped cleanly');
  }, 60_000);
});
