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
    // grammY writes part headers tightly (`content-disposition:form-data;name="f";filename=x.opml`),
    // which undici's strict parser refuses (Telegram accepts them): respell them before parsing.
    const tolerant = Buffer.from(body.toString('latin1')
      .replace(/\r\ncontent-disposition:\s*form-data;\s*/gi, '\r\nContent-Disposition: form-data; ')
      .replace(/(\r\nContent-Disposition: form-data; name="[^"]*");\s*filename=([^"\r\n;]+)/g, '$1; filename="$2"')
      .replace(/\r\ncontent-type:\s*/gi, '\r\nContent-Type: '), 'latin1');
    const form = await new Response(tolerant, { headers: { 'content-type': type } }).formData().catch(() => {
      throw new BadBody("Bad Request: can't parse multipart/form-data");
    });
    const files = new Map<string, { file: string; size: number; bytes: Uint8Array }>();
    for (const [k, v] of form) {
      // Uploads keep their bytes, so sendDocument can store what the bot sent.
      if (typeof v === 'string') params[k] = decodeField(k, v);
      else files.set(k, { file: v.name, size: v.size, bytes: new Uint8Array(await v.arrayBuffer()) });
    }
    // A field `attach://<name>` names the part that holds its file, as Telegram reads it.
    for (const [k, v] of Object.entries(params)) {
      const part = typeof v === 'string' && v.startsWith('attach://') ? files.get(v.slice('attach://'.length)) : undefined;
      if (part) params[k] = part;
    }
    for (const [k, part] of files) if (!(k in params)) params[k] = part;
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
