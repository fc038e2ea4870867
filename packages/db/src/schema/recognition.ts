import { sql } from 'drizzle-orm';
import { check, date, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import type { ConversionRule } from '@exchange/shared';
import { createdAt, instant } from './columns.js';
import { institutions } from './institutions.js';
import { mobilities } from './mobilities.js';
import { users } from './users.js';

/** How grades of one institution's scale convert to another's; the two offices keep it. */
export const gradeConversions = pgTable(
  'grade_conversions',
  {
    fromInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    toInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    rules: jsonb().$type<ConversionRule[]>().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.fromInstitutionId, table.toInstitutionId] }),
    check('grade_conversions_two_institutions', sql`${table.fromInstitutionId} <> ${table.toInstitutionId}`),
  ],
);

export type TranscriptLine = { code: string; title: string; credits: number; grade: string; passed: boolean; date: string };
export type RecognitionLine = { code: string; recognised: boolean; homeGrade: string | null; homeCredits: number; note: string | null };

/** The host's transcript of records for a mobility: per component the grade in the host's scale. */
export const mobilityTranscripts = pgTable('mobility_transcripts', {
  mobilityId: uuid()
    .primaryKey()
    .references(() => mobilities.id, { onDelete: 'restrict' }),
  issuedOn: date({ mode: 'string' }).notNull(),
  components: jsonb().$type<TranscriptLine[]>().notNull(),
  recordedBy: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'restrict' }),
  recordedAt: instant().notNull(),
});

/** The home office's decision per home component; once made, the mobility is `recognised`. */
export const mobilityRecognitions = pgTable('mobility_recognitions', {
  mobilityId: uuid()
    .primaryKey()
    .references(() => mobilities.id, { onDelete: 'restrict' }),
  components: jsonb().$type<RecognitionLine[]>().notNull(),
  decidedBy: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'restrict' }),
  decidedAt: instant().notNull(),
});
