/** The writes: register and cancel on one event with 20 seats, then check the capacity invariant. */
import { db } from './root.mjs';

export async function benchRegistration(benchEvent, { databaseUrl, cannon, perConnection }) {
  process.stdout.write('event registration and cancellation… ');
  const registration = await cannon('event registration + cancellation (writes)', [
    { method: 'POST', path: `/api/v1/events/${benchEvent.id}/registrations`, setupRequest: perConnection('student') },
    { method: 'DELETE', path: `/api/v1/events/${benchEvent.id}/registrations/me`, setupRequest: perConnection('student') },
  ]);
  console.log(`${registration.requestsPerSecond} req/s`);
  const check = db.openDatabase({ url: databaseUrl, poolSize: 1 });
  const [state] = await check.rows(
    `select e.capacity, e.confirmed_count as "confirmedCount",
            (select count(*)::int from registrations r where r.event_id = e.id and r.status = 'confirmed') as confirmed,
            (select count(*)::int from registrations r where r.event_id = e.id and r.status = 'waitlisted') as waitlisted,
            (select count(*)::int from (select user_id from registrations r where r.event_id = e.id and r.status <> 'cancelled' group by user_id having count(*) > 1) d) as duplicates
       from events e where e.id = $1`,
    [benchEvent.id],
  );
  const invariant = {
    ...state,
    holds:
      state.confirmed === state.confirmedCount &&
      state.confirmed <= state.capacity &&
      state.duplicates === 0 &&
      (state.waitlisted === 0 || state.confirmed === state.capacity),
  };
  await check.close();
  console.log(`capacity invariant: ${invariant.holds ? 'holds' : 'BROKEN'} (${JSON.stringify(state)})`);
  return { registration, invariant };
}
