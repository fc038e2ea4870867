import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicationStatuses, documentTypes, locales, type ApplicationStatus, type DocumentType } from '@exchange/shared';
import { bytea, createdAt, identityChecks, instant, oneOf, primaryId } from './columns.js';
import { calls } from './calls.js';
import { quotaLines } from './quotas.js';
import { users } from './users.js';

export type LanguageCertificate = { language: string; test: string; level: string; date: string };

export const applications = pgTable(
  'applications',
  {
    id: primaryId(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    studentId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: text({ enum: applicationStatuses }).notNull().default('draft'),
    motivation: text().notNull().default(''),
    /** The name as in the passport, in Latin letters, for the partner's paperwork. */
    fullNameLatin: text(),
    /** Seen by the home office only; never sent to a partner. */
    passportNumber: text(),
    passportExpiresOn: date({ mode: 'string' }),
    birthDate: date({ mode: 'string' }),
    /** ISO 3166 alpha-2. */
    citizenship: text(),
    /** ISO 5218. */
    sex: smallint(),
    /** EQF level of the studies: 6 bachelor, 7 master, 8 doctoral. */
    studyLevel: integer(),
    /** ISCED-F 2013 field of the studies, 4 digits. */
    fieldOfStudy: text(),
    /** On the 5-point scale. */
    gpa: numeric({ precision: 3, scale: 2, mode: 'number' }),
    languageCertificates: jsonb().$type<LanguageCertificate[]>().notNull().default([]),
    reviewScore: numeric({ precision: 5, scale: 2, mode: 'number' }),
    reviewEligible: boolean(),
    reviewComment: text(),
    /** The reviewer's language when writing the comment, so a reader is told it is not a translation. */
    reviewCommentLocale: text({ enum: locales }),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: instant(),
    submittedAt: instant(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    // One live application per student and call; a withdrawn one does not count.
    uniqueIndex('applications_one_per_call')
      .on(table.callId, table.studentId)
      .where(sql`${table.status} <> 'withdrawn'`),
    // A call's review list by score (and any read of a call's applications in one status).
    index('applications_call_status_score_idx').on(
      table.callId,
      table.status,
      table.reviewScore.desc().nullsLast(),
      table.createdAt.desc().nullsFirst(),
      table.id,
    ),
    index('applications_student_idx').on(table.studentId, table.createdAt),
    // The review list's default order (newest submission first), so a page is read, not sorted.
    index('applications_submitted_order_idx').on(table.submittedAt.desc().nullsLast(), table.createdAt.desc().nullsFirst(), table.id),
    check('applications_status_valid', sql`${table.status} IN (${oneOf(applicationStatuses)})`),
    ...identityChecks('applications', table),
    check('applications_gpa_range', sql`${table.gpa} IS NULL OR (${table.gpa} >= 0 AND ${table.gpa} <= 5)`),
    check('applications_review_comment_locale_valid', sql`${table.reviewCommentLocale} IS NULL OR ${table.reviewCommentLocale} IN (${oneOf(locales)})`),
    check('applications_score_range', sql`${table.reviewScore} IS NULL OR (${table.reviewScore} >= 0 AND ${table.reviewScore} <= 100)`),
    check('applications_submitted_has_time', sql`${table.status} = 'draft' OR ${table.submittedAt} IS NOT NULL OR ${table.status} = 'withdrawn'`),
  ],
);

/** Ranked preferences: rank 1 is the first choice. */
export const applicationPreferences = pgTable(
  'application_preferences',
  {
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    quotaId: uuid()
      .notNull()
      .references(() => quotaLines.id, { onDelete: 'restrict' }),
    rank: integer().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.applicationId, table.rank] }),
    uniqueIndex('application_preferences_no_duplicates').on(table.applicationId, table.quotaId),
    index('application_preferences_quota_idx').on(table.quotaId),
    check('application_preferences_rank_range', sql`${table.rank} BETWEEN 1 AND 5`),
  ],
);

/**
 * Uploaded documents, kept in the database so one backup holds everything. A replaced
 * document stays (with `replacedAt` set) so the audit trail can point at every version.
 */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: primaryId(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    type: text({ enum: documentTypes }).$type<DocumentType>().notNull(),
    /** Generated; never the uploader's file name. */
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    replacedAt: instant(),
  },
  (table) => [
    uniqueIndex('application_documents_current')
      .on(table.applicationId, table.type)
      .where(sql`${table.replacedAt} IS NULL`),
    check('application_documents_type_valid', sql`${table.type} IN (${oneOf(documentTypes)})`),
    check('application_documents_size_range', sql`${table.size} > 0 AND ${table.size} <= 10485760`),
    check('application_documents_content_type', sql`${table.contentType} IN ('application/pdf', 'image/png', 'image/jpeg')`),
  ],
);

/** Every status change of an application: the student's timeline. */
export const applicationStatusHistory = pgTable(
  'application_status_history',
  {
    id: primaryId(),
    seq: bigserial({ mode: 'number' }).notNull(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text().$type<ApplicationStatus>(),
    toStatus: text().$type<ApplicationStatus>().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
    /** The language the note is in: the writer's, or English for the allocation's own reasons. */
    noteLocale: text({ enum: locales }),
    at: createdAt(),
  },
  (table) => [
    index('application_status_history_app_idx').on(table.applicationId, table.seq),
    check('application_status_history_note_locale_valid', sql`${table.noteLocale} IS NULL OR ${table.noteLocale} IN (${oneOf(locales)})`),
  ],
);

/**
 * How many applications each call has in each status, exact: kept by statement-level triggers
 * on applications (created with it by its migration) in the same transaction as every insert, status change and
 * delete, so lists read their totals here instead of counting the rows on every page.
 */
export const applicationCounts = pgTable(
  'application_counts',
  {
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    status: text({ enum: applicationStatuses }).notNull(),
    n: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.callId, table.status] })],
);
