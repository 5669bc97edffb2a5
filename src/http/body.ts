/** Reading a request body safely: a byte limit, and strict UTF-8. */
import type { IncomingMessage } from 'node:http';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

export interface HttpProblem {
  readonly status: 400 | 401 | 404 | 413 | 415 | 422 | 503;
  readonly reason: string;
}

/**
 * Reads the whole body, refusing (413) as soon as it exceeds `limit` bytes: from the
 * Content-Length header when there is one, else while streaming. Never buffers more than `limit`.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Result<Buffer, HttpProblem>> {
  const tooLarge = err<HttpProblem>({ status: 413, reason: `body larger than ${limit} bytes` });
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return tooLarge;
    chunks.push(chunk);
  }
  return ok(Buffer.concat(chunks, size));
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 strictly (400 on any invalid sequence); a leading BOM is dropped. */
export function decodeUtf8(bytes: Buffer): Result<string, HttpProblem> {
  try {
    return ok(utf8.decode(bytes));
  } catch {
    return err({ status: 400, reason: 'body is not valid UTF-8' });
  }
}

export type BodyKind = 'json' | 'text';

/** Maps a Content-Type to what we accept: JSON or plain text, in UTF-8 only (415 otherwise). */
export function bodyKind(contentType: string | undefined): Result<BodyKind, HttpProblem> {
  const [type = '', ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replaceAll('"', '');
  const unsupported = err<HttpProblem>({
    status: 415,
    reason: 'send application/json or text/plain, in UTF-8',
  });
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return unsupported;
  if (type === 'application/json') return ok('json');
  if (type === 'text/plain') return ok('text');
  return unsupported;
}
