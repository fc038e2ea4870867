import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { notifications, type Executor } from '@exchange/db';

/** A user's notifications, over one database handle. */
export function notificationsRepository(db: Executor) {
  return {
    async page(userId: string, unreadOnly: boolean, limit: number, offset: number) {
      const mine = eq(notifications.userId, userId);
      const where = unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
      const [rows, [{ total } = { total: 0 }], [{ unreadCount } = { unreadCount: 0 }]] = await Promise.all([
        db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit).offset(offset),
        db.select({ total: count() }).from(notifications).where(where),
        db
          .select({ unreadCount: count() })
          .from(notifications)
          .where(and(mine, isNull(notifications.readAt))),
      ]);
      return { rows, total, unread: unreadCount };
    },

    /** Marks one of the user's notifications read (the first reading time stays); false if it is not theirs. */
    async markRead(userId: string, id: string) {
      const updated = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return updated.length > 0;
    },
  };
}
