import { and, asc, count, desc, eq, gt, gte, ilike, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { centres, events, registrations, users, type Executor } from '@exchange/db';
import type { Actor, EventStatus, Locale, RegistrationStatus } from '@exchange/shared';
import { buildOnce, presentKeys } from '../../lib/prepared.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { escapeLike } from '../../lib/like.js';

export type CentreRow = typeof centres.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

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

/** Number of people waiting for an event. */
export const waitlistCountSql = sql<number>`(select count(*)::int from "registrations" as "w" where "w"."event_id" = "events"."id" and "w"."status" = 'waitlisted')`;

/** Place in the waiting list: the rank by `seq` among those still waiting, so never a gap. */
export const positionSql = sql<number | null>`case when "registrations"."status" = 'waitlisted' then (select count(*)::int from "registrations" as "waiting" where "waiting"."event_id" = "registrations"."event_id" and "waiting"."status" = 'waitlisted' and "waiting"."seq" <= "registrations"."seq") end`;

export async function findCentre(db: Executor, id: string) {
  const [row] = await db.select().from(centres).where(eq(centres.id, id));
  return row;
}

/** The event with its centre's institution; `lock` takes the row lock for registration changes. */
export async function findEvent(db: Executor, id: string, options: { lock?: boolean } = {}) {
  if (options.lock) {
    const [row] = await db.select().from(events).where(eq(events.id, id)).for('update');
    if (!row) return undefined;
    const [centre] = await db.select({ institutionId: centres.institutionId }).from(centres).where(eq(centres.id, row.centreId));
    return { event: row, institutionId: centre!.institutionId };
  }
  const [row] = await db
    .select({ event: events, institutionId: centres.institutionId })
    .from(events)
    .innerJoin(centres, eq(centres.id, events.centreId))
    .where(eq(events.id, id));
  return row;
}

export async function countWaiting(db: Executor, eventId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'waitlisted')));
  return row?.n ?? 0;
}

export async function positionOf(db: Executor, registration: RegistrationRow) {
  if (registration.status !== 'waitlisted') return null;
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, registration.eventId), eq(registrations.status, 'waitlisted'), sql`${registrations.seq} <= ${registration.seq}`));
  return row?.n ?? null;
}

export async function activeRegistration(db: Executor, eventId: string, userId: string) {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId), ne(registrations.status, 'cancelled')));
  return row;
}

/** Which events a caller sees: published ones, and every event of the centres they run. */
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

export type EventFilter = {
  centreId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  lang?: Locale | undefined;
  status?: EventStatus | 'any' | undefined;
};

export async function listEvents(db: Executor, actor: Actor | null, filter: EventFilter, limit: number, offset: number) {
  const value = sql.placeholder;
  const reader = readerOf(actor);
  const shape = `events:${reader}:${presentKeys({ ...filter, status: undefined })}:${filter.status === 'any' ? 'any' : 'one'}`;
  const where = () =>
    and(
      visibleTo(reader),
      filter.status === 'any' ? undefined : eq(events.status, value('status')),
      filter.centreId ? eq(events.centreId, value('centreId')) : undefined,
      filter.from ? gt(events.endsAt, value('from')) : undefined,
      filter.to ? lt(events.startsAt, value('to')) : undefined,
      filter.lang ? sql`coalesce(trim(${events.title} ->> ${value('lang')}), '') <> ''` : undefined,
    );
  const page = buildOnce(db, `${shape}:page`, () =>
    db
      .select({ event: events, institutionId: centres.institutionId, waiting: waitlistCountSql })
      .from(events)
      .innerJoin(centres, eq(centres.id, events.centreId))
      .where(where())
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(value('limit'))
      .offset(value('offset'))
      .prepare('events_page'),
  );
  const counted = buildOnce(db, `${shape}:total`, () =>
    db.select({ total: count() }).from(events).innerJoin(centres, eq(centres.id, events.centreId)).where(where()).prepare('events_total'),
  );
  const values = {
    readerInstitutionId: actor?.institutionId,
    status: filter.status ?? 'published',
    centreId: filter.centreId,
    // Placeholders skip the column's mapping: times go as text.
    from: filter.from?.toISOString(),
    to: filter.to?.toISOString(),
    lang: filter.lang,
    limit,
    offset,
  };
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([page.execute(values), counted.execute(values)]);
  return { items: rows.map((row) => toEvent(row.event, row.institutionId, row.waiting)), total, limit, offset };
}

export type RegistrantFilter = { q?: string | undefined; status?: RegistrationStatus | undefined };

export async function listRegistrants(db: Executor, eventId: string, filter: RegistrantFilter, limit: number, offset: number) {
  const where = and(
    eq(registrations.eventId, eventId),
    filter.status ? eq(registrations.status, filter.status) : undefined,
    filter.q ? or(ilike(users.fullName, `%${escapeLike(filter.q)}%`), ilike(users.email, `%${escapeLike(filter.q)}%`)) : undefined,
  );
  const statusOrder = sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`;
  const [rows, [{ total } = { total: 0 }], counts] = await Promise.all([
    db
      .select({ registration: registrations, fullName: users.fullName, email: users.email, institutionId: users.institutionId, position: positionSql })
      .from(registrations)
      .innerJoin(users, eq(users.id, registrations.userId))
      .where(where)
      .orderBy(statusOrder, asc(registrations.seq))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(registrations).innerJoin(users, eq(users.id, registrations.userId)).where(where),
    registrationCounts(db, eventId),
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
}

export async function registrationCounts(db: Executor, eventId: string) {
  const rows = await db
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

export const toRegistration = (row: RegistrationRow, position: number | null) => ({
  id: row.id,
  eventId: row.eventId,
  userId: row.userId,
  status: row.status,
  position: row.status === 'waitlisted' ? position : null,
  checkedInAt: toIsoOrNull(row.checkedInAt),
  createdAt: toIso(row.createdAt),
});

/** Every registration of an event for the exports, in list order. */
export async function allRegistrants(db: Executor, eventId: string) {
  const statusOrder = sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`;
  return db
    .select({ registration: registrations, fullName: users.fullName, email: users.email, institutionId: users.institutionId, position: positionSql })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(eq(registrations.eventId, eventId))
    .orderBy(statusOrder, asc(registrations.seq));
}

/** A person's registrations that still stand, with their events, soonest first. */
export async function registrationsOfUser(db: Executor, userId: string, from?: Date) {
  return db
    .select({ registration: registrations, event: events, institutionId: centres.institutionId, position: positionSql, waiting: waitlistCountSql })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(centres, eq(centres.id, events.centreId))
    .where(and(eq(registrations.userId, userId), ne(registrations.status, 'cancelled'), ne(events.status, 'draft'), from ? gt(events.endsAt, from) : undefined))
    .orderBy(asc(events.startsAt))
    .limit(500);
}

/** Events of a centre for its public feed: published and cancelled, newest last. */
export async function centreFeedEvents(db: Executor, centreId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.centreId, centreId), ne(events.status, 'draft')))
    .orderBy(desc(events.startsAt))
    .limit(1000);
}

export async function attendanceOf(db: Executor, centreId: string, from?: Date, to?: Date) {
  return db
    .select({
      event: events,
      confirmed: sql<number>`(select count(*)::int from "registrations" as "c" where "c"."event_id" = "events"."id" and "c"."status" = 'confirmed')`,
      waitlisted: waitlistCountSql,
      checkedIn: sql<number>`(select count(*)::int from "registrations" as "k" where "k"."event_id" = "events"."id" and "k"."checked_in_at" is not null)`,
    })
    .from(events)
    .where(and(eq(events.centreId, centreId), ne(events.status, 'draft'), from ? gte(events.startsAt, from) : undefined, to ? lt(events.startsAt, to) : undefined))
    .orderBy(asc(events.startsAt))
    .limit(1000);
}
