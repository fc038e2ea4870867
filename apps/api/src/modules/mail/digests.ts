import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { institutions, mailDigestEntries, mailDigests, mailOutbox, users, type Database } from '@exchange/db';
import { incomingNomineesPath, instantToZonedLocal, renderNomineeDigest, type Locale } from '@exchange/shared';

/** The local hour from which the day's digest goes out: the start of an office's working day. */
export const digestHour = 8;

export type DigestOptions = {
  db: Database;
  clock: () => Date;
  /** A web path as an absolute address on the web's public URL. */
  link: (path: string) => string;
};

/**
 * Composes the daily digests that are due. Nothing lives in memory: any API instance may run
 * it at any time. The unique (user, day) key lets only one instance write a person's digest of
 * a day (a second insert waits for the first and then finds the row), and the entries it takes
 * are locked and marked in that same transaction, together with the outbox mail.
 */
export function createDigestComposer({ db, clock, link }: DigestOptions) {
  async function composeFor(userId: string, day: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [digest] = await tx.insert(mailDigests).values({ userId, day }).onConflictDoNothing().returning({ id: mailDigests.id });
      if (!digest) return false;
      const entries = await tx
        .select()
        .from(mailDigestEntries)
        .where(and(eq(mailDigestEntries.userId, userId), isNull(mailDigestEntries.digestId)))
        .orderBy(asc(mailDigestEntries.createdAt), asc(mailDigestEntries.id))
        .for('update', { skipLocked: true });
      const [reader] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
      if (entries.length === 0 || !reader) {
        // Nothing left to send (taken meanwhile): keep the day open for entries still to come.
        await tx.delete(mailDigests).where(eq(mailDigests.id, digest.id));
        return false;
      }
      await tx
        .update(mailDigestEntries)
        .set({ digestId: digest.id })
        .where(
          inArray(
            mailDigestEntries.id,
            entries.map((entry) => entry.id),
          ),
        );
      const locale = reader.locale as Locale;
      const { subject, body } = renderNomineeDigest(entries, locale, link);
      await tx.insert(mailOutbox).values({ toAddress: reader.email, subject, body, locale, linkPath: incomingNomineesPath });
      return true;
    });
  }

  /** Writes every digest due now into the outbox; returns how many. */
  async function composeDue(): Promise<number> {
    const now = clock();
    const waiting = await db
      .selectDistinct({ userId: mailDigestEntries.userId, timeZone: institutions.timeZone })
      .from(mailDigestEntries)
      .innerJoin(users, eq(users.id, mailDigestEntries.userId))
      .leftJoin(institutions, eq(institutions.id, users.institutionId))
      .where(
        and(
          isNull(mailDigestEntries.digestId),
          // Not those whose digest of their local day is out already: they wait for tomorrow.
          sql`NOT EXISTS (SELECT 1 FROM ${mailDigests} WHERE ${mailDigests.userId} = ${mailDigestEntries.userId}
            AND ${mailDigests.day} = (${now.toISOString()}::timestamptz AT TIME ZONE coalesce(${institutions.timeZone}, 'UTC'))::date)`,
        ),
      );
    let composed = 0;
    for (const { userId, timeZone } of waiting) {
      const local = instantToZonedLocal(now, timeZone ?? 'UTC');
      if (Number(local.slice(11, 13)) < digestHour) continue;
      if (await composeFor(userId, local.slice(0, 10))) composed++;
    }
    return composed;
  }

  return { composeDue };
}
