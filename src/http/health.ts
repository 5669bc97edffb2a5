/** GET /healthz: is Redis answering, are the queues readable, is this process polling what it should. */
import type { DeliveryStats } from '../delivery/ports.js';

export interface CheckResult {
  readonly ok: boolean;
  readonly detail?: unknown;
}

export interface HealthDeps {
  /** Resolves when Redis answers PING. */
  readonly pingRedis: () => Promise<unknown>;
  readonly stats?: Pick<DeliveryStats, 'queueDepths'>;
  /** Telegram update polling (or webhook) in this process; absent when this process has no bot role. */
  readonly polling?: () => CheckResult;
  /** The feed polls (src/jobs) in this process, if it runs them. */
  readonly feeds?: () => CheckResult;
  /** Each check gives up after this long (a down Redis must not hang the probe). Default 1,000 ms. */
  readonly timeoutMs?: number;
}

export interface HealthReport {
  readonly ok: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

async function within(ms: number, run: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([
      run().then((detail): CheckResult => ({ ok: true, ...(detail === undefined ? {} : { detail }) })),
      timeout,
    ]);
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Returns the probe: every check runs in parallel, each bounded by the timeout. */
export function createHealthCheck(deps: HealthDeps): () => Promise<HealthReport> {
  const ms = deps.timeoutMs ?? 1000;
  return async () => {
    const { stats } = deps;
    const [redis, queues] = await Promise.all([
      within(ms, async () => {
        await deps.pingRedis();
        return undefined;
      }),
      stats ? within(ms, () => stats.queueDepths()) : Promise.resolve(undefined),
    ]);
    const checks: Record<string, CheckResult> = { redis };
    if (queues) checks.queues = queues;
    if (deps.polling) checks.polling = deps.polling();
    if (deps.feeds) checks.feeds = deps.feeds();
    return { ok: Object.values(checks).every((c) => c.ok), checks };
  };
}
