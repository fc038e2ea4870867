import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agreementStatuses, planItemStatuses } from '@exchange/shared';
import { createdAt, localized, oneOf, primaryId } from './columns.js';
import { institutions } from './institutions.js';

export const agreements = pgTable(
  'agreements',
  {
    id: primaryId(),
    title: localized(),
    signedOn: date({ mode: 'string' }),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }).notNull(),
    status: text({ enum: agreementStatuses }).notNull().default('draft'),
    createdAt: createdAt(),
  },
  (table) => [
    check('agreements_status_valid', sql`${table.status} IN (${oneOf(agreementStatuses)})`),
    check('agreements_validity_order', sql`${table.validFrom} <= ${table.validTo}`),
  ],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    institutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
  },
  (table) => [primaryKey({ columns: [table.agreementId, table.institutionId] })],
);

/** An item of the agreement's plan of measures. */
export const planItems = pgTable(
  'plan_items',
  {
    id: primaryId(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: localized(),
    deadline: date({ mode: 'string' }),
    responsibleInstitutionId: uuid().references(() => institutions.id, { onDelete: 'set null' }),
    status: text({ enum: planItemStatuses }).notNull().default('planned'),
  },
  (table) => [
    index('plan_items_agreement_idx').on(table.agreementId, table.position),
    check('plan_items_status_valid', sql`${table.status} IN (${oneOf(planItemStatuses)})`),
  ],
);
