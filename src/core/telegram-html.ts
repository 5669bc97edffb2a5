/**
 * Telegram HTML validation: parses `html` the way the Bot API's parse_mode=HTML does and says
 * whether Telegram would accept it, and if so what text the reader gets and its UTF-16 length.
 *
 * Deliberately stricter than Telegram in one respect: a bare `&` that starts no entity and a
 * bare `>` are refused (Telegram tolerates them), because in this project they always mean a
 * piece of text reached the HTML without going through `escapeHtml`.
 */
export type TelegramHtmlCheck =
  | { readonly ok: true; readonly text: string; readonly length: number }
  | { readonly ok: false; readonly reason: string };

/** Tags Telegram accepts, and the attribute a tag must carry (if any). */
const TAGS: ReadonlyMap<string, { readonly required?: string }> = new Map([
  ['b', {}], ['strong', {}], ['i', {}], ['em', {}], ['u', {}], ['ins', {}],
  ['s', {}], ['strike', {}], ['del', {}], ['tg-spoiler', {}], ['span', { required: 'class' }],
  ['a', {}], ['code', {}], ['pre', {}], ['blockquote', {}],
  ['tg-emoji', { required: 'emoji-id' }], ['tg-time', { required: 'unix' }],
]);

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const ENTITY = /&(?:(lt|gt|amp|quot)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/y;
const TAG_NAME = /[a-zA-Z][a-zA-Z0-9-]*/y;
const ATTRIBUTE = /\s*([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/y;

const fail = (reason: string): TelegramHtmlCheck => ({ ok: false, reason });

/** Decodes the entity at `at` (which holds `&`), or undefined when none starts there. */
function readEntity(html: string, at: number): { char: string; end: number } | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(html);
  if (!m) return undefined;
  if (m[1]) return { char: NAMED[m[1]] ?? '', end: ENTITY.lastIndex };
  const code = m[2] !== undefined ? Number(m[2]) : Number.parseInt(m[3] ?? '', 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return { char: String.fromCodePoint(code), end: ENTITY.lastIndex };
}

/** Decodes entities inside an attribute value; undefined if one is malformed. */
function decodeAttribute(value: string): string | undefined {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch !== '&') { out += ch; continue; }
    const entity = readEntity(value, i);
    if (!entity) return undefined;
    out += entity.char;
    i = entity.end - 1;
  }
  return out;
}

/** Reads one start tag at `at` (which holds `<`); returns its name and end, or a reason. */
function readStartTag(html: string, at: number): { name: string; end: number } | { reason: string } {
  TAG_NAME.lastIndex = at + 1;
  const nameMatch = TAG_NAME.exec(html);
  if (!nameMatch) return { reason: `unescaped "<" at offset ${at}` };
  const name = nameMatch[0].toLowerCase();
  const spec = TAGS.get(name);
  if (!spec) return { reason: `unsupported start tag "${name}" at offset ${at}` };
  const attributes = new Map<string, string>();
  let i = TAG_NAME.lastIndex;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const m = html[i] === '>' ? null : ATTRIBUTE.exec(html);
    if (!m) break;
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    const value = decodeAttribute(raw);
    if (value === undefined) return { reason: `malformed entity in attribute of "${name}" at offset ${at}` };
    attributes.set((m[1] ?? '').toLowerCase(), value);
    i = ATTRIBUTE.lastIndex;
  }
  while (html[i] === ' ' || html[i] === '\n' || html[i] === '\t') i++;
  if (html[i] !== '>') return { reason: `malformed start tag "${name}" at offset ${at}` };
  if (spec.required && !attributes.has(spec.required)) {
    return { reason: `tag "${name}" must have attribute "${spec.required}" (offset ${at})` };
  }
  if (name === 'span' && attributes.get('class') !== 'tg-spoiler') {
    return { reason: `tag "span" must have class "tg-spoiler" (offset ${at})` };
  }
  return { name, end: i + 1 };
}

/**
 * Checks `html` against Telegram's HTML rules: only the supported tags (b, strong, i, em, u, ins,
 * s, strike, del, span class="tg-spoiler", tg-spoiler, a, code, pre, blockquote [expandable],
 * tg-emoji, tg-time); only `&lt; &gt; &amp; &quot;` and numeric entities; every tag closed, in
 * order; blockquotes not nested. On success returns the reader's text and its length in UTF-16
 * units (what Telegram's 4096 limit counts). Never throws.
 */
export function validateTelegramHtml(html: string): TelegramHtmlCheck {
  const open: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i] ?? '';
    if (ch === '&') {
      const entity = readEntity(html, i);
      if (!entity) return fail(`unescaped "&" or unsupported entity at offset ${i}`);
      text += entity.char;
      i = entity.end;
    } else if (ch === '>') {
      return fail(`unescaped ">" at offset ${i}`);
    } else if (ch === '<' && html[i + 1] === '/') {
      const close = html.indexOf('>', i);
      const name = (close < 0 ? '' : html.slice(i + 2, close)).trim().toLowerCase();
      const expected = open.pop();
      if (expected === undefined) return fail(`end tag "${name}" at offset ${i} closes nothing`);
      if (name !== expected) return fail(`unmatched end tag at offset ${i}: expected "</${expected}>", found "</${name}>"`);
      i = close + 1;
    } else if (ch === '<') {
      const tag = readStartTag(html, i);
      if ('reason' in tag) return fail(tag.reason);
      if (tag.name === 'blockquote' && open.includes('blockquote')) return fail(`nested blockquote at offset ${i}`);
      open.push(tag.name);
      i = tag.end;
    } else {
      text += ch;
      i++;
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) return fail(`can't find end tag corresponding to start tag "${unclosed}"`);
  return { ok: true, text, length: text.length };
}
