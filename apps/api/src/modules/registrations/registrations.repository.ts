import { and, asc, count, eq, gt, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import { centres, events, institutions, registrations, users, type Database, type Executor } from '@exchange/db';
import type { RegistrationStatus } from '@exchange/shared';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { escapeLike } from '../../lib/like.js';
import { waitlistCountSql } from '../../lib/waiting-count.js';

export type RegistrationRow = typeof registrations.$inferSelect;
type NewRegistration = typeof registrations.$inferInsert;

export const toRegistration = (row: RegistrationRow, position: number | null) => ({
  id: row.id,
  eventId: row.eventId,
  userId: row.userId,
  status: row.status,
  position: row.status === 'waitlisted' ? position : null,
  checkedInAt: toIsoOrNull(row.checkedInAt),
  createdAt: toIso(row.createdAt),
});

/** Place in the waiting list: the rank by `seq` among those still waiting, so never a gap. */
const positionSql = sql<
  number | null
>`case when "registrations"."status" = 'waitlisted' then (select count(*)::int from "registrations" as "waiting" where "waiting"."event_id" = "registrations"."event_id" and "waiting"."status" = 'waitlisted' and "waiting"."seq" <= "registrations"."seq") end`;

const statusOrder = sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`;

export type RegistrantFilter = { q?: string | undefined; status?: RegistrationStatus | undefined };

/**
 * Registrations and the confirmed count they keep on their event; every function takes the
 * handle or the transaction (holding the event's lock) it runs in.
 */
export function createRegistrationsRepository(db: Database) {
  async function registrationCounts(executor: Executor, eventId: string) {
    const rows = await executor
      .select({ status: registrations.status, n: count(), checkedIn: sql<number>`count(${registrations.checkedInAt})::int` })
      .from(registrations)
      .where(eq(registrations.eventId, eventId))
      .groupBy(registrations.status);
    const counts = { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
    for (const row of rows) {
      counts[row.status] = row.n;
      counts.checkedIn += row.checkedIn;
    }
    return counts;
  }

  return {
    registrationCounts,

    async countWaiting(executor: Executor, eventId: string) {
      const [row] = await executor
        .select({ n: count() })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'waitlisted')));
      return row?.n ?? 0;
    },

    async positionOf(executor: Executor, registration: RegistrationRow) {
      if (registration.status !== 'waitlisted') return null;
      const [row] = await executor
        .select({ n: count() })
        .from(registrations)
        .where(and(eq(registrations.eventId, registration.eventId), eq(registrations.status, 'waitlisted'), sql`${registrations.seq} <= ${registration.seq}`));
      return row?.n ?? null;
    },

    async activeRegistration(executor: Executor, eventId: string, userId: string) {
      const [row] = await executor
        .select()
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId), ne(registrations.status, 'cancelled')));
      return row;
    },

    /** Everyone still registered (confirmed or waiting), to be told of a change. */
    registeredUsers(executor: Executor, eventId: string) {
      return executor
        .select({ userId: registrations.userId })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), ne(registrations.status, 'cancelled')));
    },

    /** The first `limit` people of the waiting list, in `seq` order. */
    waitingHeads(executor: Executor, eventId: string, limit: number) {
      return executor
        .select({ id: registrations.id, userId: registrations.userId })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'waitlisted')))
        .orderBy(asc(registrations.seq))
        .limit(limit);
    },

    async setStatus(executor: Executor, ids: string[], status: RegistrationStatus) {
      await executor
        .update(registrations)
        .set({ status, updatedAt: sql`now()` })
        .where(inArray(registrations.id, ids));
    },

    async insert(executor: Executor, values: NewRegistration) {
      const [created] = await executor.insert(registrations).values(values).returning();
      return created!;
    },

    /** Moves the event's confirmed count; the database's CHECK keeps it within capacity. */
    async addConfirmed(executor: Executor, eventId: string, delta: number) {
      const [updated] = await executor
        .update(events)
        .set({ confirmedCount: sql`${events.confirmedCount} + ${delta}` })
        .where(eq(events.id, eventId))
        .returning();
      return updated!;
    },

    async listRegistrants(executor: Executor, eventId: string, filter: RegistrantFilter, limit: number, offset: number) {
      const where = and(
        eq(registrations.eventId, eventId),
        filter.status ? eq(registrations.status, filter.status) : undefined,
        filter.q ? or(ilike(users.fullName, `%${escapeLike(filter.q)}%`), ilike(users.email, `%${escapeLike(filter.q)}%`)) : undefined,
      );
      const [rows, [{ total } = { total: 0 }], counts] = await Promise.all([
        executor
          .select({
            registration: registrations,
            fullName: users.fullName,
            email: users.email,
            institutionId: users.institutionId,
            position: positionSql,
          })
          .from(registrations)
          .innerJoin(users, eq(users.id, registrations.userId))
          .where(where)
          .orderBy(statusOrder, asc(registrations.seq))
          .limit(limit)
          .offset(offset),
        executor.select({ total: count() }).from(registrations).innerJoin(users, eq(users.id, registrations.userId)).where(where),
        registrationCounts(executor, eventId),
      ]);
      return {
        items: rows.map((row) => ({
          ...toRegistration(row.registration, row.position),
          fullName: row.fullName,
          email: row.email,
          institutionId: row.institutionId,
        })),
        total,
        limit,
        offset,
        counts,
      };
    },

    /** Every registration of an event for the exports, in list order. */
    allRegistrants(executor: Executor, eventId: string) {
      return executor
        .select({
          registration: registrations,
          fullName: users.fullName,
          email: users.email,
          institutionId: users.institutionId,
          position: positionSql,
        })
        .from(registrations)
        .innerJoin(users, eq(users.id, registrations.userId))
        .where(eq(registrations.eventId, eventId))
        .orderBy(statusOrder, asc(registrations.seq));
    },

    institutionCodes(executor: Executor = db) {
      return executor.select({ id: institutions.id, code: institutions.code }).from(institutions);
    },

    /** A person's registrations that still stand, with their events, soonest first. */
    registrationsOfUser(executor: Executor, userId: string, from?: Date) {
      return executor
        .select({
          registration: registrations,
          event: events,
          institutionId: centres.institutionId,
          position: positionSql,
          waiting: waitlistCountSql,
        })
        .from(registrations)
        .innerJoin(events, eq(events.id, registrations.eventId))
        .innerJoin(centres, eq(centres.id, events.centreId))
        .where(
          and(eq(registrations.userId, userId), ne(registrations.status, 'cancelled'), ne(events.status, 'draft'), from ? gt(events.endsAt, from) : undefined),
        )
        .orderBy(asc(events.startsAt))
        .limit(500);
    },
  };
}

export type RegistrationsRepository = ReturnType<typeof createRegistrationsRepository>;
