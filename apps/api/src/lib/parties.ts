import { and, eq, inArray } from 'drizzle-orm';
import { institutions, users, type Executor } from '@exchange/db';
import type { LocalizedText } from '@exchange/shared';

/**
 * Who stands for an institution in a notification: its active coordinators, and its name in
 * the three languages. Shared by every module that tells an office of a change.
 */
export async function activeCoordinatorIds(db: Executor, institutionIds: string[]): Promise<string[]> {
  if (institutionIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.institutionId, institutionIds), eq(users.role, 'coordinator'), eq(users.status, 'active')));
  return rows.map((row) => row.id);
}

/** The institution's name, or empty texts for an id that no longer exists. */
export async function institutionName(db: Executor, id: string): Promise<LocalizedText> {
  const [row] = await db.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, id));
  return row?.name ?? { ru: '', zh: '', en: '' };
}
