/** Bearer-token check for the ingest API. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Returns a predicate for an `Authorization` header value. The comparison runs in
 * constant time on SHA-256 digests, so neither the token's content nor its length leaks.
 */
export function createBearerCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    const same = timingSafeEqual(digest(match?.[1] ?? ''), expected);
    return same && match !== null;
  };
}
