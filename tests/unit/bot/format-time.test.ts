import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../src/bot/format-time.js';

describe('times in replies', () => {
  const may2024 = new Date('2024-05-09T14:19:00Z');
  it('shows the year of a date from an earlier year', () => {
    expect(formatTime(may2024, 'ar', 'Asia/Riyadh', new Date('2026-12-01T00:00:00Z'))).toBe('الخميس، 9 مايو 2024 في 17:19');
  });
  it('leaves the year out within the current year', () => {
    expect(formatTime(may2024, 'ar', 'Asia/Riyadh', new Date('2024-06-01T00:00:00Z'))).toBe('الخميس، 9 مايو في 17:19');
  });
});
