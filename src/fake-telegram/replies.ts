/** What the Bot API answers, byte for byte in shape: `{ok:true,result}` or `{ok:false,error_code,description,parameters?}`. */
export type ApiSuccess = { readonly ok: true; readonly result: unknown };
export type ApiFailure = {
  readonly ok: false;
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number; readonly migrate_to_chat_id?: number };
};
export type ApiReply = ApiSuccess | ApiFailure;

/** Wraps a result in the success envelope. */
export const success = (result: unknown): ApiSuccess => ({ ok: true, result });

/** Builds a failure envelope. */
export function failure(errorCode: number, description: string, parameters?: ApiFailure['parameters']): ApiFailure {
  return parameters === undefined
    ? { ok: false, error_code: errorCode, description }
    : { ok: false, error_code: errorCode, description, parameters };
}

/** The exact descriptions Telegram uses (the bot must not depend on them, but tests see real ones). */
export const fail = {
  notFound: () => failure(404, 'Not Found'),
  unauthorized: () => failure(401, 'Unauthorized'),
  badRequest: (what: string) => failure(400, `Bad Request: ${what}`),
  chatNotFound: () => failure(400, 'Bad Request: chat not found'),
  userNotFound: () => failure(400, 'Bad Request: user not found'),
  textEmpty: () => failure(400, 'Bad Request: message text is empty'),
  tooLong: () => failure(400, 'Bad Request: message is too long'),
  captionTooLong: () => failure(400, 'Bad Request: message caption is too long'),
  cantParse: (reason: string) => failure(400, `Bad Request: can't parse entities: ${reason}`),
  buttonDataInvalid: () => failure(400, 'Bad Request: BUTTON_DATA_INVALID'),
  buttonUrlInvalid: () => failure(400, 'Bad Request: BUTTON_URL_INVALID'),
  notModified: () =>
    failure(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message'),
  rateLimited: (retryAfter: number) =>
    failure(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  migrated: (to: number) =>
    failure(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: to }),
  serverError: () => failure(500, 'Internal Server Error'),
  conflictPolling: () =>
    failure(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
  conflictWebhook: () =>
    failure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
} as const;

/** Why a chat refuses the bot; each maps to Telegram's own 403 description. */
export type ForbidReason = 'blocked' | 'deactivated' | 'kicked';

/** The 403 Telegram returns for `reason`, worded for the chat's type. */
export function forbidden(reason: ForbidReason, chatType: string): ApiFailure {
  if (reason === 'blocked') return failure(403, 'Forbidden: bot was blocked by the user');
  if (reason === 'deactivated') return failure(403, 'Forbidden: user is deactivated');
  if (chatType === 'channel') return failure(403, 'Forbidden: bot is not a member of the channel chat');
  if (chatType === 'private') return failure(403, "Forbidden: bot can't initiate conversation with a user");
  return failure(403, `Forbidden: bot was kicked from the ${chatType === 'supergroup' ? 'supergroup' : 'group'} chat`);
}
