import { sql } from 'drizzle-orm';
import { jsonb, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '@exchange/shared';

/** Shared column helpers: ids are random UUIDs, times are instants with a zone. */
export const primaryId = () => uuid().primaryKey().default(sql`gen_random_uuid()`);
export const instant = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => instant().notNull().defaultNow();
export const localized = () => jsonb().$type<LocalizedText>().notNull();

/** SQL list for a CHECK constraint: `IN ('a', 'b')`. */
export const oneOf = (values: readonly (string | number)[]) =>
  sql.raw(values.map((value) => (typeof value === 'number' ? String(value) : `'${value}'`)).join(', '));
