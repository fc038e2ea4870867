import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarYears, dueDateOf, isWorkingDay } from './working-days.js';

const within7 = { anchor: 'arrival', days: 7, unit: 'working' } as const;

describe('official calendars shipped', () => {
  it('cover 2025 and 2026 for Russia and China, and nothing for other countries', () => {
    expect(calendarYears('RU')).toEqual([2025, 2026]);
    expect(calendarYears('CN')).toEqual([2025, 2026]);
    expect(calendarYears('DE')).toEqual([]);
  });

  it('are registered for dueDateOf without any set-up', () => {
    // Monday 2026-11-02 + 7 working days, Wednesday Nov 4 (Unity Day) skipped.
    expect(dueDateOf(within7, { start: null, arrival: '2026-11-02' }, 'RU')).toBe('2026-11-12');
    expect(dueDateOf(within7, { start: null, arrival: '2026-11-02' }, 'FR')).toBe('2026-11-11');
  });
});

describe('Russia 2025', () => {
  it('skips the May holidays, with Thursday May 8 moved from Sunday Feb 23', () => {
    expect(isWorkingDay('2025-05-08', 'RU')).toBe(false);
    expect(isWorkingDay('2025-05-02', 'RU')).toBe(false);
    expect(isWorkingDay('2025-05-07', 'RU')).toBe(true);
    // Wednesday May 7, then Monday May 12.
    expect(addWorkingDays('2025-05-06', 2, 'RU')).toBe('2025-05-12');
  });

  it('counts Saturday Nov 1 worked for Monday Nov 3, and Dec 31 off', () => {
    expect(isWorkingDay('2025-11-01', 'RU')).toBe(true);
    expect(isWorkingDay('2025-11-03', 'RU')).toBe(false);
    expect(addWorkingDays('2025-10-31', 1, 'RU')).toBe('2025-11-01');
    expect(addWorkingDays('2025-11-01', 1, 'RU')).toBe('2025-11-05');
    expect(isWorkingDay('2025-12-31', 'RU')).toBe(false);
  });
});

describe('Russia 2026', () => {
  it('keeps Jan 1–11 off (Jan 9 moved from Saturday Jan 3) and Dec 31 (from Sunday Jan 4)', () => {
    expect(isWorkingDay('2026-01-09', 'RU')).toBe(false);
    expect(addWorkingDays('2025-12-30', 1, 'RU')).toBe('2026-01-12');
    expect(isWorkingDay('2026-12-31', 'RU')).toBe(false);
  });

  it('moves Sunday Mar 8 to Monday Mar 9 and Saturday May 9 to Monday May 11', () => {
    expect(isWorkingDay('2026-03-09', 'RU')).toBe(false);
    expect(isWorkingDay('2026-05-11', 'RU')).toBe(false);
    expect(isWorkingDay('2026-05-12', 'RU')).toBe(true);
    expect(addWorkingDays('2026-05-08', 1, 'RU')).toBe('2026-05-12');
    expect(['2026-02-23', '2026-05-01', '2026-06-12', '2026-11-04'].map((day) => isWorkingDay(day, 'RU'))).toEqual([false, false, false, false]);
  });
});

describe('China 2025', () => {
  it('skips the Spring Festival and counts Sundays Jan 26 and Saturday Feb 8 worked', () => {
    expect(isWorkingDay('2025-01-26', 'CN')).toBe(true);
    expect(isWorkingDay('2025-02-08', 'CN')).toBe(true);
    expect(isWorkingDay('2025-02-03', 'CN')).toBe(false);
    // Monday Jan 27, then Wednesday Feb 5 after the eight days off.
    expect(addWorkingDays('2025-01-26', 2, 'CN')).toBe('2025-02-05');
  });

  it('skips National Day Oct 1–8 and counts Sunday Sep 28 and Saturday Oct 11', () => {
    expect(isWorkingDay('2025-09-28', 'CN')).toBe(true);
    expect(isWorkingDay('2025-10-08', 'CN')).toBe(false);
    expect(addWorkingDays('2025-09-30', 1, 'CN')).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-10', 1, 'CN')).toBe('2025-10-11');
    expect(isWorkingDay('2025-04-27', 'CN')).toBe(true);
    expect(isWorkingDay('2025-06-02', 'CN')).toBe(false);
  });
});

describe('China 2026', () => {
  it('skips the Spring Festival Feb 15–23 and counts Saturdays Feb 14 and Feb 28', () => {
    expect(isWorkingDay('2026-02-14', 'CN')).toBe(true);
    expect(isWorkingDay('2026-02-23', 'CN')).toBe(false);
    expect(isWorkingDay('2026-02-28', 'CN')).toBe(true);
    expect(addWorkingDays('2026-02-13', 2, 'CN')).toBe('2026-02-24');
  });

  it('skips New Year, Labour Day and National Day, with their weekend days worked', () => {
    expect(addWorkingDays('2025-12-31', 1, 'CN')).toBe('2026-01-04');
    expect(addWorkingDays('2026-04-30', 1, 'CN')).toBe('2026-05-06');
    expect(isWorkingDay('2026-05-09', 'CN')).toBe(true);
    expect(isWorkingDay('2026-09-20', 'CN')).toBe(true);
    expect(addWorkingDays('2026-09-30', 1, 'CN')).toBe('2026-10-08');
    expect(isWorkingDay('2026-10-10', 'CN')).toBe(true);
    expect(['2026-04-06', '2026-06-19', '2026-09-25'].map((day) => isWorkingDay(day, 'CN'))).toEqual([false, false, false]);
  });
});

describe('years without an official calendar', () => {
  it('count weekends only', () => {
    // Jan 1 2027 is a holiday in both countries, but no 2027 table is shipped yet.
    expect(isWorkingDay('2027-01-01', 'RU')).toBe(true);
    expect(isWorkingDay('2027-01-01', 'CN')).toBe(true);
    expect(isWorkingDay('2027-01-02', 'CN')).toBe(false);
  });
});
