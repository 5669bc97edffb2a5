import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BotEntry, FakeDeps, MethodHandler } from './context.js';
import { BadBody, readParams, type Params } from './params.js';
import { fail, failure, type ApiReply } from './replies.js';

/** What the HTTP layer needs: the handlers, the shared deps, and a bot per token. */
export interface ServerDeps extends FakeDeps {
  readonly methods: ReadonlyMap<string, MethodHandler>;
  /** The bot a token belongs to, or undefined when the token is malformed (401). */
  readonly botFor: (token: string) => BotEntry | undefined;
}

const ROUTE = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/;
const FILE_ROUTE = /^\/file\/bot([^/]+)\/documents\/([\w-]+)$/;

/**
 * The Bot API over HTTP: `/bot<token>/<method>`, GET or POST. Applies latency and
 * transport faults, runs the method, records the call, answers with Telegram's status code.
 */
export function createFakeServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      // A bug in the fake: answer 500 so the test sees it instead of a hang.
      if (!res.headersSent) reply(res, failure(500, `fake Telegram bug: ${error instanceof Error ? error.stack : String(error)}`));
    });
  });
  // Long polls hold requests for up to `timeout` seconds; keep-alive sockets must outlive a test
  // so the client never reuses a socket the server is closing (ECONNRESET flakes).
  server.requestTimeout = 0;
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake-telegram');
  const download = FILE_ROUTE.exec(url.pathname);
  if (download) {
    req.resume();
    const file = deps.botFor(download[1] ?? '') ? deps.state.files.get(download[2] ?? '') : undefined;
    if (!file) return void res.writeHead(404).end();
    return void res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.byteLength }).end(file.bytes);
  }
  const route = ROUTE.exec(url.pathname);
  if (!route) {
    req.resume();
    return reply(res, fail.notFound());
  }
  const [, token = '', methodName = ''] = route;
  const bot = deps.botFor(token);
  if (!bot) {
    req.resume();
    return reply(res, fail.unauthorized());
  }
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  const at = Date.now();
  let params: Params;
  try {
    params = await readParams(req, url);
  } catch (error) {
    if (!(error instanceof BadBody)) throw error;
    return finish(res, deps, { method: methodName, params: {}, at, botId: bot.info.id }, failure(400, error.message));
  }
  const record = { method: methodName, params, at, botId: bot.info.id };
  const handler = deps.methods.get(methodName.toLowerCase());
  if (!handler) return finish(res, deps, record, fail.notFound());
  const delay = deps.faults.latencyFor(methodName);
  if (delay > 0) await sleep(delay);
  const now = Date.now();
  deps.faults.arrived(methodName, bot.info.id, now);
  const fault = deps.faults.before(methodName, now);
  if (fault === 'drop') {
    deps.recorder.record({ ...record, response: null });
    req.socket.destroy();
    return;
  }
  const answer = fault ?? (await handler({ method: methodName, params, bot, now, signal: aborted.signal }, deps));
  if (answer.ok) deps.faults.accept(methodName, now);
  finish(res, deps, record, answer);
}

function finish(
  res: ServerResponse,
  deps: ServerDeps,
  record: { method: string; params: Params; at: number; botId: number },
  answer: ApiReply,
): void {
  deps.recorder.record({ ...record, response: answer });
  reply(res, answer);
}

function reply(res: ServerResponse, answer: ApiReply): void {
  if (res.destroyed || res.writableEnded) return;
  const body = JSON.stringify(answer);
  res.writeHead(answer.ok ? 200 : answer.error_code, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
