import { date, integer, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, identityChecks } from './columns.js';
import { users } from './users.js';

/**
 * What a student told once for the border (Latin name, passport, birth date, …): kept with the
 * account so the next application starts filled in. Updated by each submission.
 */
export const studentProfiles = pgTable(
  'student_profiles',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    fullNameLatin: text(),
    passportNumber: text(),
    passportExpiresOn: date({ mode: 'string' }),
    birthDate: date({ mode: 'string' }),
    citizenship: text(),
    sex: smallint(),
    studyLevel: integer(),
    fieldOfStudy: text(),
    updatedAt: createdAt(),
  },
  (table) => identityChecks('student_profiles', table),
);
