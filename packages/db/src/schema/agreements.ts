import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { agreementStatuses, locales, planItemStatuses } from '@exchange/shared';
import { bytea, createdAt, instant, localized, oneOf, primaryId } from './columns.js';
import { institutions } from './institutions.js';
import { users } from './users.js';

export const agreements = pgTable(
  'agreements',
  {
    id: primaryId(),
    title: localized(),
    signedOn: date({ mode: 'string' }),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }).notNull(),
    status: text({ enum: agreementStatuses }).notNull().default('draft'),
    /**
     * The last expiry warning mailed (90, then 30 days ahead), so each goes out once whichever
     * API instance sends it; cleared when the validity changes.
     */
    expiryNoticeDays: smallint(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    check('agreements_expiry_notice_valid', sql`${table.expiryNoticeDays} IS NULL OR ${table.expiryNoticeDays} IN (90, 30)`),
    check('agreements_status_valid', sql`${table.status} IN (${oneOf(agreementStatuses)})`),
    check('agreements_validity_order', sql`${table.validFrom} <= ${table.validTo}`),
  ],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
  },
  (table) => [primaryKey({ columns: [table.agreementId, table.institutionId] })],
);

/** An item of the agreement's plan of measures. */
export const planItems = pgTable(
  'plan_items',
  {
    id: primaryId(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: localized(),
    deadline: date({ mode: 'string' }),
    responsibleInstitutionId: uuid().references(() => institutions.id, { onDelete: 'set null' }),
    status: text({ enum: planItemStatuses }).notNull().default('planned'),
    /** The responsible coordinator's word on the latest status, in the language it was written in. */
    note: text(),
    noteLocale: text({ enum: locales }),
    updatedAt: createdAt(),
    /** When the owners were reminded of the coming deadline: once, cleared when the deadline moves. */
    reminderSentAt: instant(),
  },
  (table) => [
    index('plan_items_agreement_idx').on(table.agreementId, table.position),
    index('plan_items_deadline_idx')
      .on(table.deadline)
      .where(sql`${table.reminderSentAt} IS NULL AND ${table.status} IN ('planned', 'in_progress')`),
    check('plan_items_status_valid', sql`${table.status} IN (${oneOf(planItemStatuses)})`),
    check('plan_items_note_locale_valid', sql`${table.noteLocale} IS NULL OR ${table.noteLocale} IN (${oneOf(locales)})`),
  ],
);

/** The signed agreement as the parties signed it: one PDF, replaced by a newer upload. */
export const agreementDocuments = pgTable(
  'agreement_documents',
  {
    agreementId: uuid()
      .primaryKey()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    /** Generated; never the uploader's file name. */
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    check('agreement_documents_size_range', sql`${table.size} > 0 AND ${table.size} <= 10485760`),
    check('agreement_documents_content_type', sql`${table.contentType} = 'application/pdf'`),
  ],
);

/** Evidence the responsible institution attaches to a plan item (minutes, photos, reports). */
export const planItemEvidence = pgTable(
  'plan_item_evidence',
  {
    id: primaryId(),
    planItemId: uuid()
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    /** Generated; never the uploader's file name. */
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('plan_item_evidence_item_idx').on(table.planItemId),
    check('plan_item_evidence_size_range', sql`${table.size} > 0 AND ${table.size} <= 10485760`),
    check('plan_item_evidence_content_type', sql`${table.contentType} IN ('application/pdf', 'image/png', 'image/jpeg')`),
  ],
);
