/** POST /articles: authenticate, read, validate, ingest; every refusal carries a reason. */
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../logger.js';
import type { IngestOutcome, IngestService } from '../delivery/ports.js';
import { createBearerCheck } from './auth.js';
import { bodyKind, decodeUtf8, readBody } from './body.js';
import { toArticleInput } from './article-request.js';

export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ArticlesRouteDeps {
  readonly ingest: Pick<IngestService, 'ingest'>;
  /** Unset: the endpoint answers 404 (the API is off). */
  readonly token?: string;
  readonly bodyLimitBytes: number;
  /** False while Redis is unreachable: answer 503 at once rather than hold the request. */
  readonly isAvailable?: () => boolean;
  /** An ingest that takes longer than this answers 503 (the client retries; a retry is a 200 duplicate). */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

const problem = (status: number, reason: string, headers?: Record<string, string>): RouteAnswer => ({
  status,
  body: { error: reason },
  ...(headers ? { headers } : {}),
});

const unavailable = problem(503, 'storage unavailable, try again shortly', { 'retry-after': '5' });

function answer(outcome: IngestOutcome): RouteAnswer {
  if (outcome.status === 'rejected') return problem(422, outcome.reason ?? 'the article was rejected');
  const topics = outcome.topics.map((t) => ({ id: t.topicId, name: t.name, score: t.score }));
  const body = {
    status: outcome.status,
    articleId: outcome.articleId,
    topics,
    recipients: outcome.recipients,
    ...(outcome.duplicateOf ? { duplicateOf: outcome.duplicateOf } : {}),
    ...(outcome.warnings && outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}),
    ...(outcome.story ? { story: outcome.story } : {}),
  };
  return { status: outcome.status === 'duplicate' ? 200 : 202, body };
}

/** Creates the handler. It never throws for bad input; an outage becomes a 503. */
export function createArticlesRoute(deps: ArticlesRouteDeps): (req: IncomingMessage, url: URL) => Promise<RouteAnswer> {
  const authorized = deps.token ? createBearerCheck(deps.token) : undefined;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  return async (req, url) => {
    if (!authorized) return problem(404, 'the ingest API is off (INGEST_TOKEN is not set)');
    if (!authorized(req.headers.authorization)) {
      return problem(401, 'missing or wrong bearer token', { 'www-authenticate': 'Bearer' });
    }
    const kind = bodyKind(req.headers['content-type']);
    if (!kind.ok) return problem(kind.error.status, kind.error.reason);
    const bytes = await readBody(req, deps.bodyLimitBytes);
    if (!bytes.ok) return problem(bytes.error.status, bytes.error.reason, { connection: 'close' });
    const text = decodeUtf8(bytes.value);
    if (!text.ok) return problem(text.error.status, text.error.reason);
    const input = toArticleInput(kind.value, text.value, url.searchParams);
    if (!input.ok) return problem(input.error.status, input.error.reason);
    if (deps.isAvailable && !deps.isAvailable()) return unavailable;
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = await Promise.race([
        deps.ingest.ingest(input.value),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`ingest took longer than ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return answer(outcome);
    } catch (e) {
      deps.logger.error({ err: e }, 'ingest failed');
      return unavailable;
    } finally {
      clearTimeout(timer);
    }
  };
}
