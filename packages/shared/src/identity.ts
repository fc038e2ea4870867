/**
 * Identity for the border: what a partner's invitation and a visa need of a student. One set
 * of rules for the API's validation, the database's checks and the web's forms.
 */
import { z } from 'zod';
import { calendarDate, text } from './schemas/common.js';

export const identityFields = [
  'fullNameLatin',
  'passportNumber',
  'passportExpiresOn',
  'birthDate',
  'citizenship',
  'sex',
  'studyLevel',
  'fieldOfStudy',
] as const;
export type IdentityField = (typeof identityFields)[number];

/** Asked of every applicant: without them the partner receives "—" for a nominee. */
export const baseIdentityFields = ['fullNameLatin', 'passportNumber', 'studyLevel', 'fieldOfStudy'] as const satisfies readonly IdentityField[];
/** A call may ask for these too (a visa invitation needs them; some partners want them up front). */
export const extraIdentityFields = ['birthDate', 'citizenship', 'sex', 'passportExpiresOn'] as const satisfies readonly IdentityField[];
export type ExtraIdentityField = (typeof extraIdentityFields)[number];

/** ISO 5218: 0 not known, 1 male, 2 female, 9 not applicable. */
export const sexCodes = [0, 1, 2, 9] as const;
export const studyLevels = [6, 7, 8] as const;

/** Latin script (with its accented letters, as some passports print them), spaces, hyphens, apostrophes, dots. */
export const latinNamePattern = /^\p{Script=Latin}[\p{Script=Latin} .'-]*$/u;

export const identity = {
  fullNameLatin: text(200).pipe(z.string().regex(latinNamePattern, { message: 'Latin letters only, as in the passport' })),
  passportNumber: text(30).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { message: 'Letters, digits and spaces, as in the passport' })),
  // Year 0 or 10000 would not fit a PostgreSQL date; no passport is valid that long anyway.
  passportExpiresOn: calendarDate.refine((value) => value >= '1900-01-01' && value < '2200-01-01', {
    message: 'A date between 1900 and 2200',
  }),
  birthDate: calendarDate.refine((value) => value >= '1900-01-01' && new Date(`${value}T00:00:00Z`).getTime() < Date.now(), {
    message: 'A date in the past',
  }),
  citizenship: z.string().regex(/^[A-Z]{2}$/, { message: 'An ISO 3166 alpha-2 code, such as RU or CN' }),
  sex: z.union(sexCodes.map((code) => z.literal(code))),
  studyLevel: z.union(studyLevels.map((level) => z.literal(level))),
  fieldOfStudy: z.string().regex(/^\d{4}$/, { message: 'An ISCED-F code has 4 digits' }),
};

export type Identity = { [K in IdentityField]: K extends 'sex' | 'studyLevel' ? number | null : string | null };

/** What a call requires of an applicant's identity: the base fields, then the call's extras. */
export function requiredIdentityOf(call: { requiredIdentity?: readonly ExtraIdentityField[] | null }): IdentityField[] {
  const extras = call.requiredIdentity ?? [];
  return identityFields.filter((field) => (baseIdentityFields as readonly string[]).includes(field) || (extras as readonly string[]).includes(field));
}
