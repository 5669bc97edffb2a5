/**
 * A private redis-server (random free port, no persistence settings, a temp dir) is stopped
 * while alerts are going out and started again. The shared server on 6379 is never touched.
 * It is stopped with SHUTDOWN SAVE so its data survive the restart, as a persistent
 * production Redis (AOF, see docker-compose.yml) would keep them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DeliveryUnavailableError } from '../../../src/delivery/ingest-service.js';
import { startFakeTelegram, type FakeTelegram } from '../../../src/fake-telegram/index.js';
import { addFollowers, fixtureInput, wire, type Wiring } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'tanbih-redis-'));
let port = 0;
let server: ChildProcess | undefined;
let fake: FakeTelegram;
let w: Wiring;

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port: p } = s.address() as { port: number };
  s.close();
  await once(s, 'close');
  return p;
}

async function startRedis(): Promise<void> {
  server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const probe = new Redis({ port, lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
  probe.on('error', () => undefined);
  await probe.connect().catch(() => undefined);
  await probe.ping();
  probe.disconnect();
}

async function stopRedis(): Promise<void> {
  const admin = new Redis({ port, maxRetriesPerRequest: 1 });
  admin.on('error', () => undefined);
  await admin.call('SHUTDOWN', 'SAVE').catch(() => undefined);
  admin.disconnect();
  if (server && server.exitCode === null) await once(server, 'exit');
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  fake = await startFakeTelegram({ acceptAnyChat: true });
  fake.faults.latency(20);
  w = await wire({ redisUrl: `redis://127.0.0.1:${port}`, prefix: 'tanbih', apiRoot: fake.apiRoot, token: fake.token, rate: 200, concurrency: 5, lockDurationMs: 3000, ingestTimeoutMs: 1500 });
});

afterAll(async () => {
  await w?.close().catch(() => undefined);
  await fake?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGKILL');
    await once(server, 'exit');
  }
  rmSync(dir, { recursive: true, force: true });
});

it('answers a clear error while Redis is down, then reconnects and delivers everything acknowledged', async () => {
  const chats = await addFollowers(w.stores, 'country:AM', 50_000_001, 400);
  const first = await w.delivery.ingest.ingest(fixtureInput());
  expect(first.status).toBe('queued');
  await fake.waitFor(() => fake.sent().length >= 100, 20_000);

  await stopRedis();
  const asked = Date.now();
  const gas = {
    kind: 'json' as const,
    json: { title: 'أرمينيا توقع اتفاقية لاستيراد الغاز', body: 'وقعت وزارة الطاقة في أرمينيا اتفاقية جديدة لاستيراد الغاز الطبيعي لمدة عشر سنوات، قال مسؤولون إنها ستخفض فواتير الكهرباء على الأسر خلال الشتاء.', url: 'https://example.org/armenia/gas' },
  };
  const during = await w.delivery.ingest.ingest(gas).then(() => undefined, (e: unknown) => e);
  expect(during).toBeInstanceOf(DeliveryUnavailableError);
  expect(String(during)).toMatch(/Redis unreachable/);
  // It answers instead of hanging (its own deadline is 3 s); the bound here only catches a hang,
  // with room for a machine so busy that timers fire seconds late.
  expect(Date.now() - asked).toBeLessThan(20_000);
  const sentWhileDown = fake.sent().length;
  await new Promise((r) => setTimeout(r, 1500));

  await startRedis();
  // The client retries what was refused (503s until the app has reconnected), then it is accepted
  // (or found already stored) and delivered.
  let retried;
  for (let attempt = 0; !retried; attempt++) {
    retried = await w.delivery.ingest.ingest(gas).catch((e: unknown) => {
      if (!(e instanceof DeliveryUnavailableError) || attempt > 120) throw e;
      return new Promise<undefined>((r) => setTimeout(() => r(undefined), 250));
    });
  }
  expect(['queued', 'duplicate']).toContain(retried.status);
  // Wait for every (chat, alert) pair, not for a count of sends: a send repeated around the outage
  // (at least once) would end the wait while alerts are still on their way.
  const pairs = (): number => new Set(fake.sent().map((m) => `${m.chatId}|${(m.text ?? '').slice(0, 40)}`)).size;
  await fake.waitFor(() => pairs() >= 2 * chats.length, 40_000);
  const received = new Map<number, number>();
  const perAlert = new Map<string, number>();
  for (const m of fake.sent()) {
    received.set(m.chatId, (received.get(m.chatId) ?? 0) + 1);
    const key = `${m.chatId}|${(m.text ?? '').slice(0, 40)}`;
    perAlert.set(key, (perAlert.get(key) ?? 0) + 1);
  }
  const duplicates = [...perAlert.values()].reduce((sum, n) => sum + n - 1, 0);
  console.log(`redis outage: ${sentWhileDown} sent before the stop, ${fake.sent().length} in all, ${duplicates} duplicates`);
  expect(chats.every((c) => (received.get(c) ?? 0) >= 2)).toBe(true);
  expect(perAlert.size).toBe(2 * chats.length);
}, 90_000);
