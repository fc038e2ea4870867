import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { documentTypes, extraIdentityFields, mobilityTypes, type DocumentType, type ExtraIdentityField, type LanguageRequirement } from '@exchange/shared';
import { createdAt, instant, localized, oneOf, primaryId } from './columns.js';
import { institutions } from './institutions.js';
import { quotaLines } from './quotas.js';

export const callStatuses = ['draft', 'published', 'cancelled'] as const;

/** An application window of a sending institution. */
export const calls = pgTable(
  'calls',
  {
    id: primaryId(),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    title: localized(),
    description: localized(),
    academicYear: text().notNull(),
    mobilityType: text({ enum: mobilityTypes }).notNull(),
    opensAt: instant().notNull(),
    closesAt: instant().notNull(),
    maxPreferences: integer().notNull().default(3),
    /** On the 5-point scale. */
    minGpa: numeric({ precision: 3, scale: 2, mode: 'number' }),
    languageRequirement: jsonb().$type<LanguageRequirement>(),
    requiredDocuments: text()
      .array()
      .$type<DocumentType[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Identity data asked besides the base set (Latin name, passport number, level, field). */
    requiredIdentity: text()
      .array()
      .$type<ExtraIdentityField[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text({ enum: callStatuses }).notNull().default('draft'),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    index('calls_institution_idx').on(table.institutionId, table.closesAt),
    check('calls_window_order', sql`${table.opensAt} < ${table.closesAt}`),
    check('calls_max_preferences_range', sql`${table.maxPreferences} BETWEEN 1 AND 5`),
    check('calls_min_gpa_range', sql`${table.minGpa} IS NULL OR (${table.minGpa} >= 0 AND ${table.minGpa} <= 5)`),
    check('calls_status_valid', sql`${table.status} IN (${oneOf(callStatuses)})`),
    check('calls_mobility_type_valid', sql`${table.mobilityType} IN (${oneOf(mobilityTypes)})`),
    check('calls_required_documents_valid', sql`${table.requiredDocuments} <@ ARRAY[${oneOf(documentTypes)}]::text[]`),
    check('calls_required_identity_valid', sql`${table.requiredIdentity} <@ ARRAY[${oneOf(extraIdentityFields)}]::text[]`),
  ],
);

/** The quota lines a call offers. */
export const callQuotas = pgTable(
  'call_quotas',
  {
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    quotaId: uuid()
      .notNull()
      .references(() => quotaLines.id, { onDelete: 'restrict' }),
  },
  (table) => [primaryKey({ columns: [table.callId, table.quotaId] }), index('call_quotas_quota_idx').on(table.quotaId)],
);
