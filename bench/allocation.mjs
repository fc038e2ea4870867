#!/usr/bin/env node
/**
 * Allocation time for 10,000 applicants with 5 preferences over 300 quota lines: the pure
 * function, and the dry-run endpoint on PostgreSQL (DATABASE_URL). Appends to bench/results.json (or the results file of BENCH_SCALE, see bench/root.mjs).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import {
  agreements,
  applicationPreferences,
  applications,
  callQuotas,
  calls,
  hashPassword,
  institutions,
  openDatabase,
  quotaLines,
  seedDemoData,
  users,
} from '@exchange/db';
import { allocate } from '@exchange/shared';
import { resultsFile } from './root.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const applicantCount = 10_000;
// Accounts of each run are its own, so the benchmark runs again on the same database.
const runId = Date.now().toString(36);
const lineCount = 300;
const preferenceCount = 5;

// A deterministic pseudo-random source, so every run measures the same input.
let state = 42;
const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

function syntheticInput() {
  const lineIds = Array.from({ length: lineCount }, (_, i) => `line-${i}`);
  const freeSeats = Object.fromEntries(lineIds.map((id) => [id, 1 + Math.floor(random() * 40)]));
  const applicants = Array.from({ length: applicantCount }, (_, i) => {
    const preferences = new Set();
    while (preferences.size < preferenceCount) preferences.add(lineIds[Math.floor(random() ** 2 * lineCount)]);
    return {
      id: `a-${i}`,
      score: Math.round(random() * 1000) / 10,
      gpa: Math.round((3 + random() * 2) * 100) / 100,
      submittedAt: new Date(Date.UTC(2026, 2, 1) + Math.floor(random() * 30 * 86_400_000)).toISOString(),
      preferences: [...preferences],
    };
  });
  return { applicants, freeSeats };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// ——— the pure function ———
const input = syntheticInput();
allocate(input); // warm-up
const pureRuns = [];
for (let run = 0; run < 15; run++) {
  const started = performance.now();
  allocate(input);
  pureRuns.push(performance.now() - started);
}
const pure = { runs: pureRuns.length, medianMs: Number(median(pureRuns).toFixed(1)), minMs: Number(Math.min(...pureRuns).toFixed(1)) };
console.log(
  `allocate(): ${applicantCount} applicants × ${preferenceCount} preferences over ${lineCount} lines — median ${pure.medianMs} ms (min ${pure.minMs} ms, ${pure.runs} runs)`,
);

// ——— the dry-run endpoint on PostgreSQL ———
let endpoint = null;
if (process.env.DATABASE_URL) {
  const database = openDatabase({ url: process.env.DATABASE_URL, poolSize: 4 });
  await database.migrate();
  await seedDemoData(database.db);
  const db = database.db;
  const [psu] = await db.select().from(institutions).where(eq(institutions.code, 'PSU'));
  const [buas] = await db.select().from(institutions).where(eq(institutions.code, 'BUAS'));
  const [agreement] = await db.select().from(agreements).limit(1);
  const lines = await db
    .insert(quotaLines)
    .values(
      Array.from({ length: lineCount }, () => ({
        agreementId: agreement.id,
        sendingInstitutionId: psu.id,
        receivingInstitutionId: buas.id,
        academicYear: '2030/2031',
        mobilityType: 'semester',
        eqfLevels: [6],
        seats: 1 + Math.floor(random() * 40),
      })),
    )
    .returning({ id: quotaLines.id });
  const [call] = await db
    .insert(calls)
    .values({
      institutionId: psu.id,
      title: { en: 'Benchmark call', ru: '', zh: '' },
      description: { en: '', ru: '', zh: '' },
      academicYear: '2030/2031',
      mobilityType: 'semester',
      opensAt: new Date(Date.now() - 2 * 86_400_000),
      closesAt: new Date(Date.now() - 86_400_000),
      maxPreferences: 5,
      status: 'published',
    })
    .returning();
  await db.insert(callQuotas).values(lines.map((line) => ({ callId: call.id, quotaId: line.id })));
  const passwordHash = await hashPassword('Bench-Password-2026');
  process.stdout.write('Writing 10,000 applicants…');
  for (let offset = 0; offset < applicantCount; offset += 1000) {
    const students = await db
      .insert(users)
      .values(
        Array.from({ length: 1000 }, (_, i) => ({
          email: `alloc${offset + i}.${runId}@bench.exchange.test`,
          fullName: `Applicant ${offset + i}`,
          role: 'student',
          institutionId: psu.id,
          status: 'active',
          passwordHash,
        })),
      )
      .returning({ id: users.id });
    const created = await db
      .insert(applications)
      .values(
        students.map((student, i) => ({
          callId: call.id,
          studentId: student.id,
          status: 'submitted',
          motivation: 'x',
          gpa: input.applicants[offset + i].gpa,
          submittedAt: new Date(input.applicants[offset + i].submittedAt),
          reviewScore: input.applicants[offset + i].score,
          reviewEligible: true,
          reviewedAt: new Date(),
        })),
      )
      .returning({ id: applications.id });
    const preferences = created.flatMap((application, i) =>
      input.applicants[offset + i].preferences.map((lineKey, rank) => ({
        applicationId: application.id,
        quotaId: lines[Number(lineKey.slice(5))].id,
        rank: rank + 1,
      })),
    );
    await db.insert(applicationPreferences).values(preferences);
    process.stdout.write('.');
  }
  console.log(' done');
  await database.close();

  const port = await new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port: chosen } = server.address();
      server.close(() => resolve(chosen));
    });
  });
  const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/server.js')], {
    env: {
      ...process.env,
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(os.tmpdir(), `exchange-bench-${port}`),
      RATE_LIMIT_MAX: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${base}/api/v1/ready`)).ok) break;
    } catch {
      // starting
    }
    if (attempt > 200) throw new Error('API did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { token } = await (
    await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@psu.exchange.test', password: 'Exchange-Demo-2026!' }),
    })
  ).json();
  const runs = [];
  let placed = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/calls/${call.id}/allocation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.json();
    runs.push(performance.now() - started);
    if (!response.ok) throw new Error(`dry run failed: ${response.status} ${JSON.stringify(body)}`);
    placed = body.outcomes.filter((outcome) => outcome.placed).length;
  }
  api.kill('SIGTERM');
  await new Promise((resolve) => api.on('exit', resolve));
  endpoint = { runs: runs.length, medianMs: Math.round(median(runs)), minMs: Math.round(Math.min(...runs)), placed };
  console.log(
    `POST /calls/:id/allocation (dry run, PostgreSQL, reasons in 3 languages): median ${endpoint.medianMs} ms (min ${endpoint.minMs} ms, ${endpoint.runs} runs; ${placed} placed)`,
  );
}

const file = resultsFile;
const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
results.allocation = {
  measuredAt: new Date().toISOString(),
  applicants: applicantCount,
  lines: lineCount,
  preferences: preferenceCount,
  pureFunction: pure,
  dryRunEndpoint: endpoint,
};
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
