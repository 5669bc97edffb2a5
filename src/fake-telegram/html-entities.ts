import type { MessageEntity } from 'grammy/types';

const SIMPLE: Readonly<Record<string, MessageEntity['type']>> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler',
  code: 'code', pre: 'pre', blockquote: 'blockquote',
};

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * Echo only: the entities Telegram would attach to a message sent with parse_mode HTML.
 * Validation is `validateTelegramHtml`'s job; this walks HTML it already accepted. Returns
 * undefined when its own reading of the text differs from `expectedText` (then the fake
 * sends no entities rather than wrong ones).
 */
export function htmlEntities(html: string, expectedText: string): MessageEntity[] | undefined {
  const entities: MessageEntity[] = [];
  const open: { tag: string; entity: MessageEntity | undefined }[] = [];
  let text = '';
  const tagRe = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*>|&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g;
  let last = 0;
  for (let m = tagRe.exec(html); m !== null; m = tagRe.exec(html)) {
    text += html.slice(last, m.index);
    last = tagRe.lastIndex;
    if (m[4] !== undefined) {
      text += decodeEntity(m[4]) ?? m[0];
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') {
      const top = open.pop();
      if (top?.entity) top.entity.length = text.length - top.entity.offset;
      continue;
    }
    const entity = entityFor(tag, attributes(m[3] ?? ''), text.length, open);
    if (entity) entities.push(entity);
    open.push({ tag, entity });
  }
  text += html.slice(last);
  if (text !== expectedText) return undefined;
  return entities.filter((e) => e.length > 0);
}

function entityFor(
  tag: string,
  attrs: Map<string, string>,
  offset: number,
  open: readonly { tag: string; entity: MessageEntity | undefined }[],
): MessageEntity | undefined {
  if (tag === 'a') {
    const href = attrs.get('href') ?? '';
    const user = /^tg:\/\/user\?id=(\d+)$/.exec(href);
    return user
      ? ({ type: 'text_mention', offset, length: 0, user: { id: Number(user[1]), is_bot: false, first_name: '' } })
      : { type: 'text_link', offset, length: 0, url: href };
  }
  if (tag === 'span') return attrs.get('class') === 'tg-spoiler' ? { type: 'spoiler', offset, length: 0 } : undefined;
  if (tag === 'tg-emoji') return { type: 'custom_emoji', offset, length: 0, custom_emoji_id: attrs.get('emoji-id') ?? '' };
  if (tag === 'blockquote' && attrs.has('expandable')) return { type: 'expandable_blockquote', offset, length: 0 };
  const type = SIMPLE[tag];
  if (type === undefined) return undefined;
  const parent = open.at(-1);
  if (type === 'code' && parent?.tag === 'pre' && parent.entity?.type === 'pre') {
    // <pre><code class="language-x"> is one pre entity with a language.
    const language = /^language-(.+)$/.exec(attrs.get('class') ?? '')?.[1];
    if (language) parent.entity.language = language;
    return undefined;
  }
  return { type, offset, length: 0 } as MessageEntity;
}

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    attrs.set((m[1] ?? '').toLowerCase(), raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, e: string) => decodeEntity(e) ?? all));
  }
  return attrs;
}

function decodeEntity(name: string): string | undefined {
  if (!name.startsWith('#')) return NAMED[name];
  const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
