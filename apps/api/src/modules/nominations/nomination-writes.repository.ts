import { eq, sql } from 'drizzle-orm';
import { nominations, type Executor } from '@exchange/db';
import type { Locale } from '@exchange/shared';

/** A nomination's own writes: its creation and each change of its state. */

type NewNomination = Pick<typeof nominations.$inferInsert, 'applicationId' | 'quotaId' | 'sendingInstitutionId' | 'receivingInstitutionId' | 'createdBy'>;

/** Records a nomination; a second one of the same application fails on the unique index (23505). */
export async function insertNomination(tx: Executor, values: NewNomination) {
  const [created] = await tx.insert(nominations).values(values).returning();
  return created!;
}

/** The partner's decision, stamped with the service's clock (the undo window is measured against it). */
export async function recordDecision(
  tx: Executor,
  id: string,
  decision: { status: 'approved' | 'rejected'; comment: string | null; commentLocale: Locale | null; decidedBy: string; decidedAt: Date },
) {
  const [after] = await tx
    .update(nominations)
    .set({ ...decision, updatedAt: sql`now()` })
    .where(eq(nominations.id, id))
    .returning();
  return after!;
}

/** Takes an approval back: pending again, undecided. */
export async function reopenDecision(tx: Executor, id: string) {
  const [after] = await tx
    .update(nominations)
    .set({ status: 'pending', decidedBy: null, decidedAt: null, updatedAt: sql`now()` })
    .where(eq(nominations.id, id))
    .returning();
  return after!;
}

export async function markCancelled(tx: Executor, id: string) {
  const [after] = await tx
    .update(nominations)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(eq(nominations.id, id))
    .returning();
  return after!;
}

/** A new note is a new proposal: a fresh proposal id makes decisions on the old one stale. */
export async function replaceNote(tx: Executor, id: string, note: string | null) {
  const [after] = await tx
    .update(nominations)
    .set({ note, proposalId: sql`gen_random_uuid()`, updatedAt: sql`now()` })
    .where(eq(nominations.id, id))
    .returning();
  return after!;
}
