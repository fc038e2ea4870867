import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@exchange/db';
import type { Actor, EventStatus, Locale } from '@exchange/shared';
import { pageClauses } from '../../lib/page-literals.js';

export type EventFilter = {
  centreId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  lang?: Locale | undefined;
  status?: EventStatus | 'any' | undefined;
};

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * A page of events still running at `filter.from` (the default list: what is still to come),
 * with the total, in one statement that writes the response's JSON text (`{ items, total, limit,
 * offset }`, each event as `toEvent` shapes it), sent as it is. The events not yet ended are found through
 * (status, ends_at) and only they are sorted by their start: however many events are past,
 * none of them is read. Drafts are seen by admins and their centre's office only.
 */
export async function readUpcomingPage(db: Executor, actor: Actor | null, filter: EventFilter & { from: Date }, limit: number, offset: number) {
  // The upper bound, never reached, makes this a range: where its lower end is a parameter
  // the planner assumes a narrow one (not a third of the table), so the generic plan reads the
  // (status, ends_at) index, costs no more than a custom one, and is kept.
  const conditions: SQL[] = [sql`e.ends_at > ${filter.from.toISOString()}::timestamptz and e.ends_at < 'infinity'`];
  // An office also sees its centres' drafts: only then is the centre read to find the candidates.
  const office = actor?.role === 'coordinator' && Boolean(actor.institutionId);
  if (actor?.role !== 'admin') {
    conditions.push(office && actor?.institutionId ? sql`(e.status <> 'draft' or c.institution_id = ${actor.institutionId})` : sql`e.status <> 'draft'`);
  }
  if (filter.status !== 'any') conditions.push(sql`e.status = ${filter.status ?? 'published'}`);
  if (filter.centreId) conditions.push(sql`e.centre_id = ${filter.centreId}`);
  if (filter.to) conditions.push(sql`e.starts_at < ${filter.to.toISOString()}::timestamptz`);
  if (filter.lang) conditions.push(sql`coalesce(trim(e.title ->> ${filter.lang}), '') <> ''`);
  const { take, skip } = pageClauses(limit, offset);
  const statement = sql`
    with upcoming as materialized (
      select e.id, e.starts_at from events e ${office ? sql`join centres c on c.id = e.centre_id` : sql``} where ${sql.join(conditions, sql` and `)}
    )
    select json_build_object('items', coalesce(json_agg(page.item), '[]'::json), 'total', (select count(*)::int from upcoming),
      'limit', ${take}, 'offset', ${skip})::text as page
    from (
      select json_build_object('id', e.id, 'centreId', e.centre_id, 'institutionId', c.institution_id, 'title', e.title,
          'description', e.description, 'startsAt', ${iso('e.starts_at')}, 'endsAt', ${iso('e.ends_at')}, 'timeZone', e.time_zone,
          'venue', e.venue, 'onlineUrl', e.online_url, 'capacity', e.capacity, 'waitlistEnabled', e.waitlist_enabled,
          'registrationOpensAt', ${iso('e.registration_opens_at')}, 'registrationClosesAt', ${iso('e.registration_closes_at')},
          'audience', json_build_object('institutionIds', to_json(e.audience_institution_ids)), 'status', e.status,
          'confirmedCount', e.confirmed_count,
          'waitlistCount', (select count(*)::int from registrations w where w.event_id = e.id and w.status = 'waitlisted'),
          'updatedAt', ${iso('e.updated_at')}) as item
        from (select id, starts_at from upcoming order by starts_at, id limit ${take} offset ${skip}) p
        join events e on e.id = p.id
        join centres c on c.id = e.centre_id
       order by p.starts_at, p.id
    ) page`;
  const [row] = rowsOf<{ page: string }>(await db.execute(statement));
  return row!.page;
}
