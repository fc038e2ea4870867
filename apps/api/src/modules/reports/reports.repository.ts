import { asc, eq, sql } from 'drizzle-orm';
import { institutions, nominations, quotaLines, type Executor } from '@exchange/db';

/** The reports' reads, over one database handle. */
export function reportsRepository(db: Executor) {
  return {
    /** Seats per direction (sending → receiving) in a year. */
    seatsByDirection: (academicYear: string) =>
      db
        .select({
          sending: quotaLines.sendingInstitutionId,
          receiving: quotaLines.receivingInstitutionId,
          seats: sql<number>`sum(${quotaLines.seats})::int`,
        })
        .from(quotaLines)
        .where(eq(quotaLines.academicYear, academicYear))
        .groupBy(quotaLines.sendingInstitutionId, quotaLines.receivingInstitutionId),

    // A line's direction never changes and is its nominations' direction: grouping by the
    // line reads the nominations through (quota_id, status) alone, not the whole table.
    nominationsByDirection: (academicYear: string) =>
      db
        .select({
          sending: quotaLines.sendingInstitutionId,
          receiving: quotaLines.receivingInstitutionId,
          nominated: sql<number>`count(*) filter (where ${nominations.status} in ('pending', 'approved'))::int`,
          approved: sql<number>`count(*) filter (where ${nominations.status} = 'approved')::int`,
        })
        .from(quotaLines)
        .innerJoin(nominations, eq(nominations.quotaId, quotaLines.id))
        .where(eq(quotaLines.academicYear, academicYear))
        .groupBy(quotaLines.sendingInstitutionId, quotaLines.receivingInstitutionId),

    /** The parties of the agreement, by code. */
    partyIds: async () => (await db.select({ id: institutions.id }).from(institutions).orderBy(asc(institutions.code))).map((row) => row.id),
  };
}
