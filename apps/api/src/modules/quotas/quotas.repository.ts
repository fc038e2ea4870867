import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { mobilities, quotaLines, type Executor, type Transaction } from '@exchange/db';
import { toQuota } from '../../lib/shapes.js';

type QuotaInsert = typeof quotaLines.$inferInsert;

const quotaOrder = [asc(quotaLines.academicYear), asc(quotaLines.sendingInstitutionId), asc(quotaLines.receivingInstitutionId), asc(quotaLines.mobilityType)];

export async function listQuotas(db: Executor, agreementId: string, academicYear?: string) {
  const rows = await db
    .select()
    .from(quotaLines)
    .where(and(eq(quotaLines.agreementId, agreementId), academicYear ? eq(quotaLines.academicYear, academicYear) : undefined))
    .orderBy(...quotaOrder);
  return rows.map(toQuota);
}

/** The non-cancelled stays on the lines, with the dates `countedMonths` needs. */
export async function staysOnLines(db: Executor, quotaIds: string[]) {
  if (quotaIds.length === 0) return [];
  return db
    .select({
      quotaId: mobilities.quotaId,
      status: mobilities.status,
      plannedStart: mobilities.plannedStart,
      plannedEnd: mobilities.plannedEnd,
      arrivedOn: mobilities.arrivedOn,
      departedOn: mobilities.departedOn,
    })
    .from(mobilities)
    .where(and(inArray(mobilities.quotaId, quotaIds), ne(mobilities.status, 'cancelled')));
}

export async function findQuota(db: Executor, id: string) {
  const [row] = await db.select().from(quotaLines).where(eq(quotaLines.id, id));
  return row;
}

export async function insertQuota(tx: Transaction, values: QuotaInsert) {
  const [created] = await tx.insert(quotaLines).values(values).returning();
  return created!;
}

/** The line, locked: a concurrent nomination waits, so `used` cannot change under the caller. */
export async function lockQuota(tx: Transaction, id: string) {
  const [row] = await tx.select().from(quotaLines).where(eq(quotaLines.id, id)).for('update');
  return row;
}

export async function updateQuota(tx: Transaction, id: string, fields: Partial<QuotaInsert>) {
  const [after] = await tx
    .update(quotaLines)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(quotaLines.id, id))
    .returning();
  return after!;
}
