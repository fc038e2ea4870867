import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { sessions, type Executor } from '@exchange/db';

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
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined),
    );
}
