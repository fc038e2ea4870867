import { describe, expect, it } from 'vitest';
import { academicYearEnd, reachesPastAgreement } from './academic-year.js';
import { agreementExpiresInDays, daysBetween, isPlanItemOverdue } from './agreement-rules.js';

describe('running the agreement', () => {
  it('counts the days left of an active agreement within its first warning', () => {
    const agreement = { status: 'active', validTo: '2026-12-31' };
    expect(daysBetween('2026-12-07', '2026-12-31')).toBe(24);
    expect(agreementExpiresInDays(agreement, '2026-10-02')).toBe(90);
    expect(agreementExpiresInDays(agreement, '2026-10-01')).toBeNull();
    expect(agreementExpiresInDays(agreement, '2026-12-31')).toBe(0);
    expect(agreementExpiresInDays(agreement, '2027-01-01')).toBeNull();
    expect(agreementExpiresInDays({ ...agreement, status: 'draft' }, '2026-12-07')).toBeNull();
  });

  it('calls a measure overdue once its deadline passed while planned or in progress', () => {
    expect(isPlanItemOverdue({ status: 'in_progress', deadline: '2026-07-31' }, '2026-08-01')).toBe(true);
    expect(isPlanItemOverdue({ status: 'in_progress', deadline: '2026-07-31' }, '2026-07-31')).toBe(false);
    expect(isPlanItemOverdue({ status: 'done', deadline: '2026-07-31' }, '2026-08-01')).toBe(false);
    expect(isPlanItemOverdue({ status: 'planned', deadline: null }, '2026-08-01')).toBe(false);
  });

  it('flags academic years and dates that outlast the agreement', () => {
    expect(academicYearEnd('2026/2027')).toBe('2027-08-31');
    expect(reachesPastAgreement('2026-12-31', { academicYear: '2026/2027' })).toBe(true);
    expect(reachesPastAgreement('2026-12-31', { academicYear: '2025/2026' })).toBe(false);
    expect(reachesPastAgreement('2026-12-31', { until: '2027-01-15T20:59:00Z' })).toBe(true);
    expect(reachesPastAgreement('2026-12-31', { academicYear: null, until: '2026-11-30T20:59:00Z' })).toBe(false);
  });
});
