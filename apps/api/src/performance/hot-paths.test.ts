/**
 * The hot read paths over a medium data set (seed:large at a small scale) on PostgreSQL:
 * every statement a request sends is captured, counted (no N+1: a page of 50 costs the same
 * number of statements as a page of 5) and EXPLAINed (no sequential scan of a large table).
 * Speed itself is measured by `npm run bench`, never here.
 *
 * PostgreSQL only: plans on the embedded PGlite would say nothing about production.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, largeEmailDomain, openDatabase, seedLargeData, type DatabaseHandle } from '@exchange/db';
import { createTestDatabase } from '@exchange/db/testing';
import { buildApp, type App } from '../app.js';
import { largeTables, nodes, planTablePages, rowsReadFrom, type AnalyzedNode, type Captured, type PlanNode } from './plan-reading.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
/** 3,000 students, 6,000 applications, 10,000 registrations: seeded in a few seconds. */
const mediumScale = Number(process.env.PERF_TEST_SCALE || 0.1);

describe.skipIf(!onPostgres)('hot read paths over the medium data set', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let explainer: DatabaseHandle;
  let app: App;
  let dataDir: string;
  let capturing: Captured[] | null = null;
  const tokens = new Map<string, string>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase({ onQuery: (query, params) => capturing?.push({ query, params }) });
    await seedLargeData(database.url!, { scale: mediumScale });
    // One connection of its own, so a session setting holds for the EXPLAINs that follow it.
    explainer = openDatabase({ url: database.url!, poolSize: 1 });
    dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-perf-'));
    app = await buildApp({
      config: { jwtSecret: randomBytes(32).toString('hex'), rateLimitMax: 1_000_000, logLevel: 'silent', dataDir, smtpUrl: undefined },
      database,
      closeDatabase: false,
      logger: false,
    });
    const [student] = await explainer.rows<{ email: string }>(
      `select u.email from users u where u.email like $1 and u.status = 'active' and u.institution_id = (select id from institutions where code = 'PSU')
        and (select count(*) from applications a where a.student_id = u.id) >= 2 order by u.email limit 1`,
      [`%@${largeEmailDomain}`],
    );
    ids.studentEmail = student!.email;
    const [call] = await explainer.rows<{ id: string }>(
      `select c.id from calls c join institutions i on i.id = c.institution_id where i.code = 'PSU' and c.academic_year = '2027/2028'
        order by (select count(*) from applications a where a.call_id = c.id and a.status = 'submitted') desc limit 1`,
    );
    ids.callId = call!.id;
    const [event] = await explainer.rows<{ id: string }>(
      `select e.id from events e join centres c on c.id = e.centre_id join institutions i on i.id = c.institution_id
        where i.code = 'PSU' and e.status = 'published' order by e.confirmed_count desc limit 1`,
    );
    ids.eventId = event!.id;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await explainer?.close();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function token(email: string) {
    if (!tokens.has(email)) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: demoPassword } });
      expect(response.statusCode, response.body).toBe(200);
      tokens.set(email, response.json().token);
    }
    return tokens.get(email)!;
  }

  /** The statements one request sends, in order. */
  async function capture(request: { method?: 'GET' | 'POST'; url: string; as?: string; payload?: object }) {
    const headers = request.as ? { authorization: `Bearer ${await token(request.as)}` } : {};
    capturing = [];
    const response = await app.inject({
      method: request.method ?? 'GET',
      url: request.url,
      headers,
      ...(request.payload ? { payload: request.payload } : {}),
    });
    const statements = capturing;
    capturing = null;
    expect(response.statusCode, response.body).toBe(200);
    return { statements, body: response.json() };
  }

  async function plan(statement: Captured, seqscan: boolean): Promise<PlanNode> {
    await explainer.rows(`set enable_seqscan = ${seqscan ? 'on' : 'off'}`);
    const [row] = await explainer.rows<{ 'QUERY PLAN': { Plan: PlanNode }[] | string }>(`explain (format json) ${statement.query}`, statement.params);
    const json = row!['QUERY PLAN'];
    return (typeof json === 'string' ? JSON.parse(json) : json)[0]!.Plan;
  }

  /**
   * Sequential scans of large tables in the statements' plans: first as the planner chooses
   * on this data, then with sequential scans discouraged, where one that remains means no
   * index can serve the query at all (it would only get worse as the data grows).
   */
  async function sequentialScans(statements: Captured[]) {
    const sizes = new Map(
      (await explainer.rows<{ relname: string; relpages: number }>(`select relname, relpages from pg_class where relkind = 'r'`)).map((row) => [
        row.relname,
        Number(row.relpages),
      ]),
    );
    const found: string[] = [];
    for (const statement of statements) {
      if (!/^\s*(select|with)\b/i.test(statement.query)) continue;
      for (const seqscan of [true, false]) {
        for (const node of nodes(await plan(statement, seqscan))) {
          const table = node['Relation Name']!;
          // The planner rightly scans a table that is still small; with scans discouraged, any.
          const large = largeTables.has(table) && (!seqscan || (sizes.get(table) ?? 0) >= planTablePages);
          if (node['Node Type'] === 'Seq Scan' && large) {
            found.push(`${node['Relation Name']} (${seqscan ? 'chosen by the planner' : 'no usable index'}) in: ${statement.query.slice(0, 300)}`);
          }
        }
      }
    }
    await explainer.rows('set enable_seqscan = on');
    return [...new Set(found)];
  }

  const coordinator = (code: string) => `coordinator@${code}.exchange.test`;

  // Each hot path: the request at a page of 5 and at a page of 50, and its statement budget.
  const paths: { name: string; as?: () => string; url: (limit: number) => string; budget: number; method?: 'POST'; payload?: object }[] = [
    { name: "a student's own applications", as: () => ids.studentEmail!, url: (limit) => `/api/v1/applications?limit=${limit}`, budget: 6 },
    {
      name: "the coordinator's review list (call, status, sort by score, page)",
      as: () => coordinator('psu'),
      url: (limit) => `/api/v1/applications?callId=${ids.callId}&status=submitted&sort=score&order=desc&limit=${limit}&offset=${limit}`,
      budget: 6,
    },
    {
      name: "the coordinator's review list (every call, newest first)",
      as: () => coordinator('psu'),
      url: (limit) => `/api/v1/applications?limit=${limit}`,
      budget: 6,
    },
    {
      name: "the partner's incoming nominees",
      as: () => coordinator('buas'),
      url: (limit) => `/api/v1/nominations?direction=incoming&limit=${limit}`,
      budget: 6,
    },
    { name: 'the flows report', as: () => coordinator('bri'), url: () => '/api/v1/reports/flows?academicYear=2025%2F2026', budget: 5 },
    { name: 'the public events list', url: (limit) => `/api/v1/events?limit=${limit}`, budget: 3 },
    {
      name: "an event's registrants",
      as: () => coordinator('psu'),
      url: (limit) => `/api/v1/events/${ids.eventId}/registrations?limit=${limit}`,
      budget: 8,
    },
    { name: 'the session lookup (GET /me)', as: () => ids.studentEmail!, url: () => '/api/v1/me', budget: 4 },
  ];

  for (const hotPath of paths) {
    it(`${hotPath.name}: no N+1, no sequential scan of a large table`, async () => {
      const small = await capture({ url: hotPath.url(5), ...(hotPath.as ? { as: hotPath.as() } : {}) });
      const large = await capture({ url: hotPath.url(50), ...(hotPath.as ? { as: hotPath.as() } : {}) });
      // The longer page really is longer, or the comparison below would prove nothing.
      if (Array.isArray(large.body.items) && small.body.items.length === 5) expect(large.body.items.length).toBeGreaterThan(5);
      // A statement per row would make the longer page cost more statements.
      expect(large.statements.length, large.statements.map((s) => s.query.slice(0, 120)).join('\n')).toBe(small.statements.length);
      expect(large.statements.length).toBeLessThanOrEqual(hotPath.budget);
      expect(await sequentialScans(large.statements)).toEqual([]);
    });
  }

  /** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of a statement with its values, on the explainer's connection. */
  async function analyze(statement: Captured) {
    const [row] = await explainer.rows<{ 'QUERY PLAN': unknown }>(`explain (analyze, buffers, format json) ${statement.query}`, statement.params);
    const json = row!['QUERY PLAN'];
    return (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: AnalyzedNode; JIT?: unknown }];
  }

  /**
   * The three application lists: each page is one statement besides the session's (the page's
   * JSON, its total and its counts), found through the index of its filter and order, reading
   * about a page of rows whatever the call's size.
   */
  const applicationLists = [
    {
      name: "a student's own applications",
      as: () => ids.studentEmail!,
      url: () => '/api/v1/applications?limit=50',
      index: 'applications_student_idx',
      // A student has a few applications: all of them are read (and counted).
      maxRowsRead: 2 * 50,
    },
    {
      name: "a call's review list by score",
      as: () => coordinator('psu'),
      url: () => `/api/v1/applications?callId=${ids.callId}&status=submitted&sort=score&order=desc&limit=50`,
      index: 'applications_call_status_score_idx',
      // Over a call of a few dozen submissions the planner may rightly read them all and sort
      // them; over a large call (PERF_TEST_SCALE=1: some 600) it must read a page, in order.
      maxRowsRead: 2 * 50,
    },
    {
      name: 'the review list of all calls, newest first',
      as: () => coordinator('psu'),
      url: () => '/api/v1/applications?limit=50',
      index: 'applications_submitted_order_idx',
      // Newest first over every institution's applications, keeping the office's: a page
      // reads its rows and those of the other institutions between them (the seed has four
      // sending institutions).
      maxRowsRead: 50 * 8,
    },
  ];

  /** The statements a request sends beyond those of the session (what GET /me sends too). */
  async function ownStatements(request: { url: string; as: string }) {
    const session = new Set((await capture({ url: '/api/v1/me', as: request.as })).statements.map((statement) => statement.query));
    const { statements, body } = await capture(request);
    return { statements: statements.filter((statement) => !session.has(statement.query)), body };
  }

  for (const list of applicationLists) {
    it(`${list.name}: one statement besides the session, through ${list.index}, reading about a page`, async () => {
      const { statements, body } = await ownStatements({ url: list.url(), as: list.as() });
      expect(statements.map((statement) => statement.query.slice(0, 120))).toHaveLength(1);
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.total).toBeGreaterThanOrEqual(body.items.length);
      const [analyzed] = await analyze(statements[0]!);
      const used = nodes(analyzed.Plan).map((node) => node['Index Name']);
      expect(used).toContain(list.index);
      expect(rowsReadFrom(analyzed.Plan, 'applications')).toBeLessThanOrEqual(list.maxRowsRead);
      // The total comes from the counter table, not from counting the call's rows, except for a
      // student's own list (a handful of rows, counted).
      if (list.index !== 'applications_student_idx') expect(nodes(analyzed.Plan).map((node) => node['Relation Name'])).toContain('application_counts');
    });

    it(`${list.name}: a generic plan, kept after the sixth run, never JIT-compiled`, async () => {
      const { statements } = await ownStatements({ url: list.url(), as: list.as() });
      const statement = statements[0]!;
      const plans = async () => {
        const [row] = await explainer.rows<{ generic_plans: string; custom_plans: string }>(
          'select generic_plans, custom_plans from pg_prepared_statements where statement = $1',
          [statement.query],
        );
        return { generic: Number(row?.generic_plans ?? 0), custom: Number(row?.custom_plans ?? 0) };
      };
      // As the API's connections run it: a named statement, executed again and again.
      for (let run = 0; run < 8; run++) await explainer.rows(statement.query, statement.params, { prepare: true });
      const afterEight = await plans();
      for (let run = 0; run < 4; run++) await explainer.rows(statement.query, statement.params, { prepare: true });
      const afterTwelve = await plans();
      expect(afterEight.generic).toBeGreaterThan(0);
      expect(afterTwelve.generic).toBe(afterEight.generic + 4);
      expect(afterTwelve.custom).toBe(afterEight.custom);

      // JIT on as PostgreSQL ships it: neither the plan chosen for these values nor the generic
      // plan (its conditions name $1, not a value) costs enough to be compiled.
      await explainer.rows('set jit = on');
      try {
        const [chosen] = await analyze(statement);
        expect(Object.keys(chosen)).not.toContain('JIT');
        await explainer.rows(`prepare jit_check as ${statement.query}`);
        await explainer.rows('set plan_cache_mode = force_generic_plan');
        // The values as literals of unknown type: each takes the type PREPARE inferred for its slot.
        const values = statement.params.map((value) => `'${String(value).replace(/'/g, "''")}'`).join(', ');
        const [row] = await explainer.rows<{ 'QUERY PLAN': unknown }>(`explain (analyze, format json) execute jit_check${values ? `(${values})` : ''}`);
        const json = row!['QUERY PLAN'];
        const [generic] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: AnalyzedNode }];
        expect(JSON.stringify(generic.Plan)).toContain('$1');
        expect(Object.keys(generic)).not.toContain('JIT');
      } finally {
        await explainer.rows('deallocate jit_check').catch(() => {});
        await explainer.rows('reset plan_cache_mode');
        await explainer.rows('reset jit');
      }
    });
  }

  it('a login: a bounded number of statements, none scanning a large table', async () => {
    capturing = [];
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ids.studentEmail, password: demoPassword },
    });
    const statements = capturing;
    capturing = null;
    expect(response.statusCode).toBe(200);
    expect(statements.length).toBeLessThanOrEqual(8);
    expect(await sequentialScans(statements)).toEqual([]);
  });
});
