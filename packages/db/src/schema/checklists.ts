import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checklistItemStatuses, checklistOwners, type DueRule } from '@exchange/shared';
import { bytea, createdAt, instant, localized, oneOf, primaryId } from './columns.js';
import { institutions } from './institutions.js';
import { mobilities } from './mobilities.js';
import { users } from './users.js';

/**
 * A receiving institution's steps for its incoming students. Copied onto each mobility when the
 * host admits the student, so a later edit of the template leaves running mobilities alone.
 */
export const checklistTemplates = pgTable(
  'checklist_templates',
  {
    id: primaryId(),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    title: localized(),
    owner: text({ enum: checklistOwners }).notNull(),
    dueRule: jsonb().$type<DueRule>(),
    /** Only for stays of at least this many days (a residence permit for stays over 180 days). */
    minStayDays: integer(),
    requiresProof: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    uniqueIndex('checklist_templates_key_unique').on(table.institutionId, table.key),
    check('checklist_templates_owner_valid', sql`${table.owner} IN (${oneOf(checklistOwners)})`),
  ],
);

/** Proofs the owner side uploads for a checklist step, and documents the host asked for. */
export const mobilityDocuments = pgTable(
  'mobility_documents',
  {
    id: primaryId(),
    mobilityId: uuid()
      .notNull()
      .references(() => mobilities.id, { onDelete: 'cascade' }),
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
    index('mobility_documents_mobility_idx').on(table.mobilityId),
    check('mobility_documents_size_range', sql`${table.size} > 0 AND ${table.size} <= 10485760`),
    check('mobility_documents_content_type', sql`${table.contentType} IN ('application/pdf', 'image/png', 'image/jpeg')`),
  ],
);

/** One step of one mobility's checklist. `dueOn` is set once its anchor (start or arrival) is known. */
export const mobilityChecklistItems = pgTable(
  'mobility_checklist_items',
  {
    id: primaryId(),
    mobilityId: uuid()
      .notNull()
      .references(() => mobilities.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    title: localized(),
    owner: text({ enum: checklistOwners }).notNull(),
    dueRule: jsonb().$type<DueRule>(),
    requiresProof: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    dueOn: date({ mode: 'string' }),
    status: text({ enum: checklistItemStatuses }).notNull().default('open'),
    note: text(),
    documentId: uuid().references(() => mobilityDocuments.id, { onDelete: 'set null' }),
    doneBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    doneAt: instant(),
    /** Set by the one instance that sent the reminder before the due date: it is sent once. */
    remindedAt: instant(),
    /** Set when both offices were told the step is overdue. */
    overdueNotifiedAt: instant(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    uniqueIndex('mobility_checklist_items_key_unique').on(table.mobilityId, table.key),
    index('mobility_checklist_items_due_idx')
      .on(table.dueOn)
      .where(sql`${table.status} = 'open'`),
    check('mobility_checklist_items_owner_valid', sql`${table.owner} IN (${oneOf(checklistOwners)})`),
    check('mobility_checklist_items_status_valid', sql`${table.status} IN (${oneOf(checklistItemStatuses)})`),
    check('mobility_checklist_items_waived_has_note', sql`${table.status} <> 'waived' OR length(trim(${table.note})) > 0`),
    check('mobility_checklist_items_proof_when_done', sql`NOT ${table.requiresProof} OR ${table.status} <> 'done' OR ${table.documentId} IS NOT NULL`),
  ],
);
