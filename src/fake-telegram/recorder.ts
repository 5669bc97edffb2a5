import type { Message } from 'grammy/types';
import type { Params } from './params.js';
import type { ApiReply } from './replies.js';

/** One Bot API call as the fake saw it. `response` is null when the connection was dropped. */
export interface CallRecord {
  readonly method: string;
  readonly params: Params;
  /** Date.now() when the request was decoded (before any injected latency). */
  readonly at: number;
  readonly response: ApiReply | null;
  /** The bot's id (the token's number), so several bots can share one fake. */
  readonly botId: number;
}

/** A message the bot successfully sent or edited (sendMessage, copyMessage, editMessage*). */
export interface SentMessage {
  readonly method: string;
  readonly chatId: number;
  readonly messageId: number;
  /** Plain text after entity parsing (what the user reads). */
  readonly text: string | undefined;
  readonly params: Params;
  readonly message: Message;
  readonly at: number;
}

/**
 * The call log, indexed by method and by chat so tests and benches with 10,000 chats
 * never scan everything per query.
 */
export class Recorder {
  private all: CallRecord[] = [];
  private byMethod = new Map<string, CallRecord[]>();
  private sentAll: SentMessage[] = [];
  private sentByChat = new Map<number, SentMessage[]>();

  record(call: CallRecord): void {
    this.all.push(call);
    const list = this.byMethod.get(call.method);
    if (list) list.push(call);
    else this.byMethod.set(call.method, [call]);
  }

  recordSent(sent: SentMessage): void {
    this.sentAll.push(sent);
    const list = this.sentByChat.get(sent.chatId);
    if (list) list.push(sent);
    else this.sentByChat.set(sent.chatId, [sent]);
  }

  calls(method?: string): readonly CallRecord[] {
    return method === undefined ? this.all : (this.byMethod.get(method) ?? []);
  }

  sent(chatId?: number): readonly SentMessage[] {
    return chatId === undefined ? this.sentAll : (this.sentByChat.get(chatId) ?? []);
  }

  /** Chats that received at least one message. */
  sentChats(): ReadonlySet<number> {
    return new Set(this.sentByChat.keys());
  }

  clear(): void {
    this.all = [];
    this.byMethod = new Map();
    this.sentAll = [];
    this.sentByChat = new Map();
  }

  /** A short human summary of what was recorded, for timeout messages. */
  describe(lastN = 15): string {
    const counts = [...this.byMethod].map(([m, l]) => `${m}×${l.length}`).join(', ') || 'nothing';
    const tail = this.all.slice(-lastN).map((c) => {
      const chat = c.params['chat_id'] === undefined ? '' : ` chat=${String(c.params['chat_id'])}`;
      const outcome = c.response === null ? 'dropped' : c.response.ok ? 'ok' : `${c.response.error_code} ${c.response.description}`;
      return `  ${new Date(c.at).toISOString().slice(11, 23)} ${c.method}${chat} → ${outcome}`;
    });
    return `${this.all.length} calls recorded (${counts}); ${this.sentAll.length} messages sent` +
      (tail.length > 0 ? `; last ${tail.length}:\n${tail.join('\n')}` : '');
  }
}

/**
 * Polls `probe` every 10 ms until it returns something truthy, resolving with that value;
 * rejects after `timeoutMs` with `describe()` so the failure says what did happen.
 */
export function pollUntil<T>(
  probe: () => T | undefined | null | false,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const tick = (): void => {
      let value: T | undefined | null | false;
      try {
        value = probe();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (value) resolve(value);
      else if (Date.now() >= deadline) reject(new Error(`fake Telegram: waitFor timed out after ${timeoutMs} ms; ${describe()}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}
