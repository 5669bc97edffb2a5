/**
 * The one HTTP server of a process: POST /articles, GET /healthz, GET /metrics, and the
 * Telegram webhook route when webhooks are on. node:http, no framework: four routes do not
 * need a router (and grammY's webhookCallback has an adapter for node:http).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import type { RouteAnswer } from './articles-route.js';
import type { HealthReport } from './health.js';
import type { Metrics } from './metrics.js';

export interface HttpServerDeps {
  readonly articles: (req: IncomingMessage, url: URL) => Promise<RouteAnswer>;
  readonly health: () => Promise<HealthReport>;
  readonly metrics: Pick<Metrics, 'render'>;
  readonly logger: Logger;
  /** The webhook route (POST on the path of WEBHOOK_URL), when this process takes updates by webhook. */
  readonly webhook?: WebhookRoute;
}

export interface WebhookRoute {
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface HttpServer {
  readonly server: Server;
  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, lets requests in flight finish, then closes idle connections. */
  close(): Promise<void>;
}

function send(res: ServerResponse, answer: RouteAnswer): void {
  const payload = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...answer.headers,
  });
  res.end(payload);
}

/** Creates (does not start) the server. */
export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const { logger } = deps;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = `${req.method ?? ''} ${url.pathname}`;
    if (key === 'POST /articles') return send(res, await deps.articles(req, url));
    if (deps.webhook && key === `POST ${deps.webhook.path}`) return deps.webhook.handle(req, res);
    if (key === 'GET /healthz') {
      const report = await deps.health();
      return send(res, { status: report.ok ? 200 : 503, body: report });
    }
    if (key === 'GET /metrics') {
      const { contentType, body } = await deps.metrics.render();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
      return;
    }
    const known = ['/articles', '/healthz', '/metrics', ...(deps.webhook ? [deps.webhook.path] : [])].includes(url.pathname);
    send(res, known ? { status: 405, body: { error: `${req.method ?? ''} is not allowed here` } } : { status: 404, body: { error: 'not found' } });
  }

  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    route(req, res).catch((e: unknown) => {
      logger.error({ err: e, method: req.method, url: req.url }, 'http handler failed');
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal error' } });
      else res.destroy();
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
