import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { applications, institutions, mobilities, mobilityChecklistItems, users, type Executor } from '@exchange/db';

/** The host's calendar date at `now`: due dates are local dates of the receiving institution. */
const hostToday = (now: Date) => sql`(${now.toISOString()}::timestamptz AT TIME ZONE ${institutions.timeZone})::date`;

const stepColumns = {
  id: mobilityChecklistItems.id,
  title: mobilityChecklistItems.title,
  owner: mobilityChecklistItems.owner,
  dueOn: mobilityChecklistItems.dueOn,
  mobilityId: mobilities.id,
  studentId: mobilities.studentId,
  sendingInstitutionId: mobilities.sendingInstitutionId,
  receivingInstitutionId: mobilities.receivingInstitutionId,
  student: users.fullName,
  studentLatin: applications.fullNameLatin,
};

/**
 * Claims the open steps of live mobilities matching `due`, not yet marked in `mark`, and marks
 * them in the same transaction. SKIP LOCKED lets several API instances run this at
 * once, each taking other rows; the mark is written with the notifications, so each step is
 * announced exactly once whichever instance gets it.
 */
async function claim(tx: Executor, mark: 'remindedAt' | 'overdueNotifiedAt', due: ReturnType<typeof sql>, now: Date, batch: number) {
  const rows = await tx
    .select(stepColumns)
    .from(mobilityChecklistItems)
    .innerJoin(mobilities, eq(mobilities.id, mobilityChecklistItems.mobilityId))
    .innerJoin(institutions, eq(institutions.id, mobilities.receivingInstitutionId))
    .innerJoin(applications, eq(applications.id, mobilities.applicationId))
    .innerJoin(users, eq(users.id, mobilities.studentId))
    .where(
      and(
        eq(mobilityChecklistItems.status, 'open'),
        isNull(mobilityChecklistItems[mark]),
        inArray(mobilities.status, ['preparing', 'abroad']),
        sql`${mobilityChecklistItems.dueOn} IS NOT NULL`,
        due,
      ),
    )
    .orderBy(mobilityChecklistItems.dueOn)
    .limit(batch)
    .for('update', { of: mobilityChecklistItems, skipLocked: true });
  if (rows.length > 0) {
    await tx
      .update(mobilityChecklistItems)
      .set({ [mark]: now })
      .where(
        inArray(
          mobilityChecklistItems.id,
          rows.map((row) => row.id),
        ),
      );
  }
  return rows;
}
export type ClaimedStep = Awaited<ReturnType<typeof claim>>[number];

/** Steps due within `daysAhead` days (host's calendar), today included, not yet reminded of. */
export const claimComingSteps = (tx: Executor, now: Date, daysAhead: number, batch: number) =>
  claim(tx, 'remindedAt', sql`${mobilityChecklistItems.dueOn} BETWEEN ${hostToday(now)} AND ${hostToday(now)} + ${daysAhead}::int`, now, batch);

/** Steps past their due date (host's calendar) whose offices were not yet told. */
export const claimOverdueSteps = (tx: Executor, now: Date, batch: number) =>
  claim(tx, 'overdueNotifiedAt', sql`${mobilityChecklistItems.dueOn} < ${hostToday(now)}`, now, batch);
