import { describe, expect, test } from 'vitest';
import { ConfigError, createConfig } from '../../src/config.js';

describe('createConfig', () => {
  test('fills defaults for an empty environment', () => {
    const c = createConfig({});
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.sendRatePerSec).toBe(25);
    expect(c.jobLockMs).toBe(6000);
    expect(c.defaultTimeZone).toBe('Asia/Riyadh');
    expect(c.adminIds).toEqual([]);
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('parses admin ids and a bot token', () => {
    const c = createConfig({ ADMIN_IDS: '111, 222', BOT_TOKEN: '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ' });
    expect(c.adminIds).toEqual([111, 222]);
    expect(c.botToken).toMatch(/^123456789:/);
  });

  test('reports every problem at once, by variable name', () => {
    let error: unknown;
    try {
      createConfig({ BOT_TOKEN: 'nope', REDIS_URL: 'http://x', DEFAULT_TIMEZONE: 'Mars/Olympus', SEND_RATE_PER_SEC: '500', ADMIN_IDS: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['BOT_TOKEN', 'REDIS_URL', 'DEFAULT_TIMEZONE', 'ADMIN_IDS']) expect(problems).toContain(name);
  });

  test('a rate above 30/s needs paid broadcasts', () => {
    expect(() => createConfig({ SEND_RATE_PER_SEC: '500' })).toThrow(/PAID_BROADCAST/);
    expect(createConfig({ SEND_RATE_PER_SEC: '500', PAID_BROADCAST: 'true' }).sendRatePerSec).toBe(500);
  });

  test('the webhook is served on HTTP_PORT: WEBHOOK_PORT is still accepted, with a notice saying so', () => {
    const webhook = { WEBHOOK_URL: 'https://bot.example.com/telegram', WEBHOOK_SECRET: 'a-webhook-secret-of-length' };
    const c = createConfig({ ...webhook, HTTP_PORT: '8080', WEBHOOK_PORT: '8443' });
    expect(c.webhook).toEqual({ url: 'https://bot.example.com/telegram', secret: 'a-webhook-secret-of-length' });
    expect(c.notices).toEqual([expect.stringMatching(/WEBHOOK_PORT is no longer used: the webhook is served on HTTP_PORT \(8080\)/)]);
    expect(createConfig(webhook).notices).toEqual([]);
    expect(() => createConfig({ ...webhook, WEBHOOK_URL: 'https://bot.example.com/healthz' })).toThrow(/WEBHOOK_URL: its path is served/);
  });

  test('a job lock is between 2 s and 5 min', () => {
    expect(createConfig({ JOB_LOCK_MS: '10000' }).jobLockMs).toBe(10_000);
    expect(() => createConfig({ JOB_LOCK_MS: '500' })).toThrow(/JOB_LOCK_MS/);
  });

  test('a single Redis by default; a Redis Cluster from REDIS_CLUSTER_NODES', () => {
    expect(createConfig({}).redis).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379' });
    expect(createConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001,[::1]:7002' }).redis).toEqual({
      kind: 'cluster',
      nodes: [{ host: '10.0.0.1', port: 7000 }, { host: 'redis-b.internal', port: 7001 }, { host: '::1', port: 7002 }],
    });
  });

  test('says what is wrong with REDIS_CLUSTER_NODES, node by node', () => {
    let error: unknown;
    try {
      createConfig({ REDIS_CLUSTER_NODES: '10.0.0.1, 10.0.0.2:99999,10.0.0.3:7000,10.0.0.3:7000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const [problem] = (error as ConfigError).problems;
    expect(problem).toMatch(/^REDIS_CLUSTER_NODES: comma-separated host:port/);
    expect(problem).toContain('"10.0.0.1" is not host:port');
    expect(problem).toContain('"10.0.0.2:99999" is not host:port');
    expect(problem).toContain('10.0.0.3:7000 is listed twice');
  });

  test('takes a key prefix as is or hash-tagged ({tanbih}, as BullMQ writes it for clusters), nothing else', () => {
    expect(createConfig({ REDIS_PREFIX: 'tanbih' }).redisPrefix).toBe('tanbih');
    expect(createConfig({ REDIS_PREFIX: '{tanbih}' }).redisPrefix).toBe('{tanbih}');
    for (const bad of ['{tanbih', 'tan{bih}', '{a}{b}', 'Tanbih', '{}']) expect(() => createConfig({ REDIS_PREFIX: bad })).toThrow(/REDIS_PREFIX/);
  });
});
