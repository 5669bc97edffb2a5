import type { ChainableCommander } from 'ioredis';

/**
 * Runs a MULTI or pipeline and returns each command's result; the first failed command
 * (e.g. WRONGTYPE, which EXEC reports per command rather than by rejecting) throws.
 */
export async function execAll(tx: ChainableCommander): Promise<unknown[]> {
  const replies = await tx.exec();
  if (replies === null) throw new Error('redis transaction aborted');
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
