/**
 * What to do about a failed Telegram call, decided by `error_code` and `parameters` only
 * (GrammyError), never by the description text.
 */
import { GrammyError, HttpError } from 'grammy';

export type SendFailure =
  /** 429: every sender pauses for this long, then the send is retried. */
  | { readonly kind: 'rate-limited'; readonly retryAfterMs: number }
  /** 403: the chat refuses the bot (blocked, deactivated, kicked). */
  | { readonly kind: 'forbidden'; readonly description: string }
  /** 400 with migrate_to_chat_id: the group became this supergroup. */
  | { readonly kind: 'migrated'; readonly to: number }
  /** Any other 400: the chat may be gone, or the message was refused (the sender probes which). */
  | { readonly kind: 'bad-request'; readonly description: string }
  /** 5xx, network errors, timeouts: worth retrying with backoff. */
  | { readonly kind: 'transient'; readonly description: string }
  /** 401/404 and other codes: a configuration problem; failing the send, not retrying forever. */
  | { readonly kind: 'fatal'; readonly description: string };

/** Classifies an error thrown by grammY's Api. Unknown (non-Telegram) errors are rethrown: they are bugs. */
export function classifyTelegramError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const p = error.parameters;
    if (error.error_code === 429) return { kind: 'rate-limited', retryAfterMs: Math.max(1, p.retry_after ?? 1) * 1000 };
    if (error.error_code === 403) return { kind: 'forbidden', description: error.description };
    if (error.error_code === 400 && typeof p.migrate_to_chat_id === 'number') return { kind: 'migrated', to: p.migrate_to_chat_id };
    if (error.error_code === 400) return { kind: 'bad-request', description: error.description };
    if (error.error_code >= 500) return { kind: 'transient', description: error.description };
    return { kind: 'fatal', description: `${error.error_code} ${error.description}` };
  }
  if (error instanceof HttpError) return { kind: 'transient', description: error.message };
  throw error;
}
