import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { letterKinds, type LocalizedText } from '@exchange/shared';
import { createdAt, instant, oneOf, primaryId } from './columns.js';
import { mobilities } from './mobilities.js';
import { users } from './users.js';

/** What a letter says, fixed when it is issued: the PDF and the verification page read this. */
export type LetterContent = {
  fullName: string;
  fullNameLatin: string | null;
  birthDate: string | null;
  citizenship: string | null;
  passportNumber: string | null;
  sendingInstitution: LocalizedText;
  receivingInstitution: LocalizedText;
  receivingCity: string;
  programme: string;
  mobilityType: string;
  academicYear: string;
  plannedStart: string;
  plannedEnd: string;
  /** The host's language, in which the letter is written (with English beside it). */
  locale: 'ru' | 'zh';
  signedBy: string;
};

/**
 * Letters the host issues (the admission letter / invitation). A new letter revokes the one
 * before; the code is what the public verification page looks up.
 */
export const mobilityLetters = pgTable(
  'mobility_letters',
  {
    id: primaryId(),
    mobilityId: uuid()
      .notNull()
      .references(() => mobilities.id, { onDelete: 'restrict' }),
    kind: text({ enum: letterKinds }).notNull(),
    code: text().notNull(),
    content: jsonb().$type<LetterContent>().notNull(),
    issuedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    issuedAt: createdAt(),
    revokedAt: instant(),
    revokedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('mobility_letters_code_unique').on(table.code),
    uniqueIndex('mobility_letters_one_current')
      .on(table.mobilityId, table.kind)
      .where(sql`${table.revokedAt} IS NULL`),
    index('mobility_letters_mobility_idx').on(table.mobilityId),
    check('mobility_letters_kind_valid', sql`${table.kind} IN (${oneOf(letterKinds)})`),
  ],
);
