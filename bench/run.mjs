#!/usr/bin/env node
/**
 * `npm run bench`: the API on PostgreSQL with the large data set (`npm run seed:large`; seeded
 * here at BENCH_SCALE, default 1, when absent). For each scenario, 50 connections, one person
 * per connection: requests/s, p50, p99, errors. Two ceilings for each read: the bare health
 * route, and the same SQL sent straight through postgres.js at the same concurrency; the ratio
 * of the endpoint to its direct SQL is what the HTTP layer costs. Writes bench/results.json.
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { demoPassword, hashPassword, largeEmailDomain, openDatabase, seedLargeData } from '@exchange/db';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL, or run `npm run bench`, which starts a PostgreSQL server for the run.');
  process.exit(1);
}
const duration = Number(process.env.BENCH_SECONDS || 10);
const scale = Number(process.env.BENCH_SCALE || 1);
const connections = 50;
const poolSize = 10; // the API's pool, and the direct client's
const jwtSecret = randomBytes(32).toString('hex');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-'));

// ——— data: the large set, plus bench accounts (one per connection) and a bench event ———
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

// ——— the API under test, in a process of its own ———
const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the API process.
const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
const api = spawn(process.execPath, [...apiNodeArgs, path.join(root, 'apps/api/dist/server.js')], {
  env: { ...process.env, API_PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: dataDir, JWT_SECRET: jwtSecret, RATE_LIMIT_MAX: '100000000' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const apiExited = new Promise((resolve) => api.on('exit', resolve));
for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${base}/api/v1/ready`)).ok) break;
  } catch {
    // not yet listening
  }
  if (attempt > 300) throw new Error('API did not start');
  await new Promise((resolve) => setTimeout(resolve, 100));
}

async function login(email) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}
const accounts = {
  student: studentEmails,
  psu: Array.from({ length: connections }, (_, i) => `bench-coordinator${i}@psu.bench.exchange.test`),
  buas: Array.from({ length: connections }, (_, i) => `bench-coordinator${i}@buas.bench.exchange.test`),
};
const tokens = {};
for (const [group, emails] of Object.entries(accounts)) tokens[group] = await Promise.all(emails.map(login));

/** Each connection is a person of its own, coming from an address of its own (as the web passes it on). */
const counters = new Map();
function perConnection(group) {
  return (request, context) => {
    if (context.n === undefined) {
      context.n = counters.get(group) ?? 0;
      counters.set(group, context.n + 1);
    }
    const address = `203.0.113.${context.n % 250}`;
    const headers = {
      ...request.headers,
      'x-exchange-client-ip': address,
      'x-exchange-client-sig': createHmac('sha256', jwtSecret).update(address).digest('hex'),
    };
    if (group !== 'anonymous') headers.authorization = `Bearer ${tokens[group][context.n % tokens[group].length]}`;
    return { ...request, headers };
  };
}

const allReads = [
  { name: 'health (bare)', path: '/api/v1/health', as: 'anonymous', direct: false },
  { name: "student's own applications", path: '/api/v1/applications', as: 'student' },
  {
    name: 'review list (call+status, by score, page 50)',
    path: `/api/v1/applications?callId=${reviewCall.id}&status=submitted&sort=score&order=desc&limit=50`,
    as: 'psu',
  },
  { name: 'review list (all calls, newest, page 50)', path: '/api/v1/applications?limit=50', as: 'psu' },
  { name: "partner's incoming nominees (page 50)", path: '/api/v1/nominations?direction=incoming&limit=50', as: 'buas' },
  { name: 'flows report', path: '/api/v1/reports/flows?academicYear=2025%2F2026', as: 'psu' },
  { name: 'public events list (page 50)', path: '/api/v1/events?limit=50', as: 'anonymous' },
];

// BENCH_ONLY=<part of a name> runs only the reads whose name contains it (and skips the writes and sign-in).
const only = process.env.BENCH_ONLY?.toLowerCase();
const reads = only ? allReads.filter((read) => read.name.toLowerCase().includes(only)) : allReads;

// ——— the SQL of each read, captured from the same app built in this process ———
const captured = [];
let capturing = null;
const capturingDb = openDatabase({ url: databaseUrl, poolSize: 2, onQuery: (query, params) => capturing?.push({ query, params }) });
const { buildApp } = await import(path.join(root, 'apps/api/dist/app.js'));
const inProcess = await buildApp({
  config: { jwtSecret, rateLimitMax: 100_000_000, logLevel: 'silent', dataDir, smtpUrl: undefined },
  database: capturingDb,
  closeDatabase: false,
  logger: false,
});
for (const read of reads) {
  if (read.direct === false) continue;
  capturing = [];
  const headers = read.as === 'anonymous' ? {} : { authorization: `Bearer ${tokens[read.as][0]}` };
  const response = await inProcess.inject({ method: 'GET', url: read.path, headers });
  if (response.statusCode !== 200) throw new Error(`${read.name}: ${response.statusCode} ${response.body}`);
  // The per-user request counter is a write on one row per person: not part of the read.
  read.statements = capturing.filter((statement) => !/rate_limit_counters/.test(statement.query));
  captured.push({ scenario: read.name, statements: read.statements.length });
  capturing = null;
}
await inProcess.close();
await capturingDb.close();

function summary(name, latencies, count, errors, seconds) {
  latencies.sort((a, b) => a - b);
  const at = (q) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1));
  return { scenario: name, requestsPerSecond: Math.round(count / seconds), p50Ms: at(0.5), p99Ms: at(0.99), errors, total: count };
}

/** The same statements, in the same order, straight through postgres.js: 50 workers, pool of 10. */
async function direct(read) {
  const sql = postgres(databaseUrl, { max: poolSize, onnotice: () => {} });
  const run = async () => {
    for (const statement of read.statements) await sql.unsafe(statement.query, statement.params, { prepare: true });
  };
  for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: 10 }, run)); // warm-up
  const latencies = [];
  let errors = 0;
  const ends = performance.now() + duration * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < ends) {
        const t = performance.now();
        try {
          await run();
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await sql.end();
  return summary(`${read.name} — direct SQL`, latencies, latencies.length, errors, seconds);
}

/** CPU time (user + system) the API process has used so far, in ms: less noisy than req/s on a shared machine. */
function apiCpuMs() {
  try {
    const fields = readFileSync(`/proc/${api.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN; // not Linux
  }
}

async function cannon(name, requests) {
  const options = { url: base, requests };
  await autocannon({ ...options, connections: 10, duration: 2 }); // warm-up: JIT, pool, caches
  const cpuBefore = apiCpuMs();
  const result = await autocannon({ ...options, connections, duration });
  const apiCpuMsPerRequest = Number(((apiCpuMs() - cpuBefore) / result.requests.total).toFixed(2));
  return {
    scenario: name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
    apiCpuMsPerRequest,
  };
}

const results = [];
const ratios = [];
for (const read of reads) {
  process.stdout.write(`${read.name}… `);
  const http = await cannon(read.name, [{ method: 'GET', path: read.path, setupRequest: perConnection(read.as) }]);
  results.push(http);
  if (read.statements) {
    const sql = await direct(read);
    results.push(sql);
    ratios.push({
      scenario: read.name,
      statementsPerRequest: read.statements.length,
      endpointRps: http.requestsPerSecond,
      directSqlRps: sql.requestsPerSecond,
      ratioToDirect: Number((http.requestsPerSecond / sql.requestsPerSecond).toFixed(2)),
    });
  }
  console.log(`${http.requestsPerSecond} req/s, p99 ${http.p99Ms} ms`);
}

if (only) {
  // A partial run is for looking closer (profiling, one change); it does not replace the results.
  console.table(results);
  console.table(ratios);
  api.kill('SIGTERM');
  await apiExited;
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

// ——— writes: register and cancel on one event with 20 seats, then check the invariant ———
process.stdout.write('event registration and cancellation… ');
const registration = await cannon('event registration + cancellation (writes)', [
  { method: 'POST', path: `/api/v1/events/${benchEvent.id}/registrations`, setupRequest: perConnection('student') },
  { method: 'DELETE', path: `/api/v1/events/${benchEvent.id}/registrations/me`, setupRequest: perConnection('student') },
]);
results.push(registration);
console.log(`${registration.requestsPerSecond} req/s`);
const check = openDatabase({ url: databaseUrl, poolSize: 1 });
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

// ——— sign-in: argon2id verification dominates ———
process.stdout.write('login… ');
let nextLogin = 0;
const loginResult = await cannon('login (argon2id)', [
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      context.email ??= studentEmails[nextLogin++ % studentEmails.length];
      return perConnection('anonymous')({ ...request, body: JSON.stringify({ email: context.email, password: demoPassword }) }, context);
    },
  },
]);
results.push(loginResult);
console.log(`${loginResult.requestsPerSecond} req/s`);

if (api.exitCode === null) api.kill('SIGTERM');
await apiExited;
rmSync(dataDir, { recursive: true, force: true });

const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
};
writeFileSync(
  path.join(root, 'bench/results.json'),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine,
      settings: { connections, durationSeconds: duration, database: 'PostgreSQL', apiPool: poolSize, scale, seededNow: !seeded.skipped },
      data: counts,
      results,
      ratios,
      statements: captured,
      registrationInvariant: invariant,
    },
    null,
    2,
  )}\n`,
);
process.exit(invariant.holds ? 0 : 1);
