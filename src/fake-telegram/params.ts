import type { IncomingMessage } from 'node:http';

/** Parameters of one Bot API call, as Telegram would see them after decoding the body. */
export type Params = Readonly<Record<string, unknown>>;

/** Raised when a body cannot be decoded; the server answers 400 with this description. */
export class BadBody extends Error {}

// Fields Telegram decodes as JSON when they arrive as form fields (strings).
const JSON_FIELDS = new Set([
  'reply_markup', 'entities', 'caption_entities', 'commands', 'scope', 'allowed_updates',
  'link_preview_options', 'reply_parameters', 'media',
]);

/**
 * Reads and decodes a request: query string, then the body (JSON, urlencoded or multipart).
 * Form values stay strings except the JSON fields above; files become `{ file: name, size }`.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) params[k] = decodeField(k, v);
  const body = await readBody(req);
  if (body.length === 0) return params;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BadBody("Bad Request: can't parse JSON");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new BadBody('Bad Request: JSON body must be an object');
    }
    return Object.assign(params, parsed);
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = decodeField(k, v);
    return params;
  }
  if (type.startsWith('multipart/form-data')) {
    // The platform's multipart parser (undici, behind Response#formData) does the decoding.
    const form = await new Response(body, { headers: { 'content-type': type } }).formData().catch(() => {
      throw new BadBody("Bad Request: can't parse multipart/form-data");
    });
    for (const [k, v] of form) {
      params[k] = typeof v === 'string' ? decodeField(k, v) : { file: v.name, size: v.size };
    }
    return params;
  }
  throw new BadBody(`Bad Request: unsupported content type ${type || '(none)'}`);
}

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new BadBody(`Bad Request: can't parse ${key} JSON object`);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A string parameter, or undefined when absent; numbers are accepted as Telegram does. */
export function str(params: Params, key: string): string | undefined {
  const v = params[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** An integer parameter (number or numeric string), or undefined when absent or not an integer. */
export function int(params: Params, key: string): number | undefined {
  const v = params[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A boolean parameter ('true'/'false' strings included). */
export function bool(params: Params, key: string): boolean {
  const v = params[key];
  return v === true || v === 'true' || v === 1 || v === '1';
}
