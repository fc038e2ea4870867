import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { sessions, users, type Executor } from '@exchange/db';

/** A live session: not ended, not past its absolute end. */
const live = (userId: string) => and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`));

export async function listLiveSessions(db: Executor, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(live(userId))
    .orderBy(desc(sql`coalesce(${sessions.refreshedAt}, ${sessions.createdAt})`), sessions.id);
}

/** Ends one live session of this user; undefined when it is not theirs or already over. */
export async function endSession(tx: Executor, userId: string, sessionId: string) {
  const [ended] = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(live(userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return ended;
}

/** Ends every live session of this user but one; how many ended. */
export async function endOtherSessions(tx: Executor, userId: string, keep: string) {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(live(userId), ne(sessions.id, keep)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** A password set from an e-mailed link: the link proved the address too. */
export async function setPasswordFromLink(tx: Executor, userId: string, passwordHash: string) {
  const [row] = await tx
    .update(users)
    .set({ passwordHash, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  return row!;
}
