import { and, asc, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import { applicationPreferences, applications, callQuotas, institutions, nominations, quotaLines, users, type Executor } from '@exchange/db';

const nowhere = '00000000-0000-0000-0000-000000000000';

/**
 * Statuses the allocation places: new applicants, the waiting list (a seat may have freed up)
 * and those a partner rejected (offered their next choice that has a seat, never that partner again).
 */
const allocatable = ['submitted', 'waitlisted', 'declined'] as const;

/** The allocation's reads, over one database handle or transaction. */
export function allocationRepository(db: Executor) {
  return {
    /** The lines a call offers; locked (in id order, so two confirmations never deadlock) they hold off nominations. */
    async offeredLines(callId: string, lock: boolean) {
      const offered = await db.select({ quotaId: callQuotas.quotaId }).from(callQuotas).where(eq(callQuotas.callId, callId)).orderBy(asc(callQuotas.quotaId));
      const lineIds = offered.map((row) => row.quotaId);
      const query = db
        .select()
        .from(quotaLines)
        .where(inArray(quotaLines.id, lineIds.length ? lineIds : [nowhere]))
        .orderBy(asc(quotaLines.id));
      return { lineIds, lines: lock ? await query.for('update') : await query };
    },

    /** Reviewed, eligible applications of the call that the allocation may place. */
    async eligible(callId: string, lock: boolean) {
      const query = db
        .select({
          id: applications.id,
          studentId: applications.studentId,
          status: applications.status,
          score: applications.reviewScore,
          gpa: applications.gpa,
          submittedAt: applications.submittedAt,
          fullName: users.fullName,
        })
        .from(applications)
        .innerJoin(users, eq(users.id, applications.studentId))
        .where(
          and(
            eq(applications.callId, callId),
            inArray(applications.status, [...allocatable]),
            eq(applications.reviewEligible, true),
            isNotNull(applications.reviewScore),
          ),
        )
        .orderBy(asc(applications.id));
      return lock ? await query.for('update', { of: applications }) : await query;
    },

    async preferences(applicationIds: string[]) {
      if (applicationIds.length === 0) return [];
      return db
        .select()
        .from(applicationPreferences)
        .where(inArray(applicationPreferences.applicationId, applicationIds))
        .orderBy(asc(applicationPreferences.rank));
    },

    /** The lines on which a partner rejected each applicant. */
    async rejections(applicationIds: string[]) {
      if (applicationIds.length === 0) return [];
      return db
        .select({ applicationId: nominations.applicationId, quotaId: nominations.quotaId })
        .from(nominations)
        .where(and(inArray(nominations.applicationId, applicationIds), eq(nominations.status, 'rejected')))
        .orderBy(asc(nominations.applicationId), asc(nominations.quotaId));
    },

    async unreviewed(callId: string) {
      const [{ unreviewed } = { unreviewed: 0 }] = await db
        .select({ unreviewed: sql<number>`count(*)::int` })
        .from(applications)
        .where(and(eq(applications.callId, callId), eq(applications.status, 'submitted'), sql`${applications.reviewedAt} is null`));
      return unreviewed;
    },

    async receivingOf(lineIds: string[]) {
      const rows = await db
        .select({ id: quotaLines.id, receiving: quotaLines.receivingInstitutionId })
        .from(quotaLines)
        .where(inArray(quotaLines.id, lineIds.concat(nowhere)));
      return new Map(rows.map((row) => [row.id, row.receiving]));
    },

    async institutionCodes() {
      return new Map((await db.select({ id: institutions.id, code: institutions.code }).from(institutions)).map((row) => [row.id, row.code]));
    },

    /** Waitlisted applications of a call with the lines they wanted, save those whose partner rejected them. */
    waitlisted(callId: string, quotaId: string | undefined) {
      return db
        .select({
          id: applications.id,
          studentId: applications.studentId,
          fullName: users.fullName,
          score: applications.reviewScore,
          gpa: applications.gpa,
          submittedAt: applications.submittedAt,
          quotaId: applicationPreferences.quotaId,
          rank: applicationPreferences.rank,
        })
        .from(applications)
        .innerJoin(users, eq(users.id, applications.studentId))
        .innerJoin(applicationPreferences, eq(applicationPreferences.applicationId, applications.id))
        .where(
          and(
            eq(applications.callId, callId),
            eq(applications.status, 'waitlisted'),
            quotaId ? eq(applicationPreferences.quotaId, quotaId) : undefined,
            // A partner that rejected the student is not offered them again.
            notExists(
              db
                .select({ id: nominations.id })
                .from(nominations)
                .where(
                  and(
                    eq(nominations.applicationId, applications.id),
                    eq(nominations.quotaId, applicationPreferences.quotaId),
                    eq(nominations.status, 'rejected'),
                  ),
                ),
            ),
          ),
        );
    },
  };
}
