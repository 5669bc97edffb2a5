import type { FollowError } from '../../store/ports.js';
import type { Strings } from '../i18n/index.js';

/** The user-facing words for a refused follow. */
export function followErrorText(t: Strings, error: FollowError): string {
  return error.code === 'too-many-topics' ? t.follow.tooMany(error.limit) : t.follow.unknown;
}
