import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId } from './columns.js';
import { users } from './users.js';

/**
 * An in-app notification. `kind` and `params` are rendered in the reader's language by the
 * web, so one notification reads well in Russian, Chinese and English alike.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: primaryId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: instant(),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);

/**
 * E-mails to send, written in the transaction of the change that causes them (transactional
 * outbox): a crash never loses one, and a delivery worker sends each at least once.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: primaryId(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
    sentAt: instant(),
    attempts: integer().notNull().default(0),
    /** Failed sends wait, longer after each failure. */
    nextAttemptAt: instant().notNull().defaultNow(),
    lastError: text(),
  },
  (table) => [index('mail_outbox_due_idx').on(table.nextAttemptAt).where(sql`${table.sentAt} IS NULL`)],
);
