import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { locales, nominationStatuses } from '@exchange/shared';
import { createdAt, instant, oneOf, primaryId } from './columns.js';
import { applications } from './applications.js';
import { institutions } from './institutions.js';
import { quotaLines } from './quotas.js';
import { users } from './users.js';

/**
 * A student nominated to a partner on a quota line. `proposalId` changes whenever the
 * nomination's content changes, so a partner's decision on a stale version is refused.
 */
export const nominations = pgTable(
  'nominations',
  {
    id: primaryId(),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'restrict' }),
    quotaId: uuid()
      .notNull()
      .references(() => quotaLines.id, { onDelete: 'restrict' }),
    sendingInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    receivingInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    proposalId: uuid()
      .notNull()
      .default(sql`gen_random_uuid()`),
    status: text({ enum: nominationStatuses }).notNull().default('pending'),
    /** The sending office's note to the partner; changing it makes a new proposal. */
    note: text(),
    /** The partner's reason when rejecting. */
    comment: text(),
    /** The partner's language when writing the reason: a reader in another language is told so. */
    commentLocale: text({ enum: locales }),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    // An application holds at most one seat at a time.
    uniqueIndex('nominations_one_seat_per_application')
      .on(table.applicationId)
      .where(sql`${table.status} IN ('pending', 'approved')`),
    index('nominations_receiving_idx').on(table.receivingInstitutionId, table.status),
    index('nominations_sending_idx').on(table.sendingInstitutionId, table.status),
    index('nominations_quota_idx').on(table.quotaId, table.status),
    // The incoming and outgoing lists' order, newest first, per side.
    index('nominations_receiving_created_idx').on(table.receivingInstitutionId, table.createdAt.desc().nullsFirst(), table.id),
    index('nominations_sending_created_idx').on(table.sendingInstitutionId, table.createdAt.desc().nullsFirst(), table.id),
    check('nominations_status_valid', sql`${table.status} IN (${oneOf(nominationStatuses)})`),
    check('nominations_comment_locale_valid', sql`${table.commentLocale} IS NULL OR ${table.commentLocale} IN (${oneOf(locales)})`),
    check('nominations_rejection_has_comment', sql`${table.status} <> 'rejected' OR length(trim(${table.comment})) > 0`),
  ],
);
