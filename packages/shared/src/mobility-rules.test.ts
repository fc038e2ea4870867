import { describe, expect, it } from 'vitest';
import { countedMonths, monthsOfStay, passportCoversStay } from './mobility-rules.js';

describe('months of a stay', () => {
  it('counts whole months, a remainder of 15 days or more as one more', () => {
    expect(monthsOfStay('2026-09-01', '2027-01-31')).toBe(5);
    expect(monthsOfStay('2026-09-01', '2027-06-30')).toBe(10);
    expect(monthsOfStay('2026-09-01', '2026-10-10')).toBe(1);
    expect(monthsOfStay('2026-09-01', '2026-10-20')).toBe(2);
    expect(monthsOfStay('2026-07-01', '2026-07-14')).toBe(1);
  });

  it('counts nothing for an end before the start', () => {
    expect(monthsOfStay('2026-09-01', '2026-08-01')).toBe(0);
  });

  it('uses the actual dates once known, and nothing for a cancelled stay', () => {
    const planned = { plannedStart: '2026-09-01', plannedEnd: '2027-06-30', arrivedOn: null, departedOn: null };
    expect(countedMonths({ status: 'preparing', ...planned })).toBe(10);
    expect(countedMonths({ status: 'returned', ...planned, arrivedOn: '2026-09-05', departedOn: '2026-12-20' })).toBe(4);
    expect(countedMonths({ status: 'cancelled', ...planned })).toBe(0);
    expect(countedMonths({ status: 'preparing', plannedStart: null, plannedEnd: null, arrivedOn: null, departedOn: null })).toBe(0);
  });
});

describe('passport validity', () => {
  it('must reach past the last day of the stay', () => {
    expect(passportCoversStay('2027-07-01', '2027-06-30')).toBe(true);
    expect(passportCoversStay('2027-06-30', '2027-06-30')).toBe(false);
    expect(passportCoversStay(null, '2027-06-30')).toBe(false);
  });
});
