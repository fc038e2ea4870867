import { and, desc, eq, ne } from 'drizzle-orm';
import { calendarFeeds, events, users, type Database, type Executor } from '@exchange/db';

/** The calendar feeds' data; every function takes the handle or the transaction. */
export function createCalendarRepository(db: Database) {
  return {
    /** Events of a centre for its public feed: published and cancelled, newest last. */
    centreFeedEvents(centreId: string, executor: Executor = db) {
      return executor
        .select()
        .from(events)
        .where(and(eq(events.centreId, centreId), ne(events.status, 'draft')))
        .orderBy(desc(events.startsAt))
        .limit(1000);
    },

    async lockFeedOf(executor: Executor, userId: string) {
      const [row] = await executor.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).for('update');
      return row;
    },

    async saveFeed(executor: Executor, userId: string, tokenHash: string, createdAt: Date) {
      const [row] = await executor
        .insert(calendarFeeds)
        .values({ userId, tokenHash, createdAt })
        .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt } })
        .returning();
      return row!;
    },

    /** The owner of a feed, while that owner may sign in. */
    async activeFeedOwner(tokenHash: string, executor: Executor = db) {
      const [feed] = await executor
        .select({ userId: calendarFeeds.userId })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.userId))
        .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.status, 'active')));
      return feed;
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
