import { describe, expect, it } from 'vitest';
import { deliveryDue, digestPeriodEnd, inWindow, localMinuteOfDay, quietWindowEnd } from '../../../src/core/schedule.js';

const at = (iso: string): Date => new Date(iso);
const quiet = { fromMinute: 22 * 60, toMinute: 7 * 60 };

describe('quiet hours in the chat’s time zone', () => {
  it('holds an alert at 23:30 in Riyadh until 07:00 Riyadh time', () => {
    // 20:30 UTC = 23:30 in Asia/Riyadh (UTC+3)
    expect(quietWindowEnd(at('2024-05-09T20:30:00Z'), 'Asia/Riyadh', quiet)?.toISOString()).toBe('2024-05-10T04:00:00.000Z');
  });

  it('does not hold an alert at 16:19 in Riyadh', () => {
    expect(quietWindowEnd(at('2024-05-09T13:19:00Z'), 'Asia/Riyadh', quiet)).toBeUndefined();
  });

  it('ends the window on the same night for a window that does not wrap midnight', () => {
    const nap = { fromMinute: 13 * 60, toMinute: 15 * 60 };
    expect(quietWindowEnd(at('2024-05-09T10:30:00Z'), 'Asia/Riyadh', nap)?.toISOString()).toBe('2024-05-09T12:00:00.000Z');
  });

  it('counts the start minute in and the end minute out', () => {
    expect(inWindow(22 * 60, quiet)).toBe(true);
    expect(inWindow(7 * 60, quiet)).toBe(false);
    expect(inWindow(3 * 60, quiet)).toBe(true);
    expect(inWindow(12 * 60, { fromMinute: 600, toMinute: 600 })).toBe(false);
  });

  it('follows daylight saving: 07:00 in Beirut after the spring change', () => {
    // Beirut moves to UTC+3 on the last Sunday of March (2024-03-31 00:00 → 01:00).
    const end = quietWindowEnd(at('2024-03-30T21:30:00Z'), 'Asia/Beirut', quiet);
    expect(end?.toISOString()).toBe('2024-03-31T04:00:00.000Z');
    expect(localMinuteOfDay(end ?? new Date(0), 'Asia/Beirut')).toBe(7 * 60);
  });
});

describe('digest periods', () => {
  it('closes an hourly digest at the next local top of the hour, also in half-hour zones', () => {
    expect(digestPeriodEnd(at('2024-05-09T13:19:00Z'), 'Asia/Riyadh', { kind: 'hourly' }).toISOString()).toBe('2024-05-09T14:00:00.000Z');
    // Tehran is UTC+3:30: 16:49 local → 17:00 local = 13:30 UTC
    expect(digestPeriodEnd(at('2024-05-09T13:19:00Z'), 'Asia/Tehran', { kind: 'hourly' }).toISOString()).toBe('2024-05-09T13:30:00.000Z');
  });

  it('closes a daily digest at the chosen local hour, tomorrow when it has passed', () => {
    expect(digestPeriodEnd(at('2024-05-09T13:19:00Z'), 'Asia/Riyadh', { kind: 'daily', hour: 20 }).toISOString()).toBe('2024-05-09T17:00:00.000Z');
    expect(digestPeriodEnd(at('2024-05-09T13:19:00Z'), 'Asia/Riyadh', { kind: 'daily', hour: 8 }).toISOString()).toBe('2024-05-10T05:00:00.000Z');
  });

  it('pushes a digest that falls in quiet hours to the end of the window', () => {
    const due = deliveryDue(at('2024-05-09T19:10:00Z'), 'Asia/Riyadh', { digest: { kind: 'hourly' }, quiet });
    expect(due?.toISOString()).toBe('2024-05-10T04:00:00.000Z');
  });

  it('sends at once when the chat is instant and awake', () => {
    expect(deliveryDue(at('2024-05-09T13:19:00Z'), 'Asia/Riyadh', { quiet })).toBeUndefined();
  });
});
