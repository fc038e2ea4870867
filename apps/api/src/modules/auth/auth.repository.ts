import { eq, sql } from 'drizzle-orm';
import { institutions, sessions, users, type Executor } from '@exchange/db';

/** Sign-in's and registration's own writes, and the one read registration checks against. */

export async function institutionExists(db: Executor, id: string) {
  const [institution] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id));
  return Boolean(institution);
}

type Registration = Pick<typeof users.$inferInsert, 'email' | 'fullName' | 'role' | 'institutionId' | 'status' | 'locale' | 'passwordHash' | 'consentVersion'>;

/** A new account, or undefined when the address already has one (a registration racing this one included). */
export async function insertRegistration(tx: Executor, values: Registration) {
  const [created] = await tx
    .insert(users)
    .values({ ...values, consentedAt: sql`now()` })
    // A registration of the same address at the same moment is a known address too.
    .onConflictDoNothing()
    .returning();
  return created;
}

export async function revokeSession(tx: Executor, sessionId: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

export async function markRefreshed(db: Executor, sessionId: string) {
  await db
    .update(sessions)
    .set({ refreshedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

export async function setPasswordHash(tx: Executor, userId: string, passwordHash: string) {
  await tx
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
