import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { learningAgreementKinds, type LearningAgreementContent, type Locale } from '@exchange/shared';
import { createdAt, instant, oneOf, primaryId } from './columns.js';
import { mobilities } from './mobilities.js';
import { users } from './users.js';

/** A signature as given: who (their name as it was then) and when. */
export type StoredSignature = { userId: string; name: string; at: string };

/** The row's states: the student's draft, then a proposal that is signed or sent back. */
export const learningAgreementRowStatuses = ['draft', 'proposed', 'returned', 'signed'] as const;

/**
 * A mobility's learning agreement, one row per proposal (plus at most one draft the student is
 * writing). A proposal is signed by the student when proposed, then by the sending and the
 * receiving office; a comment instead sends it back. Signed and returned rows never change
 * (a trigger refuses it), so the history is what each party saw.
 */
export const learningAgreementVersions = pgTable(
  'learning_agreement_versions',
  {
    id: primaryId(),
    mobilityId: uuid()
      .notNull()
      // A draft or an open proposal goes with a mobility whose approval is undone; a signed one refuses it.
      .references(() => mobilities.id, { onDelete: 'cascade' }),
    status: text({ enum: learningAgreementRowStatuses }).notNull(),
    kind: text({ enum: learningAgreementKinds }).notNull(),
    /** 1, 2, … in the order proposed; null while a draft. */
    number: integer(),
    /** New for every proposal; acting on another one is refused (409). */
    proposalId: uuid(),
    content: jsonb().$type<LearningAgreementContent>().notNull(),
    studentSignature: jsonb().$type<StoredSignature>(),
    sendingSignature: jsonb().$type<StoredSignature>(),
    receivingSignature: jsonb().$type<StoredSignature>(),
    comment: text(),
    commentLocale: text().$type<Locale>(),
    commentSide: text({ enum: ['sending', 'receiving'] }),
    commentBy: uuid().references(() => users.id, { onDelete: 'restrict' }),
    commentByName: text(),
    commentAt: instant(),
    proposedAt: instant(),
    signedAt: instant(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    uniqueIndex('learning_agreement_versions_number').on(table.mobilityId, table.number),
    uniqueIndex('learning_agreement_versions_proposal').on(table.proposalId),
    uniqueIndex('learning_agreement_versions_one_draft')
      .on(table.mobilityId)
      .where(sql`${table.status} = 'draft'`),
    uniqueIndex('learning_agreement_versions_one_open_proposal')
      .on(table.mobilityId)
      .where(sql`${table.status} = 'proposed'`),
    check('learning_agreement_versions_status_valid', sql`${table.status} IN (${oneOf(learningAgreementRowStatuses)})`),
    check('learning_agreement_versions_kind_valid', sql`${table.kind} IN (${oneOf(learningAgreementKinds)})`),
    check(
      'learning_agreement_versions_proposal_has_id',
      sql`(${table.status} = 'draft') = (${table.proposalId} IS NULL AND ${table.number} IS NULL AND ${table.studentSignature} IS NULL)`,
    ),
    check(
      'learning_agreement_versions_signed_by_three',
      sql`${table.status} <> 'signed' OR (${table.sendingSignature} IS NOT NULL AND ${table.receivingSignature} IS NOT NULL AND ${table.signedAt} IS NOT NULL)`,
    ),
    check('learning_agreement_versions_receiving_after_sending', sql`${table.receivingSignature} IS NULL OR ${table.sendingSignature} IS NOT NULL`),
    check('learning_agreement_versions_returned_has_comment', sql`${table.status} <> 'returned' OR length(trim(${table.comment})) > 0`),
  ],
);
