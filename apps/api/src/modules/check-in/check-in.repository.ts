import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { events, registrations, users, type Database, type Executor } from '@exchange/db';
import { waitlistCountSql } from '../../lib/waiting-count.js';

/** Attendance at the door and over a term; every function takes the handle or the transaction. */
export function createCheckInRepository(db: Database) {
  return {
    /** The registration of the event, locked until the check-in is recorded. */
    async lockRegistration(executor: Executor, eventId: string, registrationId: string) {
      const [row] = await executor
        .select()
        .from(registrations)
        .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
        .for('update');
      return row;
    },

    /** The registration of the event whose QR secret hashes to `tokenHash`, locked likewise. */
    async lockRegistrationByToken(executor: Executor, eventId: string, tokenHash: string) {
      const [row] = await executor
        .select()
        .from(registrations)
        .where(and(eq(registrations.checkInTokenHash, tokenHash), eq(registrations.eventId, eventId)))
        .for('update');
      return row;
    },

    async markCheckedIn(executor: Executor, registrationId: string) {
      const [updated] = await executor
        .update(registrations)
        .set({ checkedInAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(registrations.id, registrationId))
        .returning();
      return updated!;
    },

    async person(executor: Executor, userId: string) {
      const [person] = await executor
        .select({ fullName: users.fullName, email: users.email, institutionId: users.institutionId })
        .from(users)
        .where(eq(users.id, userId));
      return person!;
    },

    attendanceOf(centreId: string, from?: Date, to?: Date, executor: Executor = db) {
      return executor
        .select({
          event: events,
          confirmed: sql<number>`(select count(*)::int from "registrations" as "c" where "c"."event_id" = "events"."id" and "c"."status" = 'confirmed')`,
          waitlisted: waitlistCountSql,
          checkedIn: sql<number>`(select count(*)::int from "registrations" as "k" where "k"."event_id" = "events"."id" and "k"."checked_in_at" is not null)`,
        })
        .from(events)
        .where(
          and(
            eq(events.centreId, centreId),
            ne(events.status, 'draft'),
            from ? gte(events.startsAt, from) : undefined,
            to ? lt(events.startsAt, to) : undefined,
          ),
        )
        .orderBy(asc(events.startsAt))
        .limit(1000);
    },
  };
}

export type CheckInRepository = ReturnType<typeof createCheckInRepository>;
