import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { agreementParties, agreements, institutions, planItems, type Executor, type Transaction } from '@exchange/db';
import { toInstitution } from '../../lib/shapes.js';

type AgreementRow = typeof agreements.$inferSelect;
type AgreementInsert = typeof agreements.$inferInsert;
type PlanItemInsert = typeof planItems.$inferInsert;

/** Agreements with their parties and plan of measures, in two queries whatever the count. */
async function withDetails(db: Executor, rows: AgreementRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [parties, plan] = await Promise.all([
    db
      .select({ agreementId: agreementParties.agreementId, institution: institutions })
      .from(agreementParties)
      .innerJoin(institutions, eq(institutions.id, agreementParties.institutionId))
      .where(inArray(agreementParties.agreementId, ids))
      .orderBy(asc(institutions.code)),
    db.select().from(planItems).where(inArray(planItems.agreementId, ids)).orderBy(asc(planItems.position)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    parties: parties.filter((party) => party.agreementId === row.id).map((party) => toInstitution(party.institution)),
    signedOn: row.signedOn,
    validFrom: row.validFrom,
    validTo: row.validTo,
    status: row.status,
    plan: plan
      .filter((item) => item.agreementId === row.id)
      .map((item) => ({
        id: item.id,
        title: item.title,
        deadline: item.deadline,
        responsibleInstitutionId: item.responsibleInstitutionId,
        status: item.status,
      })),
  }));
}

export async function listAgreements(db: Executor, limit: number, offset: number) {
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(agreements).orderBy(desc(agreements.validFrom), agreements.id).limit(limit).offset(offset),
    db.select({ total: count() }).from(agreements),
  ]);
  return { items: await withDetails(db, rows), total, limit, offset };
}

export async function findAgreement(db: Executor, id: string) {
  const rows = await db.select().from(agreements).where(eq(agreements.id, id));
  return (await withDetails(db, rows))[0];
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
export async function lockAgreement(tx: Transaction, id: string) {
  const [locked] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update');
  return locked;
}

export async function updateAgreement(tx: Transaction, id: string, fields: Partial<AgreementInsert>) {
  await tx.update(agreements).set(fields).where(eq(agreements.id, id));
}

/** Swaps the plan of measures for `plan`, numbered in its order. */
export async function replacePlanItems(tx: Transaction, agreementId: string, plan: Omit<PlanItemInsert, 'agreementId' | 'position'>[]) {
  await tx.delete(planItems).where(eq(planItems.agreementId, agreementId));
  if (plan.length > 0) {
    await tx.insert(planItems).values(plan.map((item, position) => ({ ...item, agreementId, position })));
  }
}
