/**
 * The data of `node bench/run.mjs`: the large set (seeded at `scale` when absent), plus bench
 * accounts (one per connection), the call with the longest review list and a fresh bench event.
 */
import { db } from './root.mjs';

const { demoPassword, hashPassword, largeEmailDomain, openDatabase, seedLargeData } = db;

export async function prepareData(databaseUrl, { scale, connections }) {
  console.log(`Large data set (scale ${scale}):`);
  const seeded = await seedLargeData(databaseUrl, { scale, log: (line) => console.log(`  ${line}`) });
  const setup = openDatabase({ url: databaseUrl, poolSize: 2 });
  const one = async (query, params) => (await setup.rows(query, params))[0];
  const counts = await one(
    `select (select count(*)::int from users where role = 'student') as students, (select count(*)::int from applications) as applications,
            (select count(*)::int from nominations) as nominations, (select count(*)::int from quota_lines) as "quotaLines",
            (select count(*)::int from events) as events, (select count(*)::int from registrations) as registrations,
            (select count(*)::int from application_documents) as documents`,
  );
  const passwordHash = await hashPassword(demoPassword);
  for (const code of ['PSU', 'BUAS']) {
    await setup.rows(
      `insert into users (email, full_name, role, institution_id, status, password_hash)
       select 'bench-coordinator' || i || '@' || lower($1) || '.bench.exchange.test', 'Bench coordinator ' || i, 'coordinator', (select id from institutions where code = $1), 'active', $2
         from generate_series(0, ${connections - 1}) as i on conflict do nothing`,
      [code, passwordHash],
    );
  }
  // Students of the large set who have applications, one per connection.
  const studentEmails = (
    await setup.rows(
      `select u.email from users u where u.email like $1 and u.status = 'active' and exists (select 1 from applications a where a.student_id = u.id) order by u.email limit ${connections}`,
      [`%@${largeEmailDomain}`],
    )
  ).map((row) => row.email);
  const reviewCall = await one(
    `select c.id from calls c join institutions i on i.id = c.institution_id where i.code = 'PSU' and c.academic_year = '2027/2028'
      order by (select count(*) from applications a where a.call_id = c.id and a.status = 'submitted') desc limit 1`,
  );
  // A fresh event with 20 seats and a waiting list: 50 people register and cancel on it.
  const benchEvent = await one(
    `insert into events (centre_id, title, description, starts_at, ends_at, time_zone, capacity, status, registration_opens_at, registration_closes_at)
     select c.id, '{"en":"Benchmark evening","ru":"Вечер нагрузки","zh":"压力测试之夜"}', '{"en":"","ru":"","zh":""}', now() + interval '30 days', now() + interval '30 days 2 hours',
            'Europe/Moscow', 20, 'published', now() - interval '1 day', now() + interval '29 days'
       from centres c join institutions i on i.id = c.institution_id where i.code = 'PSU' limit 1 returning id, capacity`,
  );
  await setup.close();
  return { seeded, counts, studentEmails, reviewCall, benchEvent };
}
