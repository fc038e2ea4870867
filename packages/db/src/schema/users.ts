import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { locales, nominationMailModes, roles, userStatuses } from '@exchange/shared';
import { createdAt, instant, oneOf, primaryId } from './columns.js';
import { institutions } from './institutions.js';

export const users = pgTable(
  'users',
  {
    id: primaryId(),
    /** Stored lower-cased; unique whatever the case. */
    email: text().notNull(),
    fullName: text().notNull(),
    /** The name in Latin letters, as on a passport, for the partner's documents. */
    fullNameLatin: text(),
    role: text({ enum: roles }).notNull(),
    institutionId: uuid().references(() => institutions.id, { onDelete: 'restrict' }),
    status: text({ enum: userStatuses }).notNull().default('pending'),
    locale: text({ enum: locales }).notNull().default('en'),
    /**
     * Daily by default: a partner office takes nominees in batches (an allocation sends dozens
     * at once) and decides by a deadline, so one morning mail serves it better than dozens.
     */
    nominationMail: text({ enum: nominationMailModes }).notNull().default('daily'),
    /** None until an invited account sets its password, and for accounts that only sign in through their institution. */
    passwordHash: text(),
    /** When the owner last proved the address: an invitation accepted or a reset link used from its e-mail. */
    emailVerifiedAt: instant(),
    /** The consent to the processing of personal data given at self-registration. */
    consentVersion: text(),
    consentedAt: instant(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
    index('users_institution_role_idx').on(table.institutionId, table.role, table.status),
    check('users_role_valid', sql`${table.role} IN (${oneOf(roles)})`),
    check('users_status_valid', sql`${table.status} IN (${oneOf(userStatuses)})`),
    check('users_consent_complete', sql`(${table.consentVersion} IS NULL) = (${table.consentedAt} IS NULL)`),
    check('users_locale_valid', sql`${table.locale} IN (${oneOf(locales)})`),
    check('users_nomination_mail_valid', sql`${table.nominationMail} IN (${oneOf(nominationMailModes)})`),
    // Everyone but an admin belongs to one institution.
    check('users_institution_required', sql`(${table.role} = 'admin') OR (${table.institutionId} IS NOT NULL)`),
  ],
);

/**
 * A signed-in session. Every access token names its session; revoking the session (logout,
 * password change, disabling the account) refuses its tokens at once on every API instance.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: primaryId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Absolute end: renewals never take a session past it. */
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    /** The last renewal: when the session was last seen in use. */
    refreshedAt: instant(),
    userAgent: text(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);
