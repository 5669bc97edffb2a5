import { describe, expect, it } from 'vitest';
import { findDateline, readDatelineLine } from '../../../src/core/dateline.js';

// Ingest clock: Friday 10 May 2024, 12:00 in Dubai.
const now = new Date('2024-05-10T08:00:00Z');
const dubai = { timeZone: 'Asia/Dubai', now };
const iso = (text: string, ctx = dubai): string | undefined => findDateline(text, ctx)?.date.toISOString();

describe('findDateline', () => {
  it('reads the fixture dateline in the source zone', () => {
    expect(iso('الخميس 9 مايو 2024 / 16:19')).toBe('2024-05-09T12:19:00.000Z');
    expect(findDateline('الخميس 9 مايو 2024 / 16:19', dubai)?.precision).toBe('minute');
  });

  it('reads Arabic-Indic digits and Levant month names, as a date without time', () => {
    const match = findDateline('٩ أيار ٢٠٢٤', dubai);
    expect(match?.precision).toBe('day');
    expect(match?.date.toISOString()).toBe('2024-05-09T08:00:00.000Z');
  });

  it.each([
    ['ماي (Morocco/Algeria: May)', '3 ماي 2024 14:00', '2024-05-03T10:00:00.000Z'],
    ['جوان (June)', '12 جوان 2024 09:15', '2024-06-12T05:15:00.000Z'],
    ['جويلية (July)', '7 جويلية 2024 10:30', '2024-07-07T06:30:00.000Z'],
    ['أوت (August)', '3 أوت 2023 20:00', '2023-08-03T16:00:00.000Z'],
    ['كانون الثاني (Levant: January)', '15 كانون الثاني 2024 08:00', '2024-01-15T04:00:00.000Z'],
    ['تشرين الأول (Levant: October)', '1 تشرين الأول 2023 18:45', '2023-10-01T14:45:00.000Z'],
    ['a double month name', 'الجمعة 10 مايو (أيار) 2024 - 09:00', '2024-05-10T05:00:00.000Z'],
    ['dd/mm/yyyy', '09/05/2024 16:19', '2024-05-09T12:19:00.000Z'],
    ['ISO date', '2024-05-09 16:19', '2024-05-09T12:19:00.000Z'],
  ])('reads %s', (_what, text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('applies ص and م to twelve-hour times', () => {
    expect(iso('الأحد 7 جويلية 2024 - 10:30 ص')).toBe('2024-07-07T06:30:00.000Z');
    expect(iso('3 أوت 2023 الساعة 4:05 م')).toBe('2023-08-03T12:05:00.000Z');
    expect(iso('3 أوت 2023 الساعة 12:10 ص')).toBe('2023-08-02T20:10:00.000Z');
  });

  it('reads the weekday as optional', () => {
    expect(iso('9 مايو 2024 / 16:19')).toBe(iso('الخميس، 9 مايو 2024 / 16:19'));
  });

  it('counts منذ back from the injected clock', () => {
    expect(iso('منذ ساعتين')).toBe('2024-05-10T06:00:00.000Z');
    expect(iso('منذ 5 دقائق')).toBe('2024-05-10T07:55:00.000Z');
    expect(iso('منذ ساعة')).toBe('2024-05-10T07:00:00.000Z');
    expect(iso('منذ ٣ ساعات')).toBe('2024-05-10T05:00:00.000Z');
  });

  it('reads أمس as the day before the clock, in the source zone', () => {
    expect(iso('أمس 10:30')).toBe('2024-05-09T06:30:00.000Z');
    expect(findDateline('أمس', dubai)?.precision).toBe('day');
    // 01:00 in Dubai on 10 May is still 9 May in UTC; "yesterday" is 9 May in Dubai.
    const early = { timeZone: 'Asia/Dubai', now: new Date('2024-05-09T21:00:00Z') };
    expect(iso('أمس 10:30', early)).toBe('2024-05-09T06:30:00.000Z');
  });

  it('refuses impossible dates and times', () => {
    expect(findDateline('31 فبراير 2024', dubai)).toBeUndefined();
    expect(findDateline('9 مايو 2024 25:61', dubai)?.precision).toBe('day');
  });
});

describe('readDatelineLine', () => {
  it('takes a line that is a dateline, with a place name around it', () => {
    expect(readDatelineLine('موسكو - الخميس 9 مايو 2024 / 16:19', dubai)).toBeDefined();
  });

  it('does not take a sentence that merely mentions a date', () => {
    expect(readDatelineLine('وقال إن الاتفاق الموقع في 9 مايو 2024 سينفذ على مراحل خلال العام المقبل', dubai)).toBeUndefined();
  });
});

describe('datelines across zones and DST', () => {
  it('reads a summer dateline in London as BST and a winter one as GMT', () => {
    const london = { timeZone: 'Europe/London', now };
    expect(iso('1 يوليو 2023 12:00', london)).toBe('2023-07-01T11:00:00.000Z');
    expect(iso('1 يناير 2024 12:00', london)).toBe('2024-01-01T12:00:00.000Z');
  });
});
