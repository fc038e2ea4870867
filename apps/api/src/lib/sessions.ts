import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { calendarFeeds, sessions, type Executor } from '@exchange/db';

/** A signed-in session lasts at most a working day; its tokens are renewed within it. */
export const sessionMaxHours = 12;

export async function createSession(tx: Executor, userId: string, userAgent: string | undefined) {
  const [row] = await tx
    .insert(sessions)
    .values({
      userId,
      expiresAt: sql`now() + ${`${sessionMaxHours} hours`}::interval`,
      userAgent: userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return row!;
}

/** Ends every open session of a user (password change, disabling), but perhaps one. */
export async function revokeSessions(tx: Executor, userId: string, except?: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined));
}

/**
 * What an account change (a new password, disabling, another role or institution) ends at
 * once: every session but perhaps one, and the personal calendar feed's address, which works
 * without a session. Asking for the feed again gives a new address.
 */
export async function revokeAccountAccess(tx: Executor, userId: string, exceptSession?: string) {
  await revokeSessions(tx, userId, exceptSession);
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}
