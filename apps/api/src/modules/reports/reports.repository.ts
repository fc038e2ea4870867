import { sql } from 'drizzle-orm';
import type { Executor } from '@exchange/db';

export type DirectionRow = { sending: string; receiving: string; seats: number; nominated: number; approved: number };

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** The reports' reads, over one database handle. */
export function reportsRepository(db: Executor) {
  return {
    /**
     * Every ordered pair of parties (by code) with the year's seats, nominated and approved, in
     * one statement. A line's direction never changes and is its nominations' direction: grouping
     * by the line reads the nominations through (quota_id, status) alone, not the whole table.
     */
    async directions(academicYear: string) {
      const result = await db.execute(sql`
        with lines as (
          select id, sending_institution_id, receiving_institution_id, seats from quota_lines where academic_year = ${academicYear}
        ), seats as (
          select sending_institution_id as sending, receiving_institution_id as receiving, sum(seats)::int as seats
            from lines group by 1, 2
        ), counts as (
          select l.sending_institution_id as sending, l.receiving_institution_id as receiving,
                 count(*) filter (where n.status in ('pending', 'approved'))::int as nominated,
                 count(*) filter (where n.status = 'approved')::int as approved
            from lines l join nominations n on n.quota_id = l.id group by 1, 2
        )
        select s.id as sending, r.id as receiving,
               coalesce(seats.seats, 0) as seats, coalesce(counts.nominated, 0) as nominated, coalesce(counts.approved, 0) as approved
          from institutions s
          join institutions r on r.id <> s.id
          left join seats on seats.sending = s.id and seats.receiving = r.id
          left join counts on counts.sending = s.id and counts.receiving = r.id
         order by s.code, r.code`);
      return rowsOf<DirectionRow>(result);
    },
  };
}
