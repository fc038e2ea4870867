import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** The page of the web the mail is about (`/nominations/…`); the worker links it on the web's public URL. */
    linkPath: text(),
    /** The reader's language, for the words around the link. */
    locale: text(),
    createdAt: createdAt(),
    sentAt: instant(),
    attempts: integer().notNull().default(0),
    /** Failed sends wait, longer after each failure. */
    nextAttemptAt: instant().notNull().defaultNow(),
    lastError: text(),
  },
  (table) => [
    index('mail_outbox_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.sentAt} IS NULL`),
  ],
);

/**
 * One daily digest mail: at most one per person and local day (the unique key), so several
 * API instances composing digests at once send it once.
 */
export const mailDigests = pgTable(
  'mail_digests',
  {
    id: primaryId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The local date in the reader's institution's time zone. */
    day: date({ mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('mail_digests_user_day_unique').on(table.userId, table.day)],
);

/** A notification waiting for its reader's next digest mail (the in-app one is already there). */
export const mailDigestEntries = pgTable(
  'mail_digest_entries',
  {
    id: primaryId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    /** Set when a digest took it. */
    digestId: uuid().references(() => mailDigests.id, { onDelete: 'cascade' }),
  },
  (table) => [
    index('mail_digest_entries_pending_idx')
      .on(table.userId, table.createdAt)
      .where(sql`${table.digestId} IS NULL`),
  ],
);
