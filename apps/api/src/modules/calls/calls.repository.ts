import { and, asc, count, desc, eq, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { applications, callQuotas, calls, institutions, quotaLines, type Executor, type Transaction } from '@exchange/db';
import { isCallOpen } from '@exchange/shared';
import { toIso } from '../../lib/route.js';
import { toQuota } from '../../lib/shapes.js';

export type CallRow = typeof calls.$inferSelect;

/** Calls as the contract shows them, with the lines each offers. */
export async function withQuotas(db: Executor, rows: CallRow[]) {
  if (rows.length === 0) return [];
  const links = await db
    .select({ callId: callQuotas.callId, quota: quotaLines })
    .from(callQuotas)
    .innerJoin(quotaLines, eq(quotaLines.id, callQuotas.quotaId))
    .where(
      inArray(
        callQuotas.callId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(quotaLines.receivingInstitutionId), asc(quotaLines.id));
  const now = new Date();
  return rows.map((row) => {
    const quotas = links.filter((link) => link.callId === row.id).map((link) => toQuota(link.quota));
    return {
      id: row.id,
      institutionId: row.institutionId,
      title: row.title,
      description: row.description,
      academicYear: row.academicYear,
      mobilityType: row.mobilityType,
      opensAt: toIso(row.opensAt),
      closesAt: toIso(row.closesAt),
      maxPreferences: row.maxPreferences,
      minGpa: row.minGpa,
      languageRequirement: row.languageRequirement ?? null,
      requiredDocuments: row.requiredDocuments,
      requiredIdentity: row.requiredIdentity,
      quotaIds: quotas.map((quota) => quota.id),
      status: row.status,
      isOpen: isCallOpen(row, now),
      quotas,
    };
  });
}

export async function findCall(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(calls).where(eq(calls.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export type CallFilter = {
  institutionId?: string | undefined;
  publishedOnly?: boolean;
  status?: CallRow['status'] | undefined;
  open?: boolean | undefined;
  academicYear?: string | undefined;
};

export async function listCalls(db: Executor, filter: CallFilter, limit: number, offset: number) {
  const now = sql`now()`;
  const conditions: (SQL | undefined)[] = [
    filter.institutionId ? eq(calls.institutionId, filter.institutionId) : undefined,
    filter.publishedOnly ? eq(calls.status, 'published') : undefined,
    filter.status ? eq(calls.status, filter.status) : undefined,
    filter.academicYear ? eq(calls.academicYear, filter.academicYear) : undefined,
    filter.open === true ? and(eq(calls.status, 'published'), lte(calls.opensAt, now), gt(calls.closesAt, now)) : undefined,
    filter.open === false ? sql`not (${calls.status} = 'published' and ${calls.opensAt} <= now() and ${calls.closesAt} > now())` : undefined,
  ];
  const where = and(...conditions);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(calls).where(where).orderBy(desc(calls.closesAt), calls.id).limit(limit).offset(offset),
    db.select({ total: count() }).from(calls).where(where),
  ]);
  return { items: await withQuotas(db, rows), total, limit, offset };
}

type CallInsert = typeof calls.$inferInsert;

export async function quotaLinesByIds(tx: Transaction, ids: string[]) {
  return tx.select().from(quotaLines).where(inArray(quotaLines.id, ids));
}

/** Swaps the lines the call offers for `quotaIds`. */
export async function replaceCallQuotas(tx: Transaction, callId: string, quotaIds: string[]) {
  await tx.delete(callQuotas).where(eq(callQuotas.callId, callId));
  if (quotaIds.length > 0) await tx.insert(callQuotas).values(quotaIds.map((quotaId) => ({ callId, quotaId })));
}

export async function institutionExists(tx: Transaction, id: string) {
  const [institution] = await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id));
  return institution !== undefined;
}

export async function insertCall(tx: Transaction, values: CallInsert) {
  const [created] = await tx.insert(calls).values(values).returning();
  return created!;
}

export async function updateCall(tx: Transaction, id: string, fields: Partial<CallInsert>) {
  const [updated] = await tx
    .update(calls)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(calls.id, id))
    .returning();
  return updated!;
}

/** Applications of the call past their draft and not withdrawn: students who applied on its terms. */
export async function countSubmittedApplications(tx: Transaction, callId: string) {
  const [submitted] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.callId, callId), ne(applications.status, 'draft'), ne(applications.status, 'withdrawn')));
  return submitted!.n;
}
