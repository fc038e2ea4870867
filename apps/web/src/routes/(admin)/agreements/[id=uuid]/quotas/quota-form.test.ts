import { describe, expect, it } from 'vitest';
import { parseQuotaCreate, parseQuotaFields, quotaErrorsFromApi } from './quota-form';

const psu = '11111111-1111-4111-8111-111111111111';
const buas = '22222222-2222-4222-8222-222222222222';
const agreement = '33333333-3333-4333-8333-333333333333';

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

describe('quota fields', () => {
  it('builds the PATCH body', () => {
    const { errors, body } = parseQuotaFields(
      form({ seats: '5', totalMonths: '', eqfLevels: ['6', '7'], iscedCodes: '0231, 0716 0231', language: 'zh', level: 'HSK:4' }),
    );
    expect(errors).toEqual({});
    expect(body).toEqual({
      seats: 5,
      totalMonths: null,
      eqfLevels: [6, 7],
      iscedCodes: ['0231', '0716'],
      languageRequirement: { language: 'zh', scale: 'HSK', level: '4' },
    });
  });

  it('names each wrong field and keeps what was typed', () => {
    const { errors, values } = parseQuotaFields(form({ seats: '-1', totalMonths: 'ten', iscedCodes: '23', language: 'ru', level: 'HSK:12' }));
    expect(errors).toEqual({
      seats: 'number_invalid',
      totalMonths: 'number_invalid',
      eqfLevels: 'eqf_required',
      iscedCodes: 'isced_invalid',
      level: 'level_invalid',
    });
    expect(values.totalMonths).toBe('ten');
  });

  it('has no language requirement when no language is chosen', () => {
    const { body } = parseQuotaFields(form({ seats: '0', eqfLevels: '8', language: '', level: 'CEFR:B2' }));
    expect(body.languageRequirement).toBeNull();
  });
});

describe('new quota line', () => {
  it('builds the POST body', () => {
    const { errors, body } = parseQuotaCreate(
      form({
        sendingInstitutionId: psu,
        receivingInstitutionId: buas,
        academicYear: '2026/2027',
        mobilityType: 'semester',
        seats: '3',
        eqfLevels: '6',
      }),
      agreement,
      [psu, buas],
    );
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      agreementId: agreement,
      sendingInstitutionId: psu,
      receivingInstitutionId: buas,
      seats: 3,
      eqfLevels: [6],
    });
  });

  it('refuses a line from a university to itself and a malformed year', () => {
    const { errors, body } = parseQuotaCreate(
      form({
        sendingInstitutionId: psu,
        receivingInstitutionId: psu,
        academicYear: '2026/2028',
        mobilityType: 'cruise',
        seats: '3',
        eqfLevels: '6',
      }),
      agreement,
      [psu, buas],
    );
    expect(body).toBeNull();
    expect(errors).toEqual({ receivingInstitutionId: 'same_institution', academicYear: 'academic_year_invalid', mobilityType: 'required' });
  });

  it('maps the API field errors to form fields', () => {
    expect(quotaErrorsFromApi({ seats: 'too_small', languageRequirement: 'custom', other: 'x' })).toEqual({
      seats: 'number_invalid',
      level: 'level_invalid',
    });
  });
});
