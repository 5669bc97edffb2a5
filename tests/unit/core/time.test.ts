import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, formatterFor, isValidTimeZone } from '../../../src/core/time.js';

describe('time zones', () => {
  it('knows the IANA zones readers and outlets use', () => {
    expect(isValidTimeZone('Asia/Riyadh')).toBe(true);
    expect(isValidTimeZone('Africa/Cairo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('refuses what is not a zone', () => {
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('الرياض')).toBe(false);
    expect(isValidTimeZone('Asia/Atlantis')).toBe(false);
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });

  it('spells a zone typed in any case the canonical way', () => {
    expect(canonicalTimeZone('asia/riyadh')).toBe('Asia/Riyadh');
    expect(canonicalTimeZone('ASIA/BAGHDAD')).toBe('Asia/Baghdad');
  });
});

describe('cached formatters', () => {
  const hourMinute = formatterFor('en-US', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });

  it('reads the wall clock in the zone asked for', () => {
    const at = new Date('2024-05-09T14:19:00Z');
    expect(hourMinute('Asia/Riyadh').format(at)).toBe('17:19');
    expect(hourMinute('Europe/London').format(at)).toBe('15:19');
  });

  it('builds one formatter per shape and zone', () => {
    expect(hourMinute('Asia/Dubai')).toBe(hourMinute('Asia/Dubai'));
    const sameShape = formatterFor('en-US', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    expect(sameShape('Asia/Dubai')).toBe(hourMinute('Asia/Dubai'));
    expect(formatterFor('ar', { hour: 'numeric' })('Asia/Dubai')).not.toBe(hourMinute('Asia/Dubai'));
  });

  it('throws on a zone Intl does not know', () => {
    expect(() => hourMinute('Asia/Atlantis')).toThrow(RangeError);
  });
});
