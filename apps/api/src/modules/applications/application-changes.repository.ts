/** The writes of an application's life (draft, status, review) and what they read on the way. */
import { eq, inArray, sql } from 'drizzle-orm';
import {
  applicationPreferences,
  applications,
  applicationStatusHistory,
  callQuotas,
  institutions,
  quotaLines,
  studentProfiles,
  users,
  type Executor,
} from '@exchange/db';

type ApplicationInsert = typeof applications.$inferInsert;
type HistoryInsert = typeof applicationStatusHistory.$inferInsert;
type ProfileInsert = typeof studentProfiles.$inferInsert;

export async function findProfile(tx: Executor, userId: string) {
  const [profile] = await tx.select().from(studentProfiles).where(eq(studentProfiles.userId, userId));
  return profile;
}

/** Creates or completes the student's profile: a field left out of `given` keeps its value. */
export async function saveProfile(tx: Executor, profile: ProfileInsert, given: Partial<ProfileInsert>) {
  await tx
    .insert(studentProfiles)
    .values(profile)
    .onConflictDoUpdate({ target: studentProfiles.userId, set: { ...given, updatedAt: sql`now()` } });
}

export async function insertApplication(tx: Executor, values: ApplicationInsert) {
  const [created] = await tx.insert(applications).values(values).returning();
  return created!;
}

export async function updateApplication(tx: Executor, id: string, fields: Partial<ApplicationInsert>) {
  const [updated] = await tx
    .update(applications)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(applications.id, id))
    .returning();
  return updated!;
}

/** Sets the status (and `extra` fields, which win over the status and time stamp). */
export async function updateStatus(tx: Executor, id: string, status: ApplicationInsert['status'], extra: Partial<ApplicationInsert> = {}) {
  const [updated] = await tx
    .update(applications)
    .set({ status, updatedAt: sql`now()`, ...extra })
    .where(eq(applications.id, id))
    .returning();
  return updated!;
}

export async function insertHistory(tx: Executor, entry: HistoryInsert) {
  await tx.insert(applicationStatusHistory).values(entry);
}

/** The quota lines the call offers, by id. */
export async function offeredQuotaIds(tx: Executor, callId: string) {
  const rows = await tx.select({ quotaId: callQuotas.quotaId }).from(callQuotas).where(eq(callQuotas.callId, callId));
  return rows.map((row) => row.quotaId);
}

export async function insertPreferences(tx: Executor, applicationId: string, preferences: { quotaId: string; rank: number }[]) {
  await tx.insert(applicationPreferences).values(preferences.map((preference) => ({ applicationId, ...preference })));
}

export async function deletePreferences(tx: Executor, applicationId: string) {
  await tx.delete(applicationPreferences).where(eq(applicationPreferences.applicationId, applicationId));
}

/** The language requirement of each line the application prefers, in rank order. */
export async function chosenLineRequirements(tx: Executor, applicationId: string) {
  return tx
    .select({ languageRequirement: quotaLines.languageRequirement })
    .from(applicationPreferences)
    .innerJoin(quotaLines, eq(quotaLines.id, applicationPreferences.quotaId))
    .where(eq(applicationPreferences.applicationId, applicationId))
    .orderBy(applicationPreferences.rank);
}

export async function accountStatus(tx: Executor, userId: string) {
  const [user] = await tx.select({ status: users.status }).from(users).where(eq(users.id, userId));
  return user?.status;
}

/** Every institution's code and time zone, for naming parties in an export. */
export async function institutionNames(db: Executor) {
  return db.select({ id: institutions.id, code: institutions.code, timeZone: institutions.timeZone }).from(institutions);
}

/** Where each of the lines leads. */
export async function lineDestinations(db: Executor, lineIds: string[]) {
  return db.select({ id: quotaLines.id, receivingInstitutionId: quotaLines.receivingInstitutionId }).from(quotaLines).where(inArray(quotaLines.id, lineIds));
}
