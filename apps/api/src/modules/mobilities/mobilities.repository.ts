import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { applications, calls, institutions, mobilities, mobilityChecklistItems, quotaLines, users, type Executor } from '@exchange/db';
import type { MobilityStatus } from '@exchange/shared';

export type MobilityRow = typeof mobilities.$inferSelect;
export type MobilityInsert = typeof mobilities.$inferInsert;

/** A mobility with what every view of it shows: the student's names, the call, the host's calendar. */
const joined = (db: Executor) =>
  db
    .select({
      mobility: mobilities,
      callTitle: calls.title,
      fullName: users.fullName,
      fullNameLatin: applications.fullNameLatin,
      hostTimeZone: institutions.timeZone,
      hostCountry: institutions.country,
    })
    .from(mobilities)
    .innerJoin(applications, eq(applications.id, mobilities.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(users, eq(users.id, mobilities.studentId))
    .innerJoin(institutions, eq(institutions.id, mobilities.receivingInstitutionId));
export type JoinedMobility = Awaited<ReturnType<ReturnType<typeof joined>['where']>>[number];

export async function insertMobility(tx: Executor, values: MobilityInsert) {
  const [row] = await tx.insert(mobilities).values(values).returning();
  return row!;
}

export async function findMobility(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = joined(db).where(eq(mobilities.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: mobilities }) : await query;
  return row;
}

/** The mobility's own row, locked: for a change another module asks of it. */
export async function findById(tx: Executor, id: string) {
  const [row] = await tx.select().from(mobilities).where(eq(mobilities.id, id)).for('update');
  return row;
}

export async function findByNomination(tx: Executor, nominationId: string, options: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(mobilities).where(eq(mobilities.nominationId, nominationId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Writes a change and moves the version on, so a view taken before it is known to be stale. */
export async function updateMobility(tx: Executor, id: string, values: Partial<MobilityInsert>) {
  const [row] = await tx
    .update(mobilities)
    .set({ ...values, version: sql`${mobilities.version} + 1`, updatedAt: sql`now()` })
    .where(eq(mobilities.id, id))
    .returning();
  return row!;
}

/** Only a mobility nothing has happened to yet: an approval taken back within its window. */
export async function deleteUntouched(tx: Executor, id: string) {
  await tx.delete(mobilities).where(and(eq(mobilities.id, id), eq(mobilities.status, 'preparing'), sql`${mobilities.admittedAt} IS NULL`));
}

/** Locks the quota line, so two stays counted against its months at once queue; its month budget. */
export async function lockLineMonths(tx: Executor, quotaId: string) {
  const [line] = await tx.select({ totalMonths: quotaLines.totalMonths }).from(quotaLines).where(eq(quotaLines.id, quotaId)).for('update');
  return line;
}

/** The other live stays on a line, with the dates that count their months. */
export async function staysOnLine(tx: Executor, quotaId: string, exceptId: string) {
  return tx
    .select({
      status: mobilities.status,
      plannedStart: mobilities.plannedStart,
      plannedEnd: mobilities.plannedEnd,
      arrivedOn: mobilities.arrivedOn,
      departedOn: mobilities.departedOn,
    })
    .from(mobilities)
    .where(and(eq(mobilities.quotaId, quotaId), ne(mobilities.id, exceptId), ne(mobilities.status, 'cancelled')));
}

export type MobilityFilter = {
  studentId?: string;
  /** Staff: mobilities that touch one of these sides of the institution. */
  institution?: { id: string; direction?: 'incoming' | 'outgoing' };
  status?: MobilityStatus;
  academicYear?: string;
};

function where(filter: MobilityFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.studentId) conditions.push(eq(mobilities.studentId, filter.studentId));
  if (filter.institution) {
    const { id, direction } = filter.institution;
    if (direction === 'incoming') conditions.push(eq(mobilities.receivingInstitutionId, id));
    else if (direction === 'outgoing') conditions.push(eq(mobilities.sendingInstitutionId, id));
    else conditions.push(or(eq(mobilities.receivingInstitutionId, id), eq(mobilities.sendingInstitutionId, id)));
  }
  if (filter.status) conditions.push(eq(mobilities.status, filter.status));
  if (filter.academicYear) conditions.push(eq(mobilities.academicYear, filter.academicYear));
  return and(...conditions);
}

export async function listMobilities(db: Executor, filter: MobilityFilter, limit: number, offset: number) {
  const condition = where(filter);
  const [rows, [total]] = await Promise.all([
    joined(db).where(condition).orderBy(asc(mobilities.plannedStart), desc(mobilities.createdAt), asc(mobilities.id)).limit(limit).offset(offset),
    db.select({ value: count() }).from(mobilities).where(condition),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** The border data of the student as the application holds it. */
export async function findIdentity(db: Executor, applicationId: string) {
  const [row] = await db
    .select({
      fullName: users.fullName,
      fullNameLatin: applications.fullNameLatin,
      birthDate: applications.birthDate,
      citizenship: applications.citizenship,
      sex: applications.sex,
      passportNumber: applications.passportNumber,
      passportExpiresOn: applications.passportExpiresOn,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.studentId))
    .where(eq(applications.id, applicationId));
  return row;
}

/** Open steps per mobility: how many are overdue, and the next one due. */
export async function openSteps(db: Executor, mobilityIds: string[]) {
  if (mobilityIds.length === 0) return [];
  return db
    .select({
      mobilityId: mobilityChecklistItems.mobilityId,
      key: mobilityChecklistItems.key,
      title: mobilityChecklistItems.title,
      owner: mobilityChecklistItems.owner,
      dueOn: mobilityChecklistItems.dueOn,
      status: mobilityChecklistItems.status,
    })
    .from(mobilityChecklistItems)
    .where(and(inArray(mobilityChecklistItems.mobilityId, mobilityIds), eq(mobilityChecklistItems.status, 'open')))
    .orderBy(asc(mobilityChecklistItems.mobilityId), sql`${mobilityChecklistItems.dueOn} ASC NULLS LAST`, asc(mobilityChecklistItems.position));
}
