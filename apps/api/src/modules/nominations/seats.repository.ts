import { and, eq, lt, sql } from 'drizzle-orm';
import { quotaLines, type Executor } from '@exchange/db';

/**
 * Takes one seat on a quota line, or answers false when none is free. The conditional
 * update is atomic: concurrent takers queue on the row and each re-checks `used < seats`,
 * so a line is never over-allocated; the CHECK constraint stands behind it.
 */
export async function takeSeat(tx: Executor, quotaId: string): Promise<boolean> {
  const taken = await tx
    .update(quotaLines)
    .set({ used: sql`${quotaLines.used} + 1`, updatedAt: sql`now()` })
    .where(and(eq(quotaLines.id, quotaId), lt(quotaLines.used, quotaLines.seats)))
    .returning({ id: quotaLines.id });
  return taken.length === 1;
}

export async function freeSeat(tx: Executor, quotaId: string): Promise<void> {
  await tx
    .update(quotaLines)
    .set({ used: sql`${quotaLines.used} - 1`, updatedAt: sql`now()` })
    .where(eq(quotaLines.id, quotaId));
}
