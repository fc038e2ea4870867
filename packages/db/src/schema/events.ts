import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { eventStatuses, registrationStatuses, type LocalizedText } from '@exchange/shared';
import { createdAt, instant, localized, oneOf, primaryId } from './columns.js';
import { institutions } from './institutions.js';
import { users } from './users.js';

/** An international cultural centre of an institution. */
export const centres = pgTable(
  'centres',
  {
    id: primaryId(),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    name: localized(),
    description: localized(),
    createdAt: createdAt(),
  },
  (table) => [index('centres_institution_idx').on(table.institutionId)],
);

/**
 * An event of a centre. `confirmedCount` is kept in the transaction of every registration
 * change, under the event's row lock; the database refuses any write above capacity.
 */
export const events = pgTable(
  'events',
  {
    id: primaryId(),
    centreId: uuid()
      .notNull()
      .references(() => centres.id, { onDelete: 'restrict' }),
    title: localized(),
    description: localized(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    /** IANA zone of the venue. */
    timeZone: text().notNull(),
    /** In the three languages like the title; null for an online-only event. */
    venue: jsonb().$type<LocalizedText>(),
    onlineUrl: text(),
    capacity: integer().notNull(),
    /** Whether people may queue once the seats are taken. */
    waitlistEnabled: boolean().notNull().default(true),
    registrationOpensAt: instant(),
    registrationClosesAt: instant(),
    /** Institutions whose students may register; empty means everyone. */
    audienceInstitutionIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text({ enum: eventStatuses }).notNull().default('draft'),
    confirmedCount: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    index('events_centre_starts_idx').on(table.centreId, table.startsAt),
    index('events_status_starts_idx').on(table.status, table.startsAt),
    // Upcoming events (those not yet ended) without reading every past one.
    index('events_status_ends_idx').on(table.status, table.endsAt),
    check('events_time_order', sql`${table.startsAt} < ${table.endsAt}`),
    check('events_capacity_positive', sql`${table.capacity} > 0`),
    check('events_confirmed_within_capacity', sql`${table.confirmedCount} >= 0 AND ${table.confirmedCount} <= ${table.capacity}`),
    check('events_status_valid', sql`${table.status} IN (${oneOf(eventStatuses)})`),
    check(
      'events_registration_window_order',
      sql`${table.registrationOpensAt} IS NULL OR ${table.registrationClosesAt} IS NULL OR ${table.registrationOpensAt} < ${table.registrationClosesAt}`,
    ),
  ],
);

/**
 * One person's registration for an event. The waitlist is ordered by `seq`, which only grows:
 * a position is the rank among those still waiting, so positions never have gaps.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: primaryId(),
    seq: bigserial({ mode: 'number' }).notNull(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: registrationStatuses }).notNull(),
    /** SHA-256 of the secret in the registrant's QR code; the secret itself is never stored. */
    checkInTokenHash: text().notNull(),
    checkedInAt: instant(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    uniqueIndex('registrations_one_per_person')
      .on(table.eventId, table.userId)
      .where(sql`${table.status} <> 'cancelled'`),
    index('registrations_event_status_seq_idx').on(table.eventId, table.status, table.seq),
    index('registrations_user_idx').on(table.userId),
    uniqueIndex('registrations_check_in_token').on(table.checkInTokenHash),
    check('registrations_status_valid', sql`${table.status} IN (${oneOf(registrationStatuses)})`),
  ],
);

/** Unguessable tokens of personal calendar feeds. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  createdAt: createdAt(),
});
