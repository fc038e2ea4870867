/**
 * Identity for the border: what a partner's invitation and a visa need of a student. One set
 * of rules for the API's validation, the database's checks and the web's forms.
 */
import { z } from 'zod';
import { calendarDate, text } from './schemas/common.js';
import { latinNamePattern, sexCodes, studyLevels } from './identity-fields.js';

export * from './identity-fields.js';

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
