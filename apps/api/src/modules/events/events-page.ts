import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@exchange/db';
import type { Actor, EventStatus, LocalizedText } from '@exchange/shared';
import type { EventFilter, EventOut } from './events.repository.js';

type PageRow = {
  total: number;
  id: string;
  centre_id: string;
  institution_id: string;
  title: LocalizedText;
  description: LocalizedText;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  venue: LocalizedText | null;
  online_url: string | null;
  capacity: number;
  waitlist_enabled: boolean;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  audience: string[];
  status: EventStatus;
  confirmed_count: number;
  waitlist_count: number;
  updated_at: string;
};

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Literal offsets for the first pages (one stable plan each); deeper pages take a parameter. */
const literalPages = 10;

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * A page of events still running at `filter.from` (the default list: what is still to come),
 * with the total, in one statement. The events not yet ended are found through
 * (status, ends_at) and only they are sorted by their start: however many events are past,
 * none of them is read. Drafts are seen by admins and their centre's office only.
 */
export async function readUpcomingPage(db: Executor, actor: Actor | null, filter: EventFilter & { from: Date }, limit: number, offset: number) {
  // The upper bound, never reached, makes this a range: where its lower end is a parameter
  // the planner assumes a narrow one (not a third of the table), so the generic plan reads the
  // (status, ends_at) index, costs no more than a custom one, and is kept.
  const conditions: SQL[] = [sql`e.ends_at > ${filter.from.toISOString()}::timestamptz and e.ends_at < 'infinity'`];
  if (actor?.role !== 'admin') {
    conditions.push(
      actor?.role === 'coordinator' && actor.institutionId ? sql`(e.status <> 'draft' or c.institution_id = ${actor.institutionId})` : sql`e.status <> 'draft'`,
    );
  }
  if (filter.status !== 'any') conditions.push(sql`e.status = ${filter.status ?? 'published'}`);
  if (filter.centreId) conditions.push(sql`e.centre_id = ${filter.centreId}`);
  if (filter.to) conditions.push(sql`e.starts_at < ${filter.to.toISOString()}::timestamptz`);
  if (filter.lang) conditions.push(sql`coalesce(trim(e.title ->> ${filter.lang}), '') <> ''`);
  const skip = offset % limit === 0 && offset < literalPages * limit ? sql.raw(String(offset)) : sql`${offset}`;
  const statement = sql`
    with upcoming as materialized (
      select e.id, e.starts_at from events e join centres c on c.id = e.centre_id where ${sql.join(conditions, sql` and `)}
    ), page as (
      select id from upcoming order by starts_at, id limit ${sql.raw(String(limit))} offset ${skip}
    )
    select (select count(*)::int from upcoming) as total,
      e.id, e.centre_id, c.institution_id, e.title, e.description, ${iso('e.starts_at')} as starts_at, ${iso('e.ends_at')} as ends_at,
      e.time_zone, e.venue, e.online_url, e.capacity, e.waitlist_enabled,
      ${iso('e.registration_opens_at')} as registration_opens_at, ${iso('e.registration_closes_at')} as registration_closes_at,
      to_json(e.audience_institution_ids) as audience, e.status, e.confirmed_count,
      (select count(*)::int from registrations w where w.event_id = e.id and w.status = 'waitlisted') as waitlist_count,
      ${iso('e.updated_at')} as updated_at
    from page p
    join events e on e.id = p.id
    join centres c on c.id = e.centre_id
    order by e.starts_at, e.id`;
  let rows = rowsOf<PageRow>(await db.execute(statement));
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    // A page past the end has no row to carry the total.
    rows = [];
    total =
      rowsOf<{ total: number }>(
        await db.execute(sql`select count(*)::int as total from events e join centres c on c.id = e.centre_id where ${sql.join(conditions, sql` and `)}`),
      )[0]?.total ?? 0;
  }
  const items: EventOut[] = new Array<EventOut>(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    items[index] = {
      id: row.id,
      centreId: row.centre_id,
      institutionId: row.institution_id,
      title: row.title,
      description: row.description,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      timeZone: row.time_zone,
      venue: row.venue,
      onlineUrl: row.online_url,
      capacity: row.capacity,
      waitlistEnabled: row.waitlist_enabled,
      registrationOpensAt: row.registration_opens_at,
      registrationClosesAt: row.registration_closes_at,
      audience: { institutionIds: row.audience },
      status: row.status,
      confirmedCount: row.confirmed_count,
      waitlistCount: row.waitlist_count,
      updatedAt: row.updated_at,
    };
  }
  return { items, total, limit, offset };
}
