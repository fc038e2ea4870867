import { and, desc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import { applications, institutions, learningAgreementVersions, mobilities, users, type Executor } from '@exchange/db';

export type VersionRow = typeof learningAgreementVersions.$inferSelect;
type VersionInsert = typeof learningAgreementVersions.$inferInsert;

/**
 * What the learning agreement needs of its mobility: the parties, the status, the names the
 * PDF prints. Locked when the agreement is about to change, so the student and both offices
 * acting at once take turns.
 */
export async function findMobilityFacts(db: Executor, mobilityId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({
      id: mobilities.id,
      studentId: mobilities.studentId,
      applicationId: mobilities.applicationId,
      sendingInstitutionId: mobilities.sendingInstitutionId,
      receivingInstitutionId: mobilities.receivingInstitutionId,
      status: mobilities.status,
      academicYear: mobilities.academicYear,
      plannedStart: mobilities.plannedStart,
      plannedEnd: mobilities.plannedEnd,
    })
    .from(mobilities)
    .where(eq(mobilities.id, mobilityId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}
export type MobilityFacts = NonNullable<Awaited<ReturnType<typeof findMobilityFacts>>>;

/** Every row of the mobility's agreement: the proposals in order, then the draft. */
export async function listVersions(db: Executor, mobilityId: string) {
  return db
    .select()
    .from(learningAgreementVersions)
    .where(eq(learningAgreementVersions.mobilityId, mobilityId))
    .orderBy(sql`${learningAgreementVersions.number} ASC NULLS LAST`);
}

export async function nextNumber(tx: Executor, mobilityId: string) {
  const [row] = await tx
    .select({ last: max(learningAgreementVersions.number) })
    .from(learningAgreementVersions)
    .where(and(eq(learningAgreementVersions.mobilityId, mobilityId), isNotNull(learningAgreementVersions.number)));
  return (row?.last ?? 0) + 1;
}

export async function insertVersion(tx: Executor, values: VersionInsert) {
  const [row] = await tx.insert(learningAgreementVersions).values(values).returning();
  return row!;
}

export async function updateVersion(tx: Executor, id: string, values: Partial<VersionInsert>) {
  const [row] = await tx
    .update(learningAgreementVersions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(learningAgreementVersions.id, id))
    .returning();
  return row!;
}

/** A signer's name as it stands when they sign: the signature keeps it. */
export async function signerName(db: Executor, userId: string) {
  const [row] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId));
  return row?.fullName ?? '';
}

/** The two institutions' names and codes, for the printed agreement. */
export async function partiesOf(db: Executor, facts: MobilityFacts) {
  const rows = await db
    .select({ id: institutions.id, code: institutions.code, name: institutions.name })
    .from(institutions)
    .where(sql`${institutions.id} IN (${facts.sendingInstitutionId}, ${facts.receivingInstitutionId})`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { sending: byId.get(facts.sendingInstitutionId)!, receiving: byId.get(facts.receivingInstitutionId)! };
}

/** The student's names (the Latin one as in the passport, from the application) for the printed agreement. */
export async function studentOf(db: Executor, facts: MobilityFacts) {
  const [row] = await db
    .select({ fullName: users.fullName, email: users.email, fullNameLatin: applications.fullNameLatin })
    .from(users)
    .innerJoin(applications, eq(applications.id, facts.applicationId))
    .where(eq(users.id, facts.studentId));
  return row!;
}

/** The latest signed content of each mobility: what is in force for recognition and reports. */
export async function signedContents(db: Executor, mobilityIds: string[]) {
  if (mobilityIds.length === 0) return [];
  return db
    .selectDistinctOn([learningAgreementVersions.mobilityId], { mobilityId: learningAgreementVersions.mobilityId, content: learningAgreementVersions.content })
    .from(learningAgreementVersions)
    .where(and(inArray(learningAgreementVersions.mobilityId, mobilityIds), eq(learningAgreementVersions.status, 'signed')))
    .orderBy(learningAgreementVersions.mobilityId, desc(learningAgreementVersions.number));
}
