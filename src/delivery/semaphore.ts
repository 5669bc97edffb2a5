/** A counting semaphore: at most `size` tasks run at once; the others wait their turn in order. */
export interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createSemaphore(size: number): Semaphore {
  if (!(size >= 1)) throw new Error(`semaphore size must be ≥ 1, got ${size}`);
  let free = size;
  const queue: (() => void)[] = [];
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else free++;
  };
  return {
    async run(task) {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
