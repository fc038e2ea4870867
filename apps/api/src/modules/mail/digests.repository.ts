import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { institutions, mailDigestEntries, mailDigests, users, type Database, type Executor } from '@exchange/db';

/** The daily digests and the entries they gather; every function takes the handle or the transaction. */
export function createDigestsRepository(db: Database) {
  return {
    /**
     * People with entries not yet sent, with their institution's time zone; not those whose
     * digest of their local day (at `now`) is out already: they wait for tomorrow.
     */
    readersAwaiting(now: Date, executor: Executor = db) {
      return executor
        .selectDistinct({ userId: mailDigestEntries.userId, timeZone: institutions.timeZone })
        .from(mailDigestEntries)
        .innerJoin(users, eq(users.id, mailDigestEntries.userId))
        .leftJoin(institutions, eq(institutions.id, users.institutionId))
        .where(
          and(
            isNull(mailDigestEntries.digestId),
            sql`NOT EXISTS (SELECT 1 FROM ${mailDigests} WHERE ${mailDigests.userId} = ${mailDigestEntries.userId}
            AND ${mailDigests.day} = (${now.toISOString()}::timestamptz AT TIME ZONE coalesce(${institutions.timeZone}, 'UTC'))::date)`,
          ),
        );
    },

    /** Opens the person's digest of the day; undefined when it exists already (the unique key). */
    async openDigest(tx: Executor, userId: string, day: string) {
      const [digest] = await tx.insert(mailDigests).values({ userId, day }).onConflictDoNothing().returning({ id: mailDigests.id });
      return digest;
    },

    /** The person's entries not in a digest yet, oldest first, locked; those locked elsewhere are skipped. */
    lockPendingEntries(tx: Executor, userId: string) {
      return tx
        .select()
        .from(mailDigestEntries)
        .where(and(eq(mailDigestEntries.userId, userId), isNull(mailDigestEntries.digestId)))
        .orderBy(asc(mailDigestEntries.createdAt), asc(mailDigestEntries.id))
        .for('update', { skipLocked: true });
    },

    async reader(tx: Executor, userId: string) {
      const [reader] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
      return reader;
    },

    async dropDigest(tx: Executor, digestId: string) {
      await tx.delete(mailDigests).where(eq(mailDigests.id, digestId));
    },

    async assignEntries(tx: Executor, digestId: string, entryIds: string[]) {
      await tx.update(mailDigestEntries).set({ digestId }).where(inArray(mailDigestEntries.id, entryIds));
    },
  };
}

export type DigestsRepository = ReturnType<typeof createDigestsRepository>;
