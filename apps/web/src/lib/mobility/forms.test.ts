import { describe, expect, it } from 'vitest';
import { picked, readAdmission, readDeparture, readFunding, versionOf } from './forms';

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};
const isId = (value: unknown): value is string => typeof value === 'string' && value.length === 36;
const id = '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01';

describe('mobility forms', () => {
  it('reads an admission, one requested document a line, and names wrong dates', () => {
    const ok = readAdmission(
      formOf([
        ['plannedStart', '2026-09-01'],
        ['plannedEnd', '2027-01-20'],
        ['programme', ' Chinese '],
        ['requestedDocuments', 'Photo\n\n Health certificate '],
      ]),
    );
    expect(ok).toEqual({
      errors: {},
      value: { plannedStart: '2026-09-01', plannedEnd: '2027-01-20', programme: 'Chinese', requestedDocuments: ['Photo', 'Health certificate'] },
    });
    const bad = readAdmission(
      formOf([
        ['plannedStart', '2026-09-01'],
        ['plannedEnd', '2026-08-01'],
        ['programme', ''],
      ]),
    );
    expect(bad.errors).toEqual({ plannedEnd: 'end_before_start', programme: 'required' });
    expect(
      readAdmission(
        formOf([
          ['plannedStart', '1 Sept'],
          ['plannedEnd', ''],
          ['programme', 'x'],
        ]),
      ).errors,
    ).toEqual({ plannedStart: 'date_invalid', plannedEnd: 'date_invalid' });
  });

  it('asks a reason only of an interrupted stay', () => {
    expect(readDeparture(formOf([['date', '2027-01-20']]))).toEqual({ errors: {}, value: { date: '2027-01-20', interrupted: false, reason: null } });
    expect(
      readDeparture(
        formOf([
          ['date', '2026-11-02'],
          ['interrupted', 'on'],
        ]),
      ).errors,
    ).toEqual({ reason: 'reason_required' });
  });

  it('reads funding, or none when no source is chosen', () => {
    expect(readFunding(formOf([['source', '']]))).toEqual({ errors: {}, value: null });
    expect(
      readFunding(
        formOf([
          ['source', 'csc'],
          ['monthlyAmount', '3000,50'],
          ['currency', 'cny'],
        ]),
      ).value,
    ).toEqual({ source: 'csc', monthlyAmount: 3000.5, currency: 'CNY' });
    expect(
      readFunding(
        formOf([
          ['source', 'csc'],
          ['monthlyAmount', '-1'],
          ['currency', 'yuan'],
        ]),
      ).errors,
    ).toEqual({ monthlyAmount: 'number_invalid', currency: 'currency_invalid' });
  });

  it('keeps the well-formed picks of a bulk form, and the version', () => {
    expect(
      picked(
        formOf([
          ['pick', `${id}:4`],
          ['pick', 'nonsense'],
          ['pick', `${id}:x`],
        ]),
        isId,
      ),
    ).toEqual([{ id, version: 4 }]);
    expect(versionOf(formOf([['version', '7']]))).toBe(7);
    expect(versionOf(formOf([]))).toBeUndefined();
  });
});
