import { describe, expect, it } from 'vitest';
import { applicationBody, editPreferences, parseEdit, readApplicationForm } from './application-form';

const offered = ['a', 'b', 'c', 'd'];
// Quota lines are ids in the contract: the body is checked by its schema.
const lineA = '5b0c3a52-4f0e-4a57-9a53-0d7c1f6d2a10';
const lineB = '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01';

describe('ranked preferences', () => {
  it('moves a line up and down, and not past the ends', () => {
    expect(editPreferences(['a', 'b', 'c'], { op: 'up', quotaId: 'c' }, 3, offered)).toEqual(['a', 'c', 'b']);
    expect(editPreferences(['a', 'b', 'c'], { op: 'down', quotaId: 'a' }, 3, offered)).toEqual(['b', 'a', 'c']);
    expect(editPreferences(['a', 'b'], { op: 'up', quotaId: 'a' }, 3, offered)).toEqual(['a', 'b']);
    expect(editPreferences(['a', 'b'], { op: 'down', quotaId: 'b' }, 3, offered)).toEqual(['a', 'b']);
  });

  it('adds without duplicates and never beyond the maximum or outside the call', () => {
    expect(editPreferences(['a'], { op: 'add', quotaId: 'b' }, 2, offered)).toEqual(['a', 'b']);
    expect(editPreferences(['a', 'b'], { op: 'add', quotaId: 'c' }, 2, offered)).toEqual(['a', 'b']);
    expect(editPreferences(['a'], { op: 'add', quotaId: 'a' }, 3, offered)).toEqual(['a']);
    expect(editPreferences(['a'], { op: 'add', quotaId: 'zzz' }, 3, offered)).toEqual(['a']);
    expect(editPreferences(['a', 'a', 'b'], { op: 'remove', quotaId: 'b' }, 3, offered)).toEqual(['a']);
  });

  it('reads the buttons', () => {
    expect(parseEdit('up:a', null)).toEqual({ op: 'up', quotaId: 'a' });
    expect(parseEdit('add', 'c')).toEqual({ op: 'add', quotaId: 'c' });
    expect(parseEdit('add', null)).toBeNull();
    expect(parseEdit('explode:a', null)).toBeNull();
  });
});

describe('the application form', () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  };

  it('becomes a PATCH body with ranks in order and blank certificate rows dropped', () => {
    const values = readApplicationForm(
      form([
        ['pref', lineB],
        ['pref', lineA],
        ['motivation', ' Hello\r\n '],
        ['gpa', '4,5'],
        ['fullNameLatin', 'Anna Petrova'],
        ['studyLevel', '6'],
        ['fieldOfStudy', '0231'],
        ['passportNumber', ''],
        ['certLanguage', 'zh'],
        ['certTest', 'HSK'],
        ['certLevel', '4'],
        ['certDate', '2025-05-20'],
        ['certLanguage', 'en'],
        ['certTest', ''],
        ['certLevel', ''],
        ['certDate', ''],
      ]),
    );
    const { body, errors } = applicationBody(values, 2);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      preferences: [
        { quotaId: lineB, rank: 1 },
        { quotaId: lineA, rank: 2 },
      ],
      motivation: 'Hello',
      gpa: 4.5,
      studyLevel: 6,
      passportNumber: null,
      languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-05-20' }],
    });
  });

  it('names the fields in error', () => {
    const values = readApplicationForm(
      form([
        ['gpa', '7'],
        ['fullNameLatin', 'Анна'],
        ['fieldOfStudy', '12'],
        ['certLanguage', 'zh'],
        ['certTest', 'HSK'],
        ['certLevel', ''],
        ['certDate', ''],
      ]),
    );
    const { body, errors } = applicationBody(values, 3);
    expect(body).toBeUndefined();
    expect(errors).toMatchObject({
      gpa: 'gpa_invalid',
      fullNameLatin: 'latin_only',
      fieldOfStudy: 'isced_invalid',
      certificates: 'certificate_incomplete',
      certificateRows: { 0: 'certificate_incomplete' },
    });
  });

  it('checks the identity for the border by the shared rules, and reads a country code in capitals', () => {
    const good = readApplicationForm(
      form([
        ['fullNameLatin', "Anna-Maria O'Neil"],
        ['passportNumber', '56 99 123456'],
        ['citizenship', 'ru'],
        ['sex', '2'],
        ['birthDate', '2004-03-15'],
        ['passportExpiresOn', '2031-05-20'],
      ]),
    );
    expect(applicationBody(good, 3).body).toMatchObject({
      fullNameLatin: "Anna-Maria O'Neil",
      citizenship: 'RU',
      sex: 2,
      birthDate: '2004-03-15',
      passportExpiresOn: '2031-05-20',
      studyLevel: null,
    });
    const bad = readApplicationForm(
      form([
        ['passportNumber', '№ 56'],
        ['citizenship', 'RUS'],
        ['sex', '3'],
        ['birthDate', '2999-01-01'],
        ['passportExpiresOn', '31.05.2031'],
      ]),
    );
    expect(applicationBody(bad, 3).errors).toEqual({
      passportNumber: 'passport_invalid',
      citizenship: 'citizenship_invalid',
      sex: 'invalid',
      birthDate: 'birth_date_invalid',
      passportExpiresOn: 'date_invalid',
    });
  });

  it('refuses what the contract refuses, not a copy of its rules', () => {
    const certificate = (date: string) =>
      [
        ['certLanguage', 'en'],
        ['certTest', 'IELTS'],
        ['certLevel', '6.5'],
        ['certDate', date],
      ] as [string, string][];
    // An impossible date, a GPA finer than hundredths, a line that is not an id: each refused by `applicationUpdate`.
    const values = readApplicationForm(form([['gpa', '4.555'], ['pref', 'not-a-line'], ...certificate('2025-02-30')]));
    expect(applicationBody(values, 3)).toEqual({
      errors: {
        gpa: 'gpa_invalid',
        preferences: 'invalid',
        certificates: 'certificate_incomplete',
        certificateRows: { 0: 'certificate_incomplete' },
      },
    });
    // The contract takes at most ten certificates.
    const many = readApplicationForm(form(Array.from({ length: 11 }, () => certificate('2025-02-20')).flat()));
    expect(applicationBody(many, 3).errors).toEqual({ certificates: 'too_many' });
    expect(applicationBody(readApplicationForm(form(certificate('2025-02-20'))), 3).body?.languageCertificates).toHaveLength(1);
  });
});
