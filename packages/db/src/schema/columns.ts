import { sql } from 'drizzle-orm';
import { check, customType, jsonb, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sexCodes, type LocalizedText } from '@exchange/shared';

/** Shared column helpers: ids are random UUIDs, times are instants with a zone. */
export const primaryId = () =>
  uuid()
    .primaryKey()
    .default(sql`gen_random_uuid()`);
export const instant = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => instant().notNull().defaultNow();
export const localized = () => jsonb().$type<LocalizedText>().notNull();

/** Uploaded files are kept in the database, so one backup holds everything. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** SQL list for a CHECK constraint: `IN ('a', 'b')`. */
export const oneOf = (values: readonly (string | number)[]) =>
  sql.raw(values.map((value) => (typeof value === 'number' ? String(value) : `'${value}'`)).join(', '));

/**
 * The CHECKs on what a student gives for the border, for every table that keeps it (the
 * profile and each application): EQF level 6–8, ISO 5218 sex, ISO 3166 alpha-2 country.
 * Named `<table>_study_level_valid`, `<table>_sex_valid`, `<table>_citizenship_valid`.
 */
export const identityChecks = (tableName: string, table: { studyLevel: AnyPgColumn; sex: AnyPgColumn; citizenship: AnyPgColumn }) => [
  check(`${tableName}_study_level_valid`, sql`${table.studyLevel} IS NULL OR ${table.studyLevel} IN (6, 7, 8)`),
  check(`${tableName}_sex_valid`, sql`${table.sex} IS NULL OR ${table.sex} IN (${oneOf(sexCodes)})`),
  check(`${tableName}_citizenship_valid`, sql`${table.citizenship} IS NULL OR ${table.citizenship} ~ '^[A-Z]{2}$'`),
];
