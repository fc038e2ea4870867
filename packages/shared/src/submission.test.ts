import { describe, expect, it } from 'vitest';
import { certificateMeets, missingForSubmission, type SubmissionState } from './submission.js';

const hsk4 = { language: 'zh', scale: 'HSK', level: '4' } as const;
const blank = {
  fullNameLatin: null,
  passportNumber: null,
  passportExpiresOn: null,
  birthDate: null,
  citizenship: null,
  sex: null,
  studyLevel: null,
  fieldOfStudy: null,
};
const state = (overrides: Partial<SubmissionState> = {}): SubmissionState => ({
  application: {
    ...blank,
    fullNameLatin: 'Anna Petrova',
    passportNumber: '56 99 123456',
    studyLevel: 6,
    fieldOfStudy: '0231',
    motivation: 'Yes.',
    gpa: 4.5,
    languageCertificates: [],
  },
  call: { requiredDocuments: [], requiredIdentity: [], languageRequirement: null },
  chosenLines: [{ languageRequirement: null }],
  documents: [],
  ...overrides,
});

describe('certificates against a required level', () => {
  it('compares levels on the same scale and leaves other scales to the reviewers', () => {
    expect(certificateMeets({ language: 'zh', level: '4' }, hsk4)).toBe(true);
    expect(certificateMeets({ language: 'zh', level: 'HSK 5' }, hsk4)).toBe(true);
    expect(certificateMeets({ language: 'zh', level: '3' }, hsk4)).toBe(false);
    expect(certificateMeets({ language: 'en', level: '6' }, hsk4)).toBe(false);
    expect(certificateMeets({ language: 'ru', level: 'ТРКИ-1' }, { language: 'ru', scale: 'TORFL', level: 'TORFL-2' })).toBe(false);
    expect(certificateMeets({ language: 'en', level: '6.5' }, { language: 'en', scale: 'CEFR', level: 'B2' })).toBe(true);
  });
});

describe('what a submission lacks', () => {
  it('asks every applicant for the base identity and each call for its extras', () => {
    expect(missingForSubmission(state())).toEqual([]);
    expect(missingForSubmission(state({ application: { ...state().application, fullNameLatin: ' ', studyLevel: null } }))).toEqual([
      { item: 'fullNameLatin' },
      { item: 'studyLevel' },
    ]);
    expect(missingForSubmission(state({ call: { requiredDocuments: [], requiredIdentity: ['sex', 'birthDate'], languageRequirement: null } }))).toEqual([
      { item: 'birthDate' },
      { item: 'sex' },
    ]);
  });

  it('names a language certificate once per language and scale, by the highest level the call or a chosen line asks', () => {
    const lines = [{ languageRequirement: hsk4 }, { languageRequirement: { ...hsk4, level: '5' } }];
    expect(missingForSubmission(state({ chosenLines: lines }))).toEqual([{ item: 'languageCertificate', language: 'zh', scale: 'HSK', level: '5' }]);
    const withHsk4 = { ...state().application, languageCertificates: [{ language: 'zh', level: '4' }] };
    expect(missingForSubmission(state({ chosenLines: [{ languageRequirement: hsk4 }], application: withHsk4 }))).toEqual([]);
  });
});
