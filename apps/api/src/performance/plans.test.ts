/**
 * Plans of three hot reads over the medium data set (seed:large at a small scale) on
 * PostgreSQL: the partner's incoming nominees, the flows report and the public events list.
 * Each sends one statement besides the session's, reads its page through an index, keeps one
 * generic plan once prepared (no planning on every run), and never compiles with JIT: the API's
 * connections have JIT off, and the generic plans cost too little for JIT even where a pooler
 * dropped that setting. Past events are added in bulk to show the events list reads only what
 * is still to come.
 *
 * PostgreSQL only: plans, the plan cache and JIT of the embedded PGlite say nothing about
 * production.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, openDatabase, seedLargeData, type DatabaseHandle } from '@exchange/db';
import { createTestDatabase } from '@exchange/db/testing';
import { buildApp, type App } from '../app.js';
import { readNomineePage, readNomineePageJson, toNomineePage } from '../modules/nominations/nominee-page.repository.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const mediumScale = Number(process.env.PERF_TEST_SCALE || 0.1);
/** Events that have ended, added to the seeded ones: the list must not read them. */
const pastEvents = 20_000;

type Captured = { query: string; params: unknown[] };
type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Total Cost'?: number;
  Plans?: PlanNode[];
};
type Explained = { Plan: PlanNode; JIT?: unknown };

const largeTables = new Set(['users', 'applications', 'application_preferences', 'application_documents', 'nominations', 'events', 'registrations']);

/** Statements of the session (lookup, request counting): every signed-in request has them. */
const sessionStatement = /\b"?(sessions|rate_limit_counters)"?\b/;

describe.skipIf(!onPostgres)('plans of the nominee list, the flows report and the public events list', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let explainer: DatabaseHandle;
  let app: App;
  let dataDir: string;
  let capturing: Captured[] | null = null;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase({ onQuery: (query, params) => capturing?.push({ query, params }) });
    await seedLargeData(database.url!, { scale: mediumScale });
    explainer = openDatabase({ url: database.url!, poolSize: 1 });
    // Many ended events of the same centres, older than any seeded one.
    await explainer.rows(
      `insert into events (centre_id, title, description, starts_at, ends_at, time_zone, capacity, status)
       select (select id from centres order by id limit 1 offset (g % (select count(*) from centres))),
              '{"ru":"Прошло","zh":"已结束","en":"Past"}', '{"ru":"","zh":"","en":""}',
              now() - interval '3 years' + g * interval '1 hour', now() - interval '3 years' + g * interval '1 hour' + interval '2 hours',
              'UTC', 30, 'published'
         from generate_series(1, $1::int) g`,
      [pastEvents],
    );
    await explainer.rows('analyze events');
    dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-plans-'));
    app = await buildApp({
      config: { jwtSecret: randomBytes(32).toString('hex'), rateLimitMax: 1_000_000, logLevel: 'silent', dataDir, smtpUrl: undefined },
      database,
      closeDatabase: false,
      logger: false,
    });
  }, 240_000);

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

  /** The statements of one request, the session's left out. */
  async function capture(url: string, as?: string) {
    const headers = as ? { authorization: `Bearer ${await token(as)}` } : {};
    capturing = [];
    const response = await app.inject({ method: 'GET', url, headers });
    const statements = capturing.filter((statement) => !sessionStatement.test(statement.query));
    capturing = null;
    expect(response.statusCode, response.body).toBe(200);
    return { statements, body: response.json() };
  }

  const literal = (value: unknown) => (value === null || value === undefined ? 'null' : `'${String(value).replaceAll("'", "''")}'`);

  /**
   * The statement prepared and run ten times on one connection as the API runs it: how many
   * plans were custom and how many generic; then its generic plan, run under EXPLAIN ANALYZE
   * with JIT on as PostgreSQL's default has it.
   */
  async function planCache(statement: Captured) {
    for (let run = 0; run < 10; run++) await explainer.rows(statement.query, statement.params, { prepare: true });
    const [cached] = await explainer.rows<{ generic_plans: string; custom_plans: string }>(
      'select generic_plans, custom_plans from pg_prepared_statements where statement = $1 and not from_sql',
      [statement.query],
    );
    await explainer.rows('deallocate all');
    await explainer.rows(`prepare plan_check as ${statement.query}`);
    await explainer.rows('set plan_cache_mode = force_generic_plan');
    await explainer.rows('set jit = on');
    try {
      const [row] = await explainer.rows<{ 'QUERY PLAN': Explained[] | string }>(
        `explain (analyze, format json) execute plan_check${statement.params.length ? `(${statement.params.map(literal).join(', ')})` : ''}`,
      );
      const json = row!['QUERY PLAN'];
      const explained = (typeof json === 'string' ? JSON.parse(json) : json)[0] as Explained;
      return { generic: Number(cached?.generic_plans), custom: Number(cached?.custom_plans), explained };
    } finally {
      await explainer.rows('reset plan_cache_mode');
      await explainer.rows('set jit = off');
      await explainer.rows('deallocate all');
    }
  }

  const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
  const scansOf = (plan: PlanNode, table: string) => nodes(plan).filter((node) => node['Relation Name'] === table);
  const rowsRead = (node: PlanNode) => (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);

  async function expectStablePlan(statement: Captured) {
    const { generic, custom, explained } = await planCache(statement);
    // Five custom plans to learn the statement's cost, then the generic one for good.
    expect({ generic, custom }).toEqual({ generic: 5, custom: 5 });
    expect(explained.JIT, 'JIT compiled the generic plan').toBeUndefined();
    const sequential = nodes(explained.Plan).filter((node) => node['Node Type'] === 'Seq Scan' && largeTables.has(node['Relation Name']!));
    expect(sequential.map((node) => node['Relation Name'])).toEqual([]);
    return explained.Plan;
  }

  it("runs on connections with JIT off (the API's own handle)", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => database.rows<{ jit: string }>('show jit')));
    expect(answers.map((row) => row[0]!.jit)).toEqual(Array.from({ length: 10 }, () => 'off'));
  });

  it("the partner's incoming nominees: one statement, ~a page of nominations read, one generic plan, no JIT", async () => {
    const { statements, body } = await capture('/api/v1/nominations?direction=incoming&limit=50', 'coordinator@buas.exchange.test');
    expect(body.items).toHaveLength(50);
    expect(body.total).toBeGreaterThan(50);
    expect(statements).toHaveLength(1);
    // The limit and the first pages' offsets are part of the text, not parameters.
    expect(statements[0]!.query).toMatch(/limit 50 offset 0\b/);
    const plan = await expectStablePlan(statements[0]!);
    // The page: read in the index's order, about one page of nominations (the total is counted from the index alone).
    const reads = scansOf(plan, 'nominations');
    const pageRead = reads.find((node) => node['Index Name'] === 'nominations_receiving_created_idx');
    expect(pageRead, JSON.stringify(reads)).toBeDefined();
    expect(rowsRead(pageRead!)).toBeLessThanOrEqual(60);
    for (const read of reads.filter((node) => node !== pageRead)) expect(read['Node Type']).toBe('Index Only Scan');

    // A later page has a statement of its own, with the same plan shape.
    const second = await capture('/api/v1/nominations?direction=incoming&limit=50&offset=50', 'coordinator@buas.exchange.test');
    expect(second.statements[0]!.query).toMatch(/limit 50 offset 50\b/);
    expect(second.body.items.map((item: { id: string }) => item.id)).not.toContain(body.items[49].id);
  });

  it('writes the nominee page in PostgreSQL exactly as the rows mapped in the API: each side, withdrawn nominees too', async () => {
    const code = async (name: string) => (await explainer.rows<{ id: string }>('select id from institutions where code = $1', [name]))[0]!.id;
    const [buas, psu] = [await code('BUAS'), await code('PSU')];
    // A cancelled nominee, so the partner's withdrawn entry is compared as well.
    await explainer.rows(
      `update nominations set status = 'cancelled' where id = (select id from nominations where receiving_institution_id = $1 order by created_at desc, id limit 1)`,
      [buas],
    );
    const sides: [Parameters<typeof readNomineePage>[1], string | null][] = [
      [{ receivingInstitutionId: buas }, buas],
      [{ sendingInstitutionId: psu }, psu],
      [{ eitherInstitutionId: buas, status: 'cancelled' }, buas],
      [{}, null],
    ];
    for (const [filter, viewer] of sides) {
      const { rows, total } = await readNomineePage(database.db, filter, 50, 0);
      const written = JSON.parse(await readNomineePageJson(database.db, filter, viewer, 50, 0));
      expect(rows.length).toBeGreaterThan(0);
      expect(written).toEqual({ items: toNomineePage(rows, viewer), total, limit: 50, offset: 0 });
    }
  });

  it('the flows report: one statement besides the session, one generic plan, no JIT', async () => {
    const { statements, body } = await capture('/api/v1/reports/flows?academicYear=2025%2F2026', 'coordinator@bri.exchange.test');
    expect(body.directions.length).toBeGreaterThan(0);
    expect(body.directions.some((direction: { seats: number }) => direction.seats > 0)).toBe(true);
    expect(statements).toHaveLength(1);
    await expectStablePlan(statements[0]!);
  });

  it('the public events list: one statement, reads only the events not yet ended, however many are past', async () => {
    const { statements, body } = await capture('/api/v1/events?limit=50');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((item: { title: { en: string } }) => item.title.en !== 'Past')).toBe(true);
    expect(statements).toHaveLength(1);
    const [{ upcoming }] = (await explainer.rows<{ upcoming: number }>(
      `select count(*)::int as upcoming from events where status = 'published' and ends_at > now()`,
    )) as [{ upcoming: number }];
    expect(body.total).toBe(upcoming);
    // Each event of the page as the event's own read shapes it.
    for (const item of body.items.slice(0, 5)) {
      const alone = await app.inject({ method: 'GET', url: `/api/v1/events/${item.id}` });
      expect(item).toEqual(alone.json());
    }
    const plan = await expectStablePlan(statements[0]!);
    const reads = scansOf(plan, 'events');
    const candidates = nodes(plan).filter((node) => node['Index Name'] === 'events_status_ends_idx');
    expect(candidates.length, JSON.stringify(reads.map((node) => [node['Node Type'], node['Index Name']]))).toBeGreaterThan(0);
    // Every read of events together stays near the upcoming ones: none of the 20,000 past events.
    const read = reads.reduce((sum, node) => sum + rowsRead(node), 0);
    expect(read).toBeLessThanOrEqual(upcoming + 100);
    expect(upcoming).toBeLessThan(pastEvents / 10);
  });

  it('walking deep pages or odd page sizes adds no statement: each connection keeps a bounded set', async () => {
    const texts = async (urls: string[], as?: string) => {
      const seen = new Set<string>();
      for (const url of urls) for (const statement of (await capture(url, as)).statements) seen.add(statement.query);
      return seen;
    };
    const deep = Array.from({ length: 6 }, (_, i) => 1_000 + i * 13);
    expect(await texts(deep.map((offset) => `/api/v1/events?offset=${offset}`))).toHaveProperty('size', 1);
    expect(await texts([37, 38, 39].map((limit) => `/api/v1/events?limit=${limit}&offset=${limit}`))).toHaveProperty('size', 1);
    const nominees = await texts(
      deep.map((offset) => `/api/v1/nominations?direction=incoming&offset=${offset}`),
      'coordinator@buas.exchange.test',
    );
    // A page past the end also counts its total on its own: at most two texts, whatever the offset.
    expect(nominees.size).toBeLessThanOrEqual(2);
    expect(
      await texts(
        deep.map((offset) => `/api/v1/applications?offset=${offset}`),
        'coordinator@psu.exchange.test',
      ),
    ).toHaveProperty('size', 1);
  });
});
