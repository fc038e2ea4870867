import { describe, expect, it } from 'vitest';
import {
  academicYearsAround,
  applicationBody,
  barPercent,
  callBody,
  countdown,
  editPreferences,
  flowMatrix,
  listParams,
  missingFromErrors,
  parseEdit,
  readApplicationForm,
  readCallForm,
  withParams,
} from './forms';

const offered = ['a', 'b', 'c', 'd'];

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
        ['pref', 'b'], ['pref', 'a'], ['motivation', ' Hello\r\n '], ['gpa', '4,5'], ['fullNameLatin', 'Anna Petrova'],
        ['studyLevel', '6'], ['fieldOfStudy', '0231'], ['passportNumber', ''],
        ['certLanguage', 'zh'], ['certTest', 'HSK'], ['certLevel', '4'], ['certDate', '2025-05-20'],
        ['certLanguage', 'en'], ['certTest', ''], ['certLevel', ''], ['certDate', ''],
      ]),
    );
    const { body, errors } = applicationBody(values, 2);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      preferences: [{ quotaId: 'b', rank: 1 }, { quotaId: 'a', rank: 2 }],
      motivation: 'Hello',
      gpa: 4.5,
      studyLevel: 6,
      passportNumber: null,
      languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-05-20' }],
    });
  });

  it('names the fields in error', () => {
    const values = readApplicationForm(form([['gpa', '7'], ['fullNameLatin', 'Анна'], ['fieldOfStudy', '12'], ['certLanguage', 'zh'], ['certTest', 'HSK'], ['certLevel', ''], ['certDate', '']]));
    const { body, errors } = applicationBody(values, 3);
    expect(body).toBeUndefined();
    expect(errors).toMatchObject({ gpa: 'gpa_invalid', fullNameLatin: 'latin_only', fieldOfStudy: 'isced_invalid', certificates: 'certificate_incomplete', certificateRows: { 0: 'certificate_incomplete' } });
  });

  it('checks the identity for the border by the shared rules, and reads a country code in capitals', () => {
    const good = readApplicationForm(form([['fullNameLatin', "Anna-Maria O'Neil"], ['passportNumber', '56 99 123456'], ['citizenship', 'ru'], ['sex', '2'], ['birthDate', '2004-03-15'], ['passportExpiresOn', '2031-05-20']]));
    expect(applicationBody(good, 3).body).toMatchObject({ fullNameLatin: "Anna-Maria O'Neil", citizenship: 'RU', sex: 2, birthDate: '2004-03-15', passportExpiresOn: '2031-05-20', studyLevel: null });
    const bad = readApplicationForm(form([['passportNumber', '№ 56'], ['citizenship', 'RUS'], ['sex', '3'], ['birthDate', '2999-01-01'], ['passportExpiresOn', '31.05.2031']]));
    expect(applicationBody(bad, 3).errors).toEqual({ passportNumber: 'passport_invalid', citizenship: 'citizenship_invalid', sex: 'invalid', birthDate: 'birth_date_invalid', passportExpiresOn: 'date_invalid' });
  });
});

describe('a refused submission', () => {
  it('lists each missing item', () => {
    expect(
      missingFromErrors([
        { path: 'preferences', code: 'missing' },
        { path: 'gpa', code: 'missing' },
        { path: 'documents.transcript', code: 'missing' },
        { path: 'documents.not_a_type', code: 'missing' },
        { path: 'fullNameLatin', code: 'missing' },
        { path: 'citizenship', code: 'missing' },
        { path: 'languageCertificates.zh', code: 'missing' },
      ]),
    ).toEqual([{ item: 'preferences' }, { item: 'gpa' }, { item: 'document', documentType: 'transcript' }, { item: 'fullNameLatin' }, { item: 'citizenship' }, { item: 'languageCertificate', language: 'zh' }]);
  });
});

describe('deadlines', () => {
  it('counts down to the closing instant and stops there', () => {
    const now = new Date('2026-03-30T20:00:00Z');
    expect(countdown('2026-03-31T20:59:00Z', now)).toEqual({ days: 1, hours: 0, minutes: 59 });
    expect(countdown('2026-03-30T20:00:00Z', now)).toBeNull();
  });
});

describe('the call form', () => {
  it('reads times as wall-clock time in the institution’s zone', () => {
    const data = new FormData();
    for (const [key, value] of Object.entries({ titleEn: 'Spring', academicYear: '2026/2027', mobilityType: 'semester', opensAt: '2026-03-01T09:00', closesAt: '2026-03-31T23:59', maxPreferences: '3', languageLevel: 'HSK:4', languageLanguage: 'zh' })) data.set(key, value);
    data.append('requiredDocuments', 'transcript');
    const { body, errors } = callBody(readCallForm(data), 'Europe/Moscow');
    expect(errors).toEqual({});
    expect(body?.closesAt).toBe('2026-03-31T20:59:00.000Z');
    expect(body?.languageRequirement).toEqual({ language: 'zh', scale: 'HSK', level: '4' });
    const shanghai = callBody(readCallForm(data), 'Asia/Shanghai');
    expect(shanghai.body?.closesAt).toBe('2026-03-31T15:59:00.000Z');
  });

  it('refuses a window that closes before it opens', () => {
    const data = new FormData();
    for (const [key, value] of Object.entries({ titleRu: 'Весна', academicYear: '2026/2027', mobilityType: 'semester', opensAt: '2026-04-01T09:00', closesAt: '2026-03-31T23:59', maxPreferences: '9' })) data.set(key, value);
    expect(callBody(readCallForm(data), 'Europe/Moscow').errors).toEqual({ closesAt: 'before_opening', maxPreferences: 'number_invalid' });
  });
});

describe('list links', () => {
  it('keep known parameters and drop blanks and page zero', () => {
    const params = listParams(new URL('http://x/?status=submitted&q=&offset=-3&evil=1&sort=score'), ['status', 'q', 'offset', 'sort']);
    expect(params).toEqual({ status: 'submitted', sort: 'score' });
    expect(withParams(params, { offset: 20 })).toBe('?status=submitted&sort=score&offset=20');
    expect(withParams(params, { status: undefined, offset: 0 })).toBe('?sort=score');
  });
});

describe('flows', () => {
  it('makes a matrix of the six directions with an empty diagonal', () => {
    const matrix = flowMatrix(['p', 'b', 'r'], [{ sendingInstitutionId: 'p', receivingInstitutionId: 'b', seats: 10, nominated: 2, approved: 1 }]);
    expect(matrix[0]![0]).toBeNull();
    expect(matrix[0]![1]).toMatchObject({ seats: 10, approved: 1 });
    expect(matrix[2]![1]).toMatchObject({ seats: 0, nominated: 0 });
    expect(matrix.flat().filter(Boolean)).toHaveLength(6);
  });

  it('scales bars and lists academic years', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(1, 1000)).toBe(2);
    expect(academicYearsAround(new Date('2026-11-28T00:00:00Z'))).toEqual(['2024/2025', '2025/2026', '2026/2027', '2027/2028']);
  });
});
