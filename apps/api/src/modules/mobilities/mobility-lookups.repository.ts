import { eq } from 'drizzle-orm';
import { agreements, quotaLines, type Executor } from '@exchange/db';

/** The agreement's validity behind a quota line: every date of a stay falls inside it. */
export async function findLineValidity(db: Executor, quotaId: string) {
  const [row] = await db
    .select({ validFrom: agreements.validFrom, validTo: agreements.validTo })
    .from(quotaLines)
    .innerJoin(agreements, eq(agreements.id, quotaLines.agreementId))
    .where(eq(quotaLines.id, quotaId));
  return row;
}
