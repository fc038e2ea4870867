import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CreditUnit, GradeScale } from '@exchange/shared';
import { createdAt, localized, primaryId } from './columns.js';

export const institutions = pgTable(
  'institutions',
  {
    id: primaryId(),
    code: text().notNull(),
    name: localized(),
    city: text().notNull(),
    /** ISO 3166-1 alpha-2 */
    country: text().notNull(),
    /** IANA time zone of the campus, e.g. Europe/Moscow */
    timeZone: text().notNull(),
    /** The Erasmus Without Paper id: the institution's internet domain. */
    heiId: text(),
    /** How the institution grades, and its credit unit with the unit's worth in ECTS. */
    gradeScale: jsonb().$type<GradeScale>(),
    creditUnit: jsonb().$type<CreditUnit>(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('institutions_code_unique').on(table.code),
    uniqueIndex('institutions_hei_id_unique').on(table.heiId),
    check('institutions_country_iso', sql`${table.country} ~ '^[A-Z]{2}$'`),
  ],
);
