import { describe, expect, it } from 'vitest';
import { checkText, decodeUtf8, MAX_INPUT_BYTES } from '../../../../src/core/parse/guards.js';

const code = (r: { ok: boolean; error?: { code: string } }): string | undefined => (r.ok ? undefined : r.error?.code);

describe('input guards', () => {
  it('accepts an ordinary Arabic article', () => {
    expect(checkText('أعلن الجيش السوداني استعادة السيطرة على مدينة ود مدني.').ok).toBe(true);
  });

  it.each([
    ['empty text', '', 'empty'],
    ['white space only', ' \n\t \n', 'empty'],
    ['NUL characters', 'خبر\0\0\0عاجل', 'binary'],
    ['replacement characters from a lossy decode', 'خبر \uFFFD\uFFFD عاجل', 'binary'],
    ['symbols and digits', '#### 1234 5678 $$$$ %%%% ---- ++++ 9999', 'not-text'],
    ['a base64 blob', `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(40)} خبر`, 'not-text'],
  ])('rejects %s', (_what, text, expected) => {
    expect(code(checkText(text))).toBe(expected);
  });

  it('rejects megabytes of noise as too large', () => {
    expect(code(checkText('ضجيج '.repeat(MAX_INPUT_BYTES / 4)))).toBe('too-large');
  });

  it('rejects a megabyte of random characters as noise, quickly', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const noise = Array.from({ length: 1_000_000 }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
    expect(code(checkText(noise))).toBe('not-text');
  });

  it('rejects binary bytes and invalid UTF-8 when decoding', () => {
    expect(code(decodeUtf8(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a])))).toBe('binary');
    expect(code(decodeUtf8(new Uint8Array([0xd8, 0xae, 0xff, 0xfe, 0xd8])))).toBe('binary');
    expect(decodeUtf8(new TextEncoder().encode('خبر عاجل'))).toEqual({ ok: true, value: 'خبر عاجل' });
  });

  it('gives every rejection a readable reason', () => {
    const result = checkText('');
    expect(result).toEqual({ ok: false, error: { code: 'empty', reason: expect.stringMatching(/empty/) } });
  });
});
