import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createUpdateOffset } from '../../../src/bot/update-offset.js';

const updates = (...ids: number[]): Update[] => ids.map((update_id) => ({ update_id }));
const ids = (list: readonly Update[]): number[] => list.map((u) => u.update_id);

describe('the getUpdates offset', () => {
  it('confirms nothing before the first updates arrive', () => {
    expect(createUpdateOffset().offset()).toBe(0);
  });

  it('stays on the oldest update still being handled, whatever finished after it', () => {
    const offset = createUpdateOffset();
    offset.admit(updates(5, 6, 7));
    offset.settle(6);
    offset.settle(7);
    expect(offset.offset()).toBe(5);
    offset.settle(5);
    expect(offset.offset()).toBe(8);
  });

  it('admits only updates never fetched before: unfinished ones come back from Telegram', () => {
    const offset = createUpdateOffset();
    offset.admit(updates(5, 6, 7));
    offset.settle(6);
    expect(ids(offset.admit(updates(5, 6, 7, 8, 9)))).toEqual([8, 9]);
    expect(offset.active()).toBe(4);
  });

  it('counts a settled update once and resolves idle when the last one ends', async () => {
    const offset = createUpdateOffset();
    offset.admit(updates(1, 2));
    let idle = false;
    void offset.idle().then(() => (idle = true));
    offset.settle(1);
    offset.settle(1);
    await Promise.resolve();
    expect(idle).toBe(false);
    offset.settle(2);
    await offset.idle();
    expect(idle).toBe(true);
    expect(offset.active()).toBe(0);
  });

  it('says when the offset moves on: the oldest ending, not a newer one', async () => {
    const offset = createUpdateOffset();
    offset.admit(updates(1, 2, 3));
    let moved = 0;
    void offset.advanced().then(() => moved++);
    offset.settle(3);
    await Promise.resolve();
    expect(moved).toBe(0);
    offset.settle(1);
    await Promise.resolve();
    expect(moved).toBe(1);
    expect(offset.offset()).toBe(2);
  });
});
