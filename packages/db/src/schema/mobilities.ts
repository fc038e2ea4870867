import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { mobilityStatuses, mobilityTypes, type FundingSource } from '@exchange/shared';
import { createdAt, instant, oneOf, primaryId } from './columns.js';
import { applications } from './applications.js';
import { institutions } from './institutions.js';
import { nominations } from './nominations.js';
import { quotaLines } from './quotas.js';
import { users } from './users.js';

export type Funding = { source: FundingSource; monthlyAmount: number; currency: string };

/**
 * A student's stay abroad: one per approved nomination, created in the same transaction as the
 * approval. Dates are local dates; arrival and departure are in the host's zone. `version`
 * grows with every change, so an office acting on a stale view is told.
 */
export const mobilities = pgTable(
  'mobilities',
  {
    id: primaryId(),
    nominationId: uuid()
      .notNull()
      .references(() => nominations.id, { onDelete: 'restrict' }),
    applicationId: uuid()
      .notNull()
      .references(() => applications.id, { onDelete: 'restrict' }),
    studentId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    quotaId: uuid()
      .notNull()
      .references(() => quotaLines.id, { onDelete: 'restrict' }),
    sendingInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    receivingInstitutionId: uuid()
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    academicYear: text().notNull(),
    mobilityType: text({ enum: mobilityTypes }).notNull(),
    status: text({ enum: mobilityStatuses }).notNull().default('preparing'),
    plannedStart: date({ mode: 'string' }),
    plannedEnd: date({ mode: 'string' }),
    programme: text(),
    admittedAt: instant(),
    arrivedOn: date({ mode: 'string' }),
    departedOn: date({ mode: 'string' }),
    interrupted: boolean().notNull().default(false),
    interruptionReason: text(),
    cancellationReason: text(),
    funding: jsonb().$type<Funding>(),
    version: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (table) => [
    uniqueIndex('mobilities_one_per_nomination').on(table.nominationId),
    index('mobilities_receiving_idx').on(table.receivingInstitutionId, table.academicYear, table.status),
    index('mobilities_sending_idx').on(table.sendingInstitutionId, table.academicYear, table.status),
    index('mobilities_student_idx').on(table.studentId),
    index('mobilities_quota_idx').on(table.quotaId),
    check('mobilities_status_valid', sql`${table.status} IN (${oneOf(mobilityStatuses)})`),
    check('mobilities_planned_order', sql`${table.plannedEnd} IS NULL OR ${table.plannedEnd} > ${table.plannedStart}`),
    check(
      'mobilities_departure_after_arrival',
      sql`${table.departedOn} IS NULL OR (${table.arrivedOn} IS NOT NULL AND ${table.departedOn} >= ${table.arrivedOn})`,
    ),
    check('mobilities_abroad_has_arrived', sql`${table.status} NOT IN ('abroad', 'returned', 'recognised') OR ${table.arrivedOn} IS NOT NULL`),
    check('mobilities_returned_has_departed', sql`${table.status} NOT IN ('returned', 'recognised') OR ${table.departedOn} IS NOT NULL`),
    check('mobilities_interruption_has_reason', sql`NOT ${table.interrupted} OR length(trim(${table.interruptionReason})) > 0`),
  ],
);
