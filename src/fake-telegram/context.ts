import type { BotCommand, User, UserFromGetMe } from 'grammy/types';
import type { Faults } from './faults.js';
import type { Params } from './params.js';
import type { Recorder } from './recorder.js';
import type { ApiReply } from './replies.js';
import type { FakeState } from './state.js';
import type { UpdateQueue } from './updates.js';

/** One bot (token) served by the fake: its identity, update queue, commands, webhook. */
export interface BotEntry {
  readonly info: UserFromGetMe;
  readonly updates: UpdateQueue;
  /** Commands by `JSON.stringify([scope, language_code])`. */
  readonly commands: Map<string, BotCommand[]>;
  webhook: { url: string; params: Params } | undefined;
}

/** What every method handler may touch. */
export interface FakeDeps {
  readonly state: FakeState;
  readonly faults: Faults;
  readonly recorder: Recorder;
  /** Callback query ids handed out by tapButton → answered yet. */
  readonly callbackQueries: Map<string, boolean>;
}

/** One call being answered. */
export interface CallContext {
  readonly method: string;
  readonly params: Params;
  readonly bot: BotEntry;
  readonly now: number;
  /** Aborted when the client closes the connection. */
  readonly signal: AbortSignal;
}

/** A Bot API method. Failures are values (ApiFailure), never exceptions. */
export type MethodHandler = (call: CallContext, deps: FakeDeps) => ApiReply | Promise<ApiReply>;

/** The bot as it appears in `from` of its own messages. */
export function botUser(info: UserFromGetMe): User {
  return { id: info.id, is_bot: true, first_name: info.first_name, username: info.username };
}
