/**
 * Typed, validated callback data. Telegram gives back at most 64 bytes of whatever a
 * button carried, and anyone can forge a callback query, so every payload is packed by a
 * codec and unpacked only if it parses exactly. Hand-written: the maintained package
 * (callback-data) neither checks the 64-byte limit nor validates field contents.
 *
 * Format: `prefix|v1|v2…`. Field kinds: `int` (safe integer, may be negative: chat ids),
 * `id` (topic ids and similar: `[A-Za-z0-9:_.-]{1,48}`), or a list of allowed words.
 */

export const CALLBACK_DATA_MAX_BYTES = 64;

type FieldKind = 'int' | 'id' | readonly string[];
type ValueOf<K> = K extends 'int' ? number : K extends 'id' ? string : K extends readonly (infer W)[] ? W : never;
export type Unpacked<F extends Record<string, FieldKind>> = { readonly [P in keyof F]: ValueOf<F[P]> };

export interface CallbackData<F extends Record<string, FieldKind>> {
  readonly prefix: string;
  /** Builds the button payload. Throws (a bug, not input) if a value is invalid or the result exceeds 64 bytes. */
  pack(values: Unpacked<F>): string;
  /** Parses a payload; undefined when it is not this codec's or is malformed in any way. */
  unpack(data: string): Unpacked<F> | undefined;
  /** Matches this codec's payloads (prefix only), for `bot.callbackQuery(codec.filter(), …)`. */
  filter(): RegExp;
}

const ID = /^[A-Za-z0-9:_.-]{1,48}$/;
const INT = /^-?\d{1,16}$/;
const PREFIX = /^[a-z]{1,8}$/;

function valid(kind: FieldKind, raw: string): boolean {
  if (kind === 'int') return INT.test(raw) && Number.isSafeInteger(Number(raw));
  if (kind === 'id') return ID.test(raw);
  return kind.includes(raw);
}

/** Creates a codec; field order is the key order of `fields`. */
export function createCallbackData<const F extends Record<string, FieldKind>>(prefix: string, fields: F): CallbackData<F> {
  if (!PREFIX.test(prefix)) throw new Error(`callback prefix must be 1–8 lower-case letters: ${prefix}`);
  const names = Object.keys(fields) as (keyof F & string)[];
  const kinds = names.map((n) => fields[n] as FieldKind);
  return {
    prefix,
    pack(values) {
      const parts = names.map((n, i) => {
        const raw = String(values[n]);
        if (!valid(kinds[i] as FieldKind, raw)) throw new Error(`invalid callback field ${prefix}.${n}: ${raw}`);
        return raw;
      });
      const data = [prefix, ...parts].join('|');
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data over 64 bytes: ${data}`);
      return data;
    },
    unpack(data) {
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return undefined;
      const [head, ...parts] = data.split('|');
      if (head !== prefix || parts.length !== names.length) return undefined;
      const out: Record<string, string | number> = {};
      for (const [i, n] of names.entries()) {
        const raw = parts[i] as string;
        const kind = kinds[i] as FieldKind;
        if (!valid(kind, raw)) return undefined;
        out[n] = kind === 'int' ? Number(raw) : raw;
      }
      return out as Unpacked<F>;
    },
    filter: () => new RegExp(`^${prefix}\\|`),
  };
}
