import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { applications, institutions, mobilities, mobilityLetters, users, type Executor } from '@exchange/db';

export async function insertLetter(tx: Executor, values: typeof mobilityLetters.$inferInsert) {
  const [row] = await tx.insert(mobilityLetters).values(values).returning();
  return row!;
}

/** A new letter of a kind replaces the current one: the old code then verifies as revoked. */
export async function revokeCurrent(tx: Executor, mobilityId: string, kind: 'admission', revokedBy: string) {
  await tx
    .update(mobilityLetters)
    .set({ revokedAt: sql`now()`, revokedBy })
    .where(and(eq(mobilityLetters.mobilityId, mobilityId), eq(mobilityLetters.kind, kind), isNull(mobilityLetters.revokedAt)));
}

export async function listLetters(db: Executor, mobilityId: string) {
  return db.select().from(mobilityLetters).where(eq(mobilityLetters.mobilityId, mobilityId)).orderBy(asc(mobilityLetters.issuedAt), asc(mobilityLetters.id));
}

export async function findLetterByCode(db: Executor, code: string) {
  const [row] = await db.select().from(mobilityLetters).where(eq(mobilityLetters.code, code));
  return row;
}

/** A letter of a mobility, with the parties the tenant rule asks about. */
export async function findLetterOfMobility(db: Executor, mobilityId: string, letterId: string) {
  const [row] = await db
    .select({
      letter: mobilityLetters,
      studentId: mobilities.studentId,
      sendingInstitutionId: mobilities.sendingInstitutionId,
      receivingInstitutionId: mobilities.receivingInstitutionId,
    })
    .from(mobilityLetters)
    .innerJoin(mobilities, eq(mobilities.id, mobilityLetters.mobilityId))
    .where(and(eq(mobilityLetters.id, letterId), eq(mobilityLetters.mobilityId, mobilityId)));
  return row;
}

/** What a letter names, read when it is issued. */
export async function letterFacts(db: Executor, applicationId: string, sendingId: string, receivingId: string, signerId: string) {
  const [student] = await db
    .select({
      fullName: users.fullName,
      fullNameLatin: applications.fullNameLatin,
      birthDate: applications.birthDate,
      citizenship: applications.citizenship,
      passportNumber: applications.passportNumber,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.studentId))
    .where(eq(applications.id, applicationId));
  const parties = await db.select({ id: institutions.id, name: institutions.name, city: institutions.city, country: institutions.country }).from(institutions);
  const [signer] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, signerId));
  return {
    student: student!,
    sending: parties.find((party) => party.id === sendingId)!,
    receiving: parties.find((party) => party.id === receivingId)!,
    signedBy: signer?.fullName ?? '',
  };
}
