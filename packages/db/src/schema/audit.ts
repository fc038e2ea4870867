import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, primaryId } from './columns.js';
import { institutions } from './institutions.js';
import { users } from './users.js';

/**
 * One change to the system, written in the same transaction as the change itself.
 * `seq` orders entries made in the same instant.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: primaryId(),
    seq: bigserial({ mode: 'number' }).notNull(),
    at: createdAt(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text(),
    institutionId: uuid().references(() => institutions.id, { onDelete: 'set null' }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (table) => [
    index('audit_entries_seq_idx').on(table.seq),
    index('audit_entries_institution_idx').on(table.institutionId, table.seq),
    index('audit_entries_entity_idx').on(table.entityType, table.entityId),
  ],
);
