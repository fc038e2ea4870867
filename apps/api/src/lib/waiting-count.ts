import { sql } from 'drizzle-orm';

/**
 * Number of people waiting for an event, read inside a statement over `events` (one query for
 * a whole list, not one per event). The events list, a registrant's own list and the
 * attendance report all show it, so the rule of who counts as waiting is written once.
 */
export const waitlistCountSql = sql<number>`(select count(*)::int from "registrations" as "w" where "w"."event_id" = "events"."id" and "w"."status" = 'waitlisted')`;
