import { and, eq } from 'drizzle-orm';
import { agreements, institutions, quotaLines, users, type Executor } from '@exchange/db';

/** The agreement's validity behind a quota line: every date of a stay falls inside it. */
export async function findLineValidity(db: Executor, quotaId: string) {
  const [row] = await db
    .select({ validFrom: agreements.validFrom, validTo: agreements.validTo })
    .from(quotaLines)
    .innerJoin(agreements, eq(agreements.id, quotaLines.agreementId))
    .where(eq(quotaLines.id, quotaId));
  return row;
}

export async function institutionName(db: Executor, id: string) {
  const [row] = await db.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, id));
  return row?.name ?? { ru: '', zh: '', en: '' };
}

export async function activeCoordinatorIds(db: Executor, institutionId: string) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.institutionId, institutionId), eq(users.role, 'coordinator'), eq(users.status, 'active')));
  return rows.map((row) => row.id);
}
