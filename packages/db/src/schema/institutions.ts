import { sql } from 'drizzle-orm';
import { check, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
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
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('institutions_code_unique').on(table.code), check('institutions_country_iso', sql`${table.country} ~ '^[A-Z]{2}$'`)],
);
