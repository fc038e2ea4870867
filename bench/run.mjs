#!/usr/bin/env node
/**
 * `npm run bench`: the API on PostgreSQL with the large data set (`npm run seed:large`; seeded
 * here at BENCH_SCALE, default 1, when absent). For each scenario, 50 connections, one person
 * per connection: requests/s, p50, p99, errors. Two ceilings for each read: the bare health
 * route, and the same SQL sent straight through postgres.js at the same concurrency; the ratio
 * of the endpoint to its direct SQL is what the HTTP layer costs. Writes bench/results.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startApi } from './api-process.mjs';
import { createLoad } from './load.mjs';
import { benchReads, captureStatements, runReads } from './reads.mjs';
import { prepareData } from './setup.mjs';
import { benchSignIn } from './sign-in.mjs';
import { benchRegistration } from './writes.mjs';

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
const { seeded, counts, studentEmails, reviewCall, benchEvent } = await prepareData(databaseUrl, { scale, connections });

// ——— the API under test, in a process of its own ———
const { base, apiCpuMs, stop } = await startApi({ root, dataDir, jwtSecret });
const accounts = {
  student: studentEmails,
  psu: Array.from({ length: connections }, (_, i) => `bench-coordinator${i}@psu.bench.exchange.test`),
  buas: Array.from({ length: connections }, (_, i) => `bench-coordinator${i}@buas.bench.exchange.test`),
};
const tokens = await signIn(base, accounts, jwtSecret);
const load = createLoad({ base, databaseUrl, tokens, jwtSecret, apiCpuMs, duration, connections, poolSize });

// BENCH_ONLY=<part of a name> runs only the reads whose name contains it (and skips the writes and sign-in).
const only = process.env.BENCH_ONLY?.toLowerCase();
const allReads = benchReads(reviewCall);
const reads = only ? allReads.filter((read) => read.name.toLowerCase().includes(only)) : allReads;

const captured = await captureStatements(reads, { root, databaseUrl, jwtSecret, dataDir, tokens });
const { results, ratios } = await runReads(reads, load);

if (only) {
  // A partial run is for looking closer (profiling, one change); it does not replace the results.
  console.table(results);
  console.table(ratios);
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

const { registration, invariant } = await benchRegistration(benchEvent, { databaseUrl, ...load });
results.push(registration);
results.push(await benchSignIn(studentEmails, load));

await stop();
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
