import { and, eq, inArray, or } from 'drizzle-orm';
import { mobilities, quotaLines, type Executor } from '@exchange/db';

/** The year's quota lines, those touching the institution unless it is null (an administrator: all). */
export const linesOfYear = (db: Executor, academicYear: string, institutionId: string | null) =>
  db
    .select()
    .from(quotaLines)
    .where(
      and(
        eq(quotaLines.academicYear, academicYear),
        institutionId === null ? undefined : or(eq(quotaLines.sendingInstitutionId, institutionId), eq(quotaLines.receivingInstitutionId, institutionId)),
      ),
    )
    .orderBy(quotaLines.sendingInstitutionId, quotaLines.receivingInstitutionId);

export const staysOnLines = async (db: Executor, quotaIds: string[]) =>
  quotaIds.length === 0 ? [] : db.select().from(mobilities).where(inArray(mobilities.quotaId, quotaIds));
