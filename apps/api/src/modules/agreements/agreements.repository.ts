import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { agreementDocuments, agreementParties, agreements, institutions, planItems, users, type Executor, type Transaction } from '@exchange/db';
import { agreementCalendarZone, agreementExpiresInDays, localDateIn } from '@exchange/shared';
import { toPlanItem } from '../../lib/plan-items.js';
import { toIso } from '../../lib/route.js';
import { toInstitution } from '../../lib/shapes.js';

type AgreementRow = typeof agreements.$inferSelect;
type AgreementInsert = typeof agreements.$inferInsert;
type PlanItemInsert = typeof planItems.$inferInsert;
type DocumentInsert = typeof agreementDocuments.$inferInsert;

const { content: _content, ...documentMeta } = getTableColumns(agreementDocuments);

/** Agreements with their parties, plan of measures and signed PDF, in three queries whatever the count. */
async function withDetails(db: Executor, rows: AgreementRow[], now: Date) {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [parties, plan, documents] = await Promise.all([
    db
      .select({ agreementId: agreementParties.agreementId, institution: institutions })
      .from(agreementParties)
      .innerJoin(institutions, eq(institutions.id, agreementParties.institutionId))
      .where(inArray(agreementParties.agreementId, ids))
      .orderBy(asc(institutions.code)),
    db.select().from(planItems).where(inArray(planItems.agreementId, ids)).orderBy(asc(planItems.position), asc(planItems.id)),
    db.select(documentMeta).from(agreementDocuments).where(inArray(agreementDocuments.agreementId, ids)),
  ]);
  const zones = new Map(parties.map((party) => [party.institution.id, party.institution.timeZone]));
  const today = localDateIn(now, agreementCalendarZone);
  return rows.map((row) => {
    const document = documents.find((entry) => entry.agreementId === row.id);
    return {
      id: row.id,
      title: row.title,
      parties: parties.filter((party) => party.agreementId === row.id).map((party) => toInstitution(party.institution)),
      signedOn: row.signedOn,
      validFrom: row.validFrom,
      validTo: row.validTo,
      status: row.status,
      plan: plan.filter((item) => item.agreementId === row.id).map((item) => toPlanItem(item, now, (id) => zones.get(id))),
      document: document ? { fileName: document.fileName, size: document.size, sha256: document.sha256, uploadedAt: toIso(document.createdAt) } : null,
      expiresInDays: agreementExpiresInDays(row, today),
    };
  });
}

/** A page of agreements; with `endingWithinDays`, the active ones ending within that many days, the soonest first. */
export async function listAgreements(db: Executor, query: { limit: number; offset: number; endingWithinDays?: number | undefined }, now: Date) {
  const { limit, offset, endingWithinDays } = query;
  const today = localDateIn(now, agreementCalendarZone);
  const ending =
    endingWithinDays === undefined
      ? undefined
      : and(eq(agreements.status, 'active'), sql`(${agreements.validTo} - ${today}::date) BETWEEN 0 AND ${endingWithinDays}`);
  const order = ending ? [asc(agreements.validTo), agreements.id] : [desc(agreements.validFrom), agreements.id];
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(agreements)
      .where(ending)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(agreements).where(ending),
  ]);
  return { items: await withDetails(db, rows, now), total, limit, offset };
}

export async function findAgreement(db: Executor, id: string, now: Date) {
  const rows = await db.select().from(agreements).where(eq(agreements.id, id));
  return (await withDetails(db, rows, now))[0];
}

export async function agreementPartyIds(db: Executor, agreementId: string) {
  const rows = await db.select({ institutionId: agreementParties.institutionId }).from(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  return rows.map((row) => row.institutionId);
}

export async function agreementExists(db: Executor, id: string) {
  const rows = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, id));
  return rows.length > 0;
}

/** How many of `ids` name known institutions: the parties an agreement may have. */
export async function knownInstitutionIds(tx: Transaction, ids: string[]) {
  return tx.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, ids));
}

export async function insertAgreement(tx: Transaction, fields: AgreementInsert) {
  const [created] = await tx.insert(agreements).values(fields).returning();
  return created!;
}

export async function insertParties(tx: Transaction, agreementId: string, institutionIds: string[]) {
  await tx.insert(agreementParties).values(institutionIds.map((institutionId) => ({ agreementId, institutionId })));
}

/** The agreement's row, locked until the transaction ends. */
export async function lockAgreement(tx: Executor, id: string) {
  const [locked] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update');
  return locked;
}

export async function updateAgreement(tx: Transaction, id: string, fields: Partial<AgreementInsert>) {
  await tx
    .update(agreements)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(agreements.id, id));
}

/** The first plan of a new agreement, numbered in its order. */
export async function insertPlanItems(tx: Transaction, agreementId: string, plan: Omit<PlanItemInsert, 'agreementId' | 'position'>[]) {
  if (plan.length > 0) {
    await tx.insert(planItems).values(plan.map((item, position) => ({ ...item, agreementId, position })));
  }
}

/** Stores the signed PDF, replacing the one before; returns the replaced file's facts, if any. */
export async function replaceDocument(tx: Transaction, values: DocumentInsert) {
  const [before] = await tx.select(documentMeta).from(agreementDocuments).where(eq(agreementDocuments.agreementId, values.agreementId));
  const [row] = await tx
    .insert(agreementDocuments)
    .values(values)
    .onConflictDoUpdate({
      target: agreementDocuments.agreementId,
      set: {
        fileName: values.fileName,
        contentType: values.contentType,
        size: values.size,
        sha256: values.sha256,
        content: values.content,
        uploadedBy: values.uploadedBy,
        createdAt: sql`now()`,
      },
    })
    .returning(documentMeta);
  return { before, after: row! };
}

export async function findDocument(db: Executor, agreementId: string) {
  const [row] = await db.select().from(agreementDocuments).where(eq(agreementDocuments.agreementId, agreementId));
  return row;
}

/**
 * Claims the expiry warnings due at `today`: each active agreement ending within 90 days
 * (30 days) whose last warning was not that one yet gets it marked, in one UPDATE, so of two
 * API instances only one sees the row change. Starting late, only the nearer warning is sent.
 */
export async function claimExpiryWarnings(tx: Executor, today: string) {
  const daysLeft = sql`(${agreements.validTo} - ${today}::date)`;
  const due = sql`CASE WHEN ${daysLeft} <= 30 THEN 30 ELSE 90 END`;
  return tx
    .update(agreements)
    .set({ expiryNoticeDays: sql`${due}` })
    .where(
      and(
        eq(agreements.status, 'active'),
        sql`${daysLeft} BETWEEN 0 AND 90`,
        sql`(${agreements.expiryNoticeDays} IS NULL OR ${agreements.expiryNoticeDays} > ${due})`,
      ),
    )
    .returning({ id: agreements.id, title: agreements.title, validTo: agreements.validTo, days: agreements.expiryNoticeDays });
}

export async function activeAdminIds(db: Executor) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  return rows.map((row) => row.id);
}
