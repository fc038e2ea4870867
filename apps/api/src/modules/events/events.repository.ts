import { and, asc, count, eq, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { centres, events, institutions, type Database, type Executor } from '@exchange/db';
import type { Actor } from '@exchange/shared';
import { buildOnce, presentKeys } from '../../lib/prepared.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { waitlistCountSql } from '../../lib/waiting-count.js';
import { readUpcomingPage, type EventFilter } from './upcoming-events.repository.js';

export type { EventFilter };

export type CentreRow = typeof centres.$inferSelect;
export type EventRow = typeof events.$inferSelect;
type NewCentre = typeof centres.$inferInsert;
type NewEvent = typeof events.$inferInsert;

export const toCentre = (row: CentreRow) => ({
  id: row.id,
  institutionId: row.institutionId,
  name: row.name,
  description: row.description,
});

export const toEvent = (row: EventRow, institutionId: string, waitlistCount: number) => ({
  id: row.id,
  centreId: row.centreId,
  institutionId,
  title: row.title,
  description: row.description,
  startsAt: toIso(row.startsAt),
  endsAt: toIso(row.endsAt),
  timeZone: row.timeZone,
  venue: row.venue,
  onlineUrl: row.onlineUrl,
  capacity: row.capacity,
  waitlistEnabled: row.waitlistEnabled,
  registrationOpensAt: toIsoOrNull(row.registrationOpensAt),
  registrationClosesAt: toIsoOrNull(row.registrationClosesAt),
  audience: { institutionIds: row.audienceInstitutionIds },
  status: row.status,
  confirmedCount: row.confirmedCount,
  waitlistCount,
  updatedAt: toIso(row.updatedAt),
});
export type EventOut = ReturnType<typeof toEvent>;

/**
 * Drafts are seen by admins and their centre's office only. What a reader sees changes the SQL,
 * so it is part of a list query's shape; the office's institution is the `readerInstitutionId` value.
 */
function readerOf(actor: Actor | null) {
  return actor?.role === 'admin' ? 'admin' : actor?.role === 'coordinator' && actor.institutionId ? 'office' : 'public';
}
function visibleTo(reader: ReturnType<typeof readerOf>): SQL | undefined {
  if (reader === 'admin') return undefined;
  if (reader === 'office') return or(ne(events.status, 'draft'), eq(centres.institutionId, sql.placeholder('readerInstitutionId')));
  return ne(events.status, 'draft');
}

/** Centres and events; every function takes the handle or the transaction it runs in. */
export function createEventsRepository(db: Database) {
  return {
    listCentres(executor: Executor = db) {
      return executor.select().from(centres).orderBy(asc(centres.createdAt), asc(centres.id));
    },

    async findCentre(executor: Executor, id: string) {
      const [row] = await executor.select().from(centres).where(eq(centres.id, id));
      return row;
    },

    async institutionExists(executor: Executor, id: string) {
      const [row] = await executor.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id));
      return Boolean(row);
    },

    /** How many of `ids` name an existing institution. */
    async countInstitutions(executor: Executor, ids: string[]) {
      const found = await executor.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, ids));
      return found.length;
    },

    async insertCentre(executor: Executor, values: NewCentre) {
      const [created] = await executor.insert(centres).values(values).returning();
      return created!;
    },

    /** A centre with its institution's time zone, the default zone of its events. */
    async centreWithZone(executor: Executor, id: string) {
      const [row] = await executor
        .select({ id: centres.id, institutionId: centres.institutionId, timeZone: institutions.timeZone })
        .from(centres)
        .innerJoin(institutions, eq(institutions.id, centres.institutionId))
        .where(eq(centres.id, id));
      return row;
    },

    async insertEvent(executor: Executor, values: NewEvent) {
      const [created] = await executor.insert(events).values(values).returning();
      return created!;
    },

    /** Changes the event and stamps `updatedAt` with the database's clock. */
    async updateEvent(executor: Executor, id: string, set: PgUpdateSetSource<typeof events>) {
      const [updated] = await executor
        .update(events)
        .set({ ...set, updatedAt: sql`now()` })
        .where(eq(events.id, id))
        .returning();
      return updated!;
    },

    /** The event with its centre's institution; `lock` takes the row lock for registration changes. */
    async findEvent(executor: Executor, id: string, options: { lock?: boolean } = {}) {
      if (options.lock) {
        const [row] = await executor.select().from(events).where(eq(events.id, id)).for('update');
        if (!row) return undefined;
        const [centre] = await executor.select({ institutionId: centres.institutionId }).from(centres).where(eq(centres.id, row.centreId));
        return { event: row, institutionId: centre!.institutionId };
      }
      const [row] = await executor
        .select({ event: events, institutionId: centres.institutionId })
        .from(events)
        .innerJoin(centres, eq(centres.id, events.centreId))
        .where(eq(events.id, id));
      return row;
    },

    async listEvents(executor: Executor, actor: Actor | null, filter: EventFilter, limit: number, offset: number) {
      // Events still running at an instant (the default list): read from what has not ended yet.
      if (filter.from) return readUpcomingPage(executor, actor, { ...filter, from: filter.from }, limit, offset);
      const value = sql.placeholder;
      const reader = readerOf(actor);
      const shape = `events:${reader}:${presentKeys({ ...filter, status: undefined })}:${filter.status === 'any' ? 'any' : 'one'}`;
      const where = () =>
        and(
          visibleTo(reader),
          filter.status === 'any' ? undefined : eq(events.status, value('status')),
          filter.centreId ? eq(events.centreId, value('centreId')) : undefined,
          filter.to ? lt(events.startsAt, value('to')) : undefined,
          filter.lang ? sql`coalesce(trim(${events.title} ->> ${value('lang')}), '') <> ''` : undefined,
        );
      const page = buildOnce(executor, `${shape}:page`, () =>
        executor
          .select({ event: events, institutionId: centres.institutionId, waiting: waitlistCountSql })
          .from(events)
          .innerJoin(centres, eq(centres.id, events.centreId))
          .where(where())
          .orderBy(asc(events.startsAt), asc(events.id))
          .limit(value('limit'))
          .offset(value('offset'))
          .prepare('events_page'),
      );
      const counted = buildOnce(executor, `${shape}:total`, () =>
        executor.select({ total: count() }).from(events).innerJoin(centres, eq(centres.id, events.centreId)).where(where()).prepare('events_total'),
      );
      const values = {
        readerInstitutionId: actor?.institutionId,
        status: filter.status ?? 'published',
        centreId: filter.centreId,
        // Placeholders skip the column's mapping: times go as text.
        to: filter.to?.toISOString(),
        lang: filter.lang,
        limit,
        offset,
      };
      const [rows, [{ total } = { total: 0 }]] = await Promise.all([page.execute(values), counted.execute(values)]);
      return { items: rows.map((row) => toEvent(row.event, row.institutionId, row.waiting)), total, limit, offset };
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
