/**
 * The reads: each endpoint under load, and every statement its request sends (the session
 * statement too) sent straight through postgres.js; the ratio of the two is what the HTTP layer
 * costs. `key` names a read in the open-loop mix (bench/open-loop.mjs).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { personHeaders } from './load.mjs';
import { db } from './root.mjs';

export function benchReads(reviewCall) {
  return [
    { key: 'health', name: 'health (bare)', path: '/api/v1/health', as: 'anonymous', direct: false },
    { key: 'me', name: 'signed-in no-op (GET /me)', path: '/api/v1/me', as: 'student' },
    { key: 'own', name: "student's own applications", path: '/api/v1/applications', as: 'student' },
    {
      key: 'reviewCall',
      name: 'review list (call+status, by score, page 50)',
      path: `/api/v1/applications?callId=${reviewCall.id}&status=submitted&sort=score&order=desc&limit=50`,
      as: 'psu',
    },
    { key: 'reviewAll', name: 'review list (all calls, newest, page 50)', path: '/api/v1/applications?limit=50', as: 'psu' },
    { key: 'nominees', name: "partner's incoming nominees (page 50)", path: '/api/v1/nominations?direction=incoming&limit=50', as: 'buas' },
    { key: 'flows', name: 'flows report', path: '/api/v1/reports/flows?academicYear=2025%2F2026', as: 'psu' },
    { key: 'events', name: 'public events list (page 50)', path: '/api/v1/events?limit=50', as: 'anonymous' },
  ];
}

const isWrite = (query) => /\b(insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\b/i.test(query);

/**
 * The SQL of each read, captured from the same build in this process: every statement the
 * request sends, for each of the `people` the load plays (their session statements differ).
 * A read the build answers with anything but 200 (an older build without that route) is skipped.
 */
export async function captureStatements(reads, { apiRoot, databaseUrl, jwtSecret, dataDir, tokens, people }) {
  const captured = [];
  let capturing = null;
  const capturingDb = db.openDatabase({ url: databaseUrl, poolSize: 2, onQuery: (query, params) => capturing?.push({ query, params }) });
  const { buildApp } = await import(pathToFileURL(path.join(apiRoot, 'apps/api/dist/app.js')).href);
  const inProcess = await buildApp({
    config: { jwtSecret, rateLimitMax: 100_000_000, logLevel: 'silent', dataDir, smtpUrl: undefined },
    database: capturingDb,
    closeDatabase: false,
    logger: false,
  });
  for (const read of reads) {
    if (read.direct === false) continue;
    read.captures = [];
    for (let n = 0; n < people; n++) {
      capturing = [];
      const response = await inProcess.inject({ method: 'GET', url: read.path, headers: personHeaders({ tokens, jwtSecret }, read.as, n) });
      if (response.statusCode !== 200) {
        console.log(`${read.name}: ${response.statusCode} from this build, skipped`);
        read.skipped = response.statusCode;
        break;
      }
      read.captures.push(capturing);
    }
    capturing = null;
    if (read.skipped) continue;
    read.statements = read.captures[0];
    captured.push({
      scenario: read.name,
      statements: read.statements.length,
      writes: read.statements.filter((statement) => isWrite(statement.query)).length,
      queries: read.statements.map((statement) => statement.query.replace(/\s+/g, ' ').slice(0, 160)),
    });
  }
  await inProcess.close();
  await capturingDb.close();
  return captured;
}

export async function runReads(reads, { cannon, direct, perConnection }) {
  const results = [];
  const ratios = [];
  let health;
  for (const read of reads) {
    if (read.skipped) continue;
    process.stdout.write(`${read.name}… `);
    const http = { key: read.key, ...(await cannon(read.name, [{ method: 'GET', path: read.path, setupRequest: perConnection(read.as) }])) };
    if (read.key === 'health') health = http;
    // The ratio of this read's requests/s to the bare /health route's, measured in the same run.
    if (health) http.vsHealth = Number((http.requestsPerSecond / health.requestsPerSecond).toFixed(3));
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
    console.log(
      `${http.requestsPerSecond} req/s, p99 ${http.p99Ms} ms, API ${http.apiCpuMsPerRequest} + PostgreSQL ${http.postgresCpuMsPerRequest} ms CPU/request, idle ${http.idleShare}`,
    );
  }
  return { results, ratios };
}
