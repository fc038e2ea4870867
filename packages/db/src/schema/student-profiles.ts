import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { sexCodes } from '@exchange/shared';
import { createdAt, oneOf } from './columns.js';
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
  (table) => [
    check('student_profiles_study_level_valid', sql`${table.studyLevel} IS NULL OR ${table.studyLevel} IN (6, 7, 8)`),
    check('student_profiles_sex_valid', sql`${table.sex} IS NULL OR ${table.sex} IN (${oneOf(sexCodes)})`),
    check('student_profiles_citizenship_valid', sql`${table.citizenship} IS NULL OR ${table.citizenship} ~ '^[A-Z]{2}$'`),
  ],
);
