import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { classifyTelegramError } from '../../../src/delivery/telegram-errors.js';

const grammy = (error_code: number, description: string, parameters: Record<string, number> = {}) =>
  new GrammyError(`Call to 'sendMessage' failed!`, { ok: false, error_code, description, parameters }, 'sendMessage', {});

describe('Telegram errors are handled by code and parameters', () => {
  it('turns 429 into a pause of retry_after seconds', () => {
    expect(classifyTelegramError(grammy(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toEqual({ kind: 'rate-limited', retryAfterMs: 7000 });
  });
  it('turns 403 into forbidden whatever the words', () => {
    expect(classifyTelegramError(grammy(403, 'anything at all')).kind).toBe('forbidden');
  });
  it('follows migrate_to_chat_id', () => {
    expect(classifyTelegramError(grammy(400, 'Bad Request: group chat was upgraded', { migrate_to_chat_id: -1001234 }))).toEqual({ kind: 'migrated', to: -1001234 });
  });
  it('keeps other 400s apart from 5xx and network errors', () => {
    expect(classifyTelegramError(grammy(400, 'Bad Request: chat not found')).kind).toBe('bad-request');
    expect(classifyTelegramError(grammy(502, 'Bad Gateway')).kind).toBe('transient');
    expect(classifyTelegramError(new HttpError('Network request failed', new Error('ECONNRESET'))).kind).toBe('transient');
    expect(classifyTelegramError(grammy(401, 'Unauthorized')).kind).toBe('fatal');
  });
  it('rethrows what is not a Telegram error (a bug)', () => {
    expect(() => classifyTelegramError(new TypeError('oops'))).toThrow(TypeError);
  });
});
