#!/usr/bin/env node
/**
 * `npm run bench`: measures the API on real PostgreSQL. Starts its own API process against
 * DATABASE_URL (the npm script provides a throw-away PostgreSQL 15 server when it is unset),
 * drives each scenario with autocannon, prints a table and writes bench/results.json.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { hashPassword, institutions, openDatabase, seedDemoData, users } from '@exchange/db';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL, or run `npm run bench`, which starts a PostgreSQL server for the run.');
  process.exit(1);
}
const duration = Number(process.env.BENCH_SECONDS || 10);
const connections = 50;

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// Schema, demo data, and one account per connection: 50 connections stand for 50 people, as
// each person's requests are counted (and rate-limited) on a row of their own.
const benchPassword = 'Bench-Password-2026';
const database = openDatabase({ url: databaseUrl, poolSize: 2 });
await database.migrate();
await seedDemoData(database.db);
const [psu] = await database.db.select().from(institutions);
const passwordHash = await hashPassword(benchPassword);
await database.db
  .insert(users)
  .values(Array.from({ length: connections }, (_, i) => ({ email: `bench${i}@exchange.test`, fullName: `Bench ${i}`, role: 'student', institutionId: psu.id, status: 'active', passwordHash })))
  .onConflictDoNothing();
await database.close();

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/server.js')], {
  env: { ...process.env, API_PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: path.join(os.tmpdir(), `exchange-bench-${port}`), RATE_LIMIT_MAX: '100000000' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const apiExited = new Promise((resolve) => api.on('exit', resolve));
async function stopApi() {
  if (api.exitCode === null) api.kill('SIGTERM');
  await apiExited;
}

for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${base}/api/v1/ready`)).ok) break;
  } catch {
    // not yet listening
  }
  if (attempt > 200) throw new Error('API did not start');
  await new Promise((resolve) => setTimeout(resolve, 100));
}

async function login(email) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return (await response.json()).token;
}
const tokens = [];
for (let i = 0; i < connections; i++) tokens.push(await login(`bench${i}@exchange.test`));
const agreements = await (await fetch(`${base}/api/v1/agreements`, { headers: { authorization: `Bearer ${tokens[0]}` } })).json();
const agreementId = agreements.items[0].id;

/** Each connection signs its requests as a person of its own. */
let nextToken = 0;
const asOnePersonPerConnection = (request, context) => {
  context.token ??= tokens[nextToken++ % tokens.length];
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${context.token}` } };
};

const scenarios = [
  { name: 'GET /api/v1/health (bare)', path: '/api/v1/health' },
  { name: 'GET /api/v1/agreements/:id/quotas (signed in)', path: `/api/v1/agreements/${agreementId}/quotas`, signedIn: true },
];

const results = [];
for (const scenario of scenarios) {
  const options = {
    url: base,
    requests: [{ method: 'GET', path: scenario.path, ...(scenario.signedIn ? { setupRequest: asOnePersonPerConnection } : {}) }],
  };
  // A short warm-up so the first scenario does not pay for JIT and pool start.
  await autocannon({ ...options, connections: 10, duration: 2 });
  const result = await autocannon({ ...options, connections, duration });
  results.push({
    scenario: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  });
}
await stopApi();

const [health, quotas] = results;
const ratio = health.requestsPerSecond / quotas.requestsPerSecond;
console.log(`\nBenchmark: ${connections} connections, ${duration} s each, PostgreSQL, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}\n`);
console.table(results);
console.log(`health / quotas throughput ratio: ${ratio.toFixed(2)}\n`);

writeFileSync(
  path.join(root, 'bench/results.json'),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      settings: { connections, durationSeconds: duration, database: 'PostgreSQL' },
      results,
      ratios: { healthToQuotas: Number(ratio.toFixed(2)) },
    },
    null,
    2,
  )}\n`,
);
process.exit(0);
