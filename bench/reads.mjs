/**
 * The reads: each endpoint under load, and the same SQL statements sent straight through
 * postgres.js; the ratio of the two is what the HTTP layer costs.
 */
import path from 'node:path';
import { openDatabase } from '@exchange/db';

export function benchReads(reviewCall) {
  return [
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
}

/** The SQL of each read, captured from the same app built in this process. */
export async function captureStatements(reads, { root, databaseUrl, jwtSecret, dataDir, tokens }) {
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
  return captured;
}

export async function runReads(reads, { cannon, direct, perConnection }) {
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
  return { results, ratios };
}
