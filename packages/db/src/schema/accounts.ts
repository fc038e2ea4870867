import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accountTokenPurposes, userImportStatuses } from '@exchange/shared';
import { createdAt, instant, oneOf, primaryId } from './columns.js';
import { institutions } from './institutions.js';
import { users } from './users.js';

/**
 * A single-use link e-mailed to an account: an invitation to set the first password, or a
 * password reset. Only the SHA-256 of the token is kept, so a copy of the database opens nothing.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: primaryId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text({ enum: accountTokenPurposes }).notNull(),
    tokenHash: text().notNull(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('account_tokens_hash_unique').on(table.tokenHash),
    index('account_tokens_user_idx').on(table.userId, table.purpose),
    check('account_tokens_purpose_valid', sql`${table.purpose} IN (${oneOf(accountTokenPurposes)})`),
  ],
);

/** An account's identity at its institution's OpenID provider: the provider's `iss` and `sub`. */
export const userIdentities = pgTable(
  'user_identities',
  {
    issuer: text().notNull(),
    subject: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.issuer, table.subject] }), uniqueIndex('user_identities_user_issuer_unique').on(table.userId, table.issuer)],
);

/**
 * A sign-in through an institution's OpenID provider between the redirect and the callback:
 * the `state`, `nonce` and PKCE verifier live here, not in one instance's memory, so the
 * callback may reach any API instance. Used once; expires after minutes.
 */
export const oidcSignIns = pgTable(
  'oidc_sign_ins',
  {
    state: text().primaryKey(),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    nonce: text().notNull(),
    codeVerifier: text().notNull(),
    redirectUri: text().notNull(),
    createdAt: createdAt(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
  },
  (table) => [index('oidc_sign_ins_expires_idx').on(table.expiresAt)],
);

/**
 * A bulk import of students from CSV or XLSX. The whole file is checked before anything is
 * written; the rows are then written in batches and `processed` tells how far it got, so any
 * instance can show the progress. Re-importing the same file changes nothing.
 */
export const userImports = pgTable(
  'user_imports',
  {
    id: primaryId(),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    fileName: text().notNull(),
    status: text({ enum: userImportStatuses }).notNull().default('running'),
    total: integer().notNull(),
    processed: integer().notNull().default(0),
    created: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    /** Rows refused, each `{row, field, code, message}`. */
    errors: jsonb()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    finishedAt: instant(),
  },
  (table) => [
    index('user_imports_institution_idx').on(table.institutionId, table.createdAt),
    check('user_imports_status_valid', sql`${table.status} IN (${oneOf(userImportStatuses)})`),
    check('user_imports_progress_valid', sql`${table.processed} >= 0 AND ${table.processed} <= ${table.total}`),
  ],
);

/**
 * An institution's OpenID Connect provider, set by an administrator: its staff and students
 * may then sign in there. The client secret is written, never read back through the API.
 */
export const identityProviders = pgTable('identity_providers', {
  institutionId: uuid()
    .primaryKey()
    .references(() => institutions.id, { onDelete: 'cascade' }),
  issuer: text().notNull(),
  clientId: text().notNull(),
  clientSecret: text().notNull(),
  /** The button's words on the sign-in page, e.g. "ПГУ: единая учётная запись". */
  displayName: text().notNull(),
  enabled: boolean().notNull().default(true),
  updatedAt: createdAt(),
});
