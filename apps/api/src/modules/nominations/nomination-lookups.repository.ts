import { and, eq } from 'drizzle-orm';
import { applicationDocuments, callQuotas, institutions, quotaLines, users, type Executor } from '@exchange/db';

/** The rows around a nomination that its service reads: the line offered, the parties, a document. */

/** The call's offer of a quota line, then the line itself (either may be missing). */
export async function findOfferedLine(tx: Executor, callId: string, quotaId: string) {
  const [offered] = await tx
    .select()
    .from(callQuotas)
    .where(and(eq(callQuotas.callId, callId), eq(callQuotas.quotaId, quotaId)));
  const [line] = await tx.select().from(quotaLines).where(eq(quotaLines.id, quotaId));
  return { offered, line };
}

/** Every institution with its name and time zone: what an export prints its parties with. */
export function listInstitutionsWithZones(db: Executor) {
  return db.select({ id: institutions.id, name: institutions.name, timeZone: institutions.timeZone }).from(institutions);
}

export async function findStudentName(tx: Executor, studentId: string) {
  const [student] = await tx.select({ fullName: users.fullName }).from(users).where(eq(users.id, studentId));
  return student;
}

export async function findApplicationDocument(db: Executor, applicationId: string, documentId: string) {
  const [document] = await db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)));
  return document;
}
