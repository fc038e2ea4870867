import { and, asc, eq, getTableColumns, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import { agreements, auditEntries, institutions, planItemEvidence, planItems, users, type Executor } from '@exchange/db';

export type PlanItemRow = typeof planItems.$inferSelect;
type PlanItemInsert = typeof planItems.$inferInsert;
type EvidenceInsert = typeof planItemEvidence.$inferInsert;

/** One item of one agreement's plan; an id of another agreement's item is not found. */
export async function findItem(db: Executor, agreementId: string, itemId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(planItems)
    .where(and(eq(planItems.id, itemId), eq(planItems.agreementId, agreementId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function listItems(db: Executor, agreementId: string) {
  return db.select().from(planItems).where(eq(planItems.agreementId, agreementId)).orderBy(asc(planItems.position), asc(planItems.id));
}

/** The time zones of the institutions, to read deadlines on each one's calendar. */
export async function timeZones(db: Executor) {
  const rows = await db.select({ id: institutions.id, timeZone: institutions.timeZone }).from(institutions);
  return new Map(rows.map((row) => [row.id, row.timeZone]));
}

export async function insertItem(tx: Executor, values: Omit<PlanItemInsert, 'position'>) {
  const [last] = await tx
    .select({ position: max(planItems.position) })
    .from(planItems)
    .where(eq(planItems.agreementId, values.agreementId));
  const [row] = await tx
    .insert(planItems)
    .values({ ...values, position: (last?.position ?? -1) + 1 })
    .returning();
  return row!;
}

export async function updateItem(tx: Executor, id: string, values: Partial<PlanItemInsert>) {
  const [row] = await tx
    .update(planItems)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(planItems.id, id))
    .returning();
  return row!;
}

export async function deleteItem(tx: Executor, id: string) {
  await tx.delete(planItems).where(eq(planItems.id, id));
}

/** Numbers the agreement's items in the order given. */
export async function reorderItems(tx: Executor, itemIds: string[]) {
  for (const [position, id] of itemIds.entries()) await tx.update(planItems).set({ position }).where(eq(planItems.id, id));
}

const { content: _content, ...evidenceMeta } = getTableColumns(planItemEvidence);

export async function listEvidence(db: Executor, itemId: string) {
  return db
    .select({ ...evidenceMeta, uploaderName: users.fullName })
    .from(planItemEvidence)
    .leftJoin(users, eq(users.id, planItemEvidence.uploadedBy))
    .where(eq(planItemEvidence.planItemId, itemId))
    .orderBy(asc(planItemEvidence.createdAt), asc(planItemEvidence.id));
}

export async function insertEvidence(tx: Executor, values: EvidenceInsert) {
  const [row] = await tx.insert(planItemEvidence).values(values).returning(evidenceMeta);
  return row!;
}

/** A file of this item only, with its bytes when asked. */
export async function findEvidence(db: Executor, itemId: string, evidenceId: string, options: { withContent?: boolean } = {}) {
  const [row] = await db
    .select(options.withContent ? getTableColumns(planItemEvidence) : evidenceMeta)
    .from(planItemEvidence)
    .where(and(eq(planItemEvidence.id, evidenceId), eq(planItemEvidence.planItemId, itemId)));
  return row as typeof planItemEvidence.$inferSelect | undefined;
}

export async function deleteEvidence(tx: Executor, evidenceId: string) {
  await tx.delete(planItemEvidence).where(eq(planItemEvidence.id, evidenceId));
}

/** The item's audit entries, the oldest first, with the name of who made each change. */
export async function itemAuditEntries(db: Executor, itemId: string) {
  return db
    .select({
      at: auditEntries.at,
      actorId: auditEntries.actorId,
      actorEmail: auditEntries.actorEmail,
      actorName: users.fullName,
      action: auditEntries.action,
      before: auditEntries.before,
      after: auditEntries.after,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(eq(auditEntries.entityType, 'plan_item'), eq(auditEntries.entityId, itemId)))
    .orderBy(asc(auditEntries.seq));
}

/**
 * Claims the open items of live agreements whose deadline falls within `daysAhead` days of
 * today (the responsible institution's calendar, today included) and whose owners were not
 * reminded yet, and marks them in the same transaction. SKIP LOCKED lets several API
 * instances run this at once, each taking other rows: each item is announced once.
 */
export async function claimDueItems(tx: Executor, now: Date, daysAhead: number, batch: number) {
  const today = sql`(${now.toISOString()}::timestamptz AT TIME ZONE ${institutions.timeZone})::date`;
  const rows = await tx
    .select({
      id: planItems.id,
      agreementId: planItems.agreementId,
      title: planItems.title,
      deadline: planItems.deadline,
      responsibleInstitutionId: planItems.responsibleInstitutionId,
      agreementTitle: agreements.title,
    })
    .from(planItems)
    .innerJoin(institutions, eq(institutions.id, planItems.responsibleInstitutionId))
    .innerJoin(agreements, eq(agreements.id, planItems.agreementId))
    .where(
      and(
        isNull(planItems.reminderSentAt),
        isNotNull(planItems.deadline),
        inArray(planItems.status, ['planned', 'in_progress']),
        inArray(agreements.status, ['draft', 'active']),
        sql`${planItems.deadline} BETWEEN ${today} AND ${today} + ${daysAhead}::int`,
      ),
    )
    .orderBy(asc(planItems.deadline))
    .limit(batch)
    .for('update', { of: planItems, skipLocked: true });
  if (rows.length > 0) {
    await tx
      .update(planItems)
      .set({ reminderSentAt: now })
      .where(
        inArray(
          planItems.id,
          rows.map((row) => row.id),
        ),
      );
  }
  return rows;
}
export type ClaimedPlanItem = Awaited<ReturnType<typeof claimDueItems>>[number];
