#!/usr/bin/env node
/**
 * `npm run bench`: the API on PostgreSQL with the large data set (`npm run seed:large`; seeded
 * here at BENCH_SCALE, default 1, when absent). For each scenario, 50 connections, one person
 * per connection: requests/s, p50, p99, errors, and the CPU the API and PostgreSQL spent per
 * request with the machine's idle share. Two ceilings for each read: the bare health route, and
 * every statement its request sends (the session statement too) straight through postgres.js at
 * the same concurrency; the ratio of the endpoint to its direct SQL is what the HTTP layer
 * costs. Then an open loop: a deadline-day mix at a constant 200 req/s (BENCH_OPEN_RATE,
 * BENCH_OPEN_SECONDS), p50/p99 per read. Writes bench/results.json (bench/results-scale<N>.json
 * at another scale; BENCH_RESULTS=<file> elsewhere; see bench/root.mjs for BENCH_API_ROOT).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn, startApi } from './api-process.mjs';
import { createLoad } from './load.mjs';
import { postgresCpu } from './machine.mjs';
import { openLoop } from './open-loop.mjs';
import { benchReads, captureStatements, runReads } from './reads.mjs';
import { apiRoot, resultsFile, root, scale } from './root.mjs';
import { prepareData } from './setup.mjs';
import { benchSignIn } from './sign-in.mjs';
import { benchRegistration } from './writes.mjs';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL, or run `npm run bench`, which starts a PostgreSQL server for the run.');
  process.exit(1);
}
const duration = Number(process.env.BENCH_SECONDS || 10);
const openRate = Number(process.env.BENCH_OPEN_RATE || 200);
const openSeconds = Number(process.env.BENCH_OPEN_SECONDS || 3 * duration);
const connections = 50;
const poolSize = 10; // the API's pool, and the direct client's
const jwtSecret = randomBytes(32).toString('hex');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-'));
if (apiRoot !== root) console.log(`Measuring the build in ${apiRoot}`);
let commit = null;
try {
  commit = execFileSync('git', ['-C', apiRoot, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}

// ——— data: the large set, plus bench accounts (one per connection) and a bench event ———
const { seeded, counts, studentEmails, reviewCall, benchEvent } = await prepareData(databaseUrl, { scale, connections });

// ——— the API under test, in a process of its own; the PostgreSQL server's CPU from /proc ———
const { base, apiCpuMs, stop } = await startApi({ apiRoot, dataDir, jwtSecret });
const postgresCpuMs = await postgresCpu(databaseUrl);
if (Number.isNaN(postgresCpuMs())) console.log('PostgreSQL is not a process of this machine: its CPU is not measured.');
const accounts = {
  student: studentEmails,
  psu: Array.from({ length: connections }, (_, i) => `bench-coordinator${i}@psu.bench.exchange.test`),
  buas: Array.from({ length: connections }, (_, i) => `bench-coordinator${i}@buas.bench.exchange.test`),
};
const tokens = await signIn(base, accounts, jwtSecret);
const load = createLoad({ base, databaseUrl, tokens, jwtSecret, apiCpuMs, postgresCpuMs, duration, connections, poolSize });

// BENCH_ONLY=<part of a name> runs only the reads whose name contains it (and skips the open loop, the writes and sign-in).
const only = process.env.BENCH_ONLY?.toLowerCase();
const allReads = benchReads(reviewCall);
const reads = only ? allReads.filter((read) => read.name.toLowerCase().includes(only)) : allReads;

const captured = await captureStatements(reads, { apiRoot, databaseUrl, jwtSecret, dataDir, tokens, people: connections });
const { results, ratios } = await runReads(reads, load);

if (only) {
  // A partial run is for looking closer (profiling, one change); it does not replace the results.
  console.table(results);
  console.table(ratios);
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

const open = await openLoop(allReads, { base, tokens, jwtSecret, meter: load.meter, people: connections, rate: openRate, seconds: openSeconds });
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
  resultsFile,
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine,
      settings: { connections, durationSeconds: duration, database: 'PostgreSQL', apiPool: poolSize, scale, seededNow: !seeded.skipped, commit },
      data: counts,
      results,
      ratios,
      openLoop: open,
      statements: captured,
      registrationInvariant: invariant,
    },
    null,
    2,
  )}\n`,
);
console.log(`Results in ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
process.exit(invariant.holds ? 0 : 1);
