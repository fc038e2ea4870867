import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { mobilityTypes, type LanguageRequirement } from '@exchange/shared';
import { createdAt, oneOf, primaryId } from './columns.js';
import { agreements } from './agreements.js';
import { institutions } from './institutions.js';

/**
 * A quota line: the seats one institution may send to another in an academic year for one
 * kind of mobility (the cooperation condition of an inter-institutional agreement).
 *
 * `used` counts the nominations on the line that hold a seat (pending or approved). It is kept
 * in the same transaction as every nomination change, and the database refuses any write that
 * would take it above `seats`: the invariant holds whatever the concurrency.
 */
export const quotaLines = pgTable(
  'quota_lines',
  {
    id: primaryId(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: 'restrict' }),
    sendingInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    receivingInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    academicYear: text().notNull(),
    mobilityType: text({ enum: mobilityTypes }).notNull(),
    eqfLevels: integer().array().notNull(),
    iscedCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    seats: integer().notNull(),
    totalMonths: integer(),
    languageRequirement: jsonb().$type<LanguageRequirement>(),
    used: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    index('quota_lines_agreement_idx').on(table.agreementId, table.academicYear),
    index('quota_lines_direction_idx').on(table.sendingInstitutionId, table.receivingInstitutionId, table.academicYear),
    check('quota_lines_seats_nonnegative', sql`${table.seats} >= 0`),
    check('quota_lines_used_within_seats', sql`${table.used} >= 0 AND ${table.used} <= ${table.seats}`),
    check('quota_lines_total_months_positive', sql`${table.totalMonths} IS NULL OR ${table.totalMonths} > 0`),
    check('quota_lines_distinct_parties', sql`${table.sendingInstitutionId} <> ${table.receivingInstitutionId}`),
    check('quota_lines_mobility_type_valid', sql`${table.mobilityType} IN (${oneOf(mobilityTypes)})`),
    check(
      'quota_lines_academic_year_format',
      sql`${table.academicYear} ~ '^[0-9]{4}/[0-9]{4}$' AND substr(${table.academicYear}, 6, 4)::int = substr(${table.academicYear}, 1, 4)::int + 1`,
    ),
    check('quota_lines_eqf_levels_valid', sql`${table.eqfLevels} <@ ARRAY[6, 7, 8] AND cardinality(${table.eqfLevels}) > 0`),
  ],
);
