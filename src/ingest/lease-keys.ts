/**
 * Keys of the leases that keep a job to one process at a time (see redis-lock.ts). Kept
 * beside the store's key builder in spirit: `<prefix>:lock:<job>`, nothing else.
 */
export function createLeaseKeys(prefix: string) {
  if (!/^[A-Za-z0-9:_-]{1,64}$/.test(prefix)) throw new Error(`lease key: malformed prefix ${JSON.stringify(prefix)}`);
  return {
    /** STRING holder token, PX ttl: the process polling feeds. */
    feedPoller: () => `${prefix}:lock:feeds`,
    /** STRING holder token, PX ttl: the process editing broadcast progress messages. */
    broadcastProgress: () => `${prefix}:lock:progress`,
  } as const;
}
