/**
 * The playground's own small HTTP server (node:http, loopback): the chat page, a live
 * stream of the chats (server-sent events), and the moves a person makes (send a message,
 * tap a button, ingest an article). POST bodies must be JSON, so another site's page cannot
 * post to it without a CORS preflight, which this server never grants.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatLog } from './chat-log.js';
import type { Emulator } from './emulator.js';
import type { IngestProxy, PasteKind } from './ingest.js';
import { isPersonKey, PEOPLE } from './people.js';
import { SAMPLE_ARTICLE, SAMPLE_ARTICLE_CONTEXT, SAMPLE_FEED } from './samples.js';

export interface DemoServerDeps {
  readonly emulator: Emulator;
  readonly log: ChatLog;
  readonly ingest: IngestProxy;
}

export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

const page = (name: string): string => readFileSync(new URL(`./page/${name}`, import.meta.url), 'utf8');
const STATIC: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: page('index.html') },
  '/app.js': { type: 'text/javascript; charset=utf-8', body: page('app.js') },
  '/app.css': { type: 'text/css; charset=utf-8', body: page('app.css') },
  '/samples/feed.xml': { type: 'application/rss+xml; charset=utf-8', body: SAMPLE_FEED },
};
const BODY_LIMIT = 1024 * 1024;
const PASTE_KINDS = new Set<PasteKind>(['text', 'html', 'feed']);

class Refusal extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new Refusal(415, 'send application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new Refusal(413, `body larger than ${BODY_LIMIT} bytes`);
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Falls through to the refusal below.
  }
  throw new Refusal(400, 'malformed JSON object');
}

const stringOr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function person(value: unknown) {
  if (!isPersonKey(value)) throw new Refusal(400, `user must be one of ${PEOPLE.map((p) => p.key).join(', ')}`);
  return value;
}

export async function startDemoServer(deps: DemoServerDeps, port = 0): Promise<DemoServer> {
  const { emulator, log, ingest } = deps;
  const streams = new Set<ServerResponse>();

  const events = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // EventSource sends Last-Event-ID when it reconnects: replay only what it missed.
    const after = Number(req.headers['last-event-id'] ?? 0);
    const unsubscribe = log.subscribe(Number.isSafeInteger(after) ? after : 0, (event, id) => {
      res.write(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    streams.add(res);
    res.on('close', () => {
      unsubscribe();
      clearInterval(ping);
      streams.delete(res);
    });
  };

  const api = async (key: string, req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> => {
    switch (key) {
      case 'GET /api/people':
        return send(res, 200, PEOPLE.map((p) => ({ ...p, chatId: emulator.chatOf(p.key).id })));
      case 'GET /api/messages':
        return send(res, 200, log.messages(emulator.chatOf(person(url.searchParams.get('user'))).id));
      case 'GET /api/samples':
        return send(res, 200, { article: SAMPLE_ARTICLE, ...SAMPLE_ARTICLE_CONTEXT, feedUrl: new URL('/samples/feed.xml', url).href });
      case 'POST /api/send': {
        const body = await readJson(req);
        const user = person(body['user']);
        const text = typeof body['text'] === 'string' ? body['text'].trim() : '';
        if (text === '' || text.length > 4096) throw new Refusal(400, 'text must be 1–4096 characters');
        const message = emulator.say(user, text);
        log.userMessage(message);
        return send(res, 202, { messageId: message.message_id });
      }
      case 'POST /api/tap': {
        const body = await readJson(req);
        const user = person(body['user']);
        const messageId = Number(body['messageId']);
        const data = body['data'];
        if (!Number.isSafeInteger(messageId) || typeof data !== 'string') throw new Refusal(400, 'messageId and data are required');
        let queryId: string;
        try {
          queryId = emulator.tap(user, messageId, data);
        } catch (e) {
          throw new Refusal(409, e instanceof Error ? e.message : String(e));
        }
        log.tapped(queryId, emulator.chatOf(user).id);
        return send(res, 202, { queryId });
      }
      case 'POST /api/ingest': {
        const body = await readJson(req);
        const kind = body['kind'] as PasteKind;
        if (!PASTE_KINDS.has(kind) || typeof body['content'] !== 'string') throw new Refusal(400, 'kind (text|html|feed) and content are required');
        const outcome = await ingest.ingest(kind, body['content'], { url: stringOr(body['url']), outlet: stringOr(body['outlet']) });
        return send(res, outcome.ok ? 200 : 422, outcome);
      }
      default:
        throw new Refusal(404, 'not found');
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const key = `${req.method ?? 'GET'} ${url.pathname}`;
    const asset = req.method === 'GET' ? STATIC[url.pathname] : undefined;
    if (asset) {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      res.end(asset.body);
      return;
    }
    if (key === 'GET /events') return events(req, res);
    api(key, req, url, res).catch((e: unknown) => {
      if (e instanceof Refusal) send(res, e.status, { error: e.message });
      else send(res, 500, { error: e instanceof Error ? e.message : String(e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      for (const res of streams) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
