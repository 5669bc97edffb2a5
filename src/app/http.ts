/**
 * The process's one HTTP server: POST /articles, GET /healthz and GET /metrics in every
 * role, and the webhook route in webhook mode. /healthz checks what this process runs.
 */
import { createArticlesRoute } from '../http/articles-route.js';
import { createHealthCheck, type CheckResult } from '../http/health.js';
import { createHttpServer, type WebhookRoute } from '../http/server.js';
import type { Infra } from './infra.js';
import type { Lifecycle } from './lifecycle.js';

export interface ServedChecks {
  /** Update polling (or the webhook), in roles that take updates. */
  readonly polling?: () => CheckResult;
  /** Feed polls, in roles that run workers. */
  readonly feeds?: () => CheckResult;
}

export async function serveHttp(infra: Infra, life: Lifecycle, checks: ServedChecks, webhook?: WebhookRoute): Promise<void> {
  const { config, delivery } = infra;
  const logger = infra.logger.child({ part: 'http' });
  const http = createHttpServer({
    articles: createArticlesRoute({
      ingest: delivery.ingest, bodyLimitBytes: config.http.bodyLimitBytes, logger,
      isAvailable: () => infra.redis.ingest.status === 'ready', ...(config.ingestToken ? { token: config.ingestToken } : {}),
    }),
    health: createHealthCheck({ pingRedis: () => infra.redis.queues.ping(), stats: delivery.stats, ...checks }),
    metrics: infra.metrics, logger,
    ...(webhook ? { webhook } : {}),
  });
  const address = await http.listen(config.http.port, config.http.host);
  logger.info({ host: address.address, port: address.port, ingestApi: Boolean(config.ingestToken), webhook: webhook?.path }, 'http listening');
  life.started('http', () => http.close());
}
