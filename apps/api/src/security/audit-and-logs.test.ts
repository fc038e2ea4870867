/**
 * The audit log cannot be changed or emptied by the application's database role, and the
 * API's log output never carries a passport number, whatever the requests that touch one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, demoPassword, seedDemoData, users } from '@exchange/db';
import { createTestDatabase } from '@exchange/db/testing';
import type { InjectOptions } from 'fastify';
import { buildApp, loggerOptions, type App } from '../app.js';

const seededPassport = '56 01 482130';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: App;
let dataDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-logs-'));
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    config: { jwtSecret: randomBytes(32).toString('hex'), rateLimitMax: 10_000, logLevel: 'trace', dataDir, smtpUrl: undefined },
    database,
    closeDatabase: false,
    // The production logger's settings, at the most talkative level, into a buffer.
    logger: { ...loggerOptions('trace'), stream },
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit entries', async () => {
    const before = await database.rows<{ n: number }>('select count(*)::int as n from audit_entries');
    expect(before[0]!.n).toBeGreaterThanOrEqual(0);
    await database.rows(`insert into audit_entries (action, entity_type) values ('test.append', 'test')`);
    await expect(database.rows(`update audit_entries set action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(database.rows(`delete from audit_entries`)).rejects.toThrow(/append-only/);
    await expect(database.rows(`truncate audit_entries`)).rejects.toThrow(/append-only/);
    const after = await database.rows<{ n: number; forged: number }>(
      `select count(*)::int as n, count(*) filter (where action = 'forged')::int as forged from audit_entries`,
    );
    expect(after[0]).toEqual({ n: before[0]!.n + 1, forged: 0 });
  });
});

describe('logs', () => {
  it('never carry a passport number', async () => {
    const inject = (options: InjectOptions) => app.inject(options);
    const login = async (email: string) =>
      (await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: demoPassword } })).json().token as string;
    const home = await login('coordinator@psu.exchange.test');
    const partner = await login('coordinator@buas.exchange.test');
    const student = await login('student1@psu.exchange.test');
    const [owner] = await database.db.select().from(users).where(eq(users.email, 'student1@psu.exchange.test'));
    const [nominated] = await database.db.select().from(applications).where(eq(applications.passportNumber, seededPassport));
    expect(nominated, 'the seeded passport number').toBeDefined();
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });

    const responses = [
      await inject({ method: 'GET', url: `/api/v1/applications/${nominated!.id}`, headers: auth(home) }),
      await inject({ method: 'GET', url: `/api/v1/applications?q=${encodeURIComponent(seededPassport)}`, headers: auth(home) }),
      await inject({ method: 'GET', url: '/api/v1/applications/export.csv', headers: auth(home) }),
      await inject({ method: 'GET', url: '/api/v1/applications/export.xlsx', headers: auth(home) }),
      await inject({ method: 'GET', url: '/api/v1/nominations?limit=100', headers: auth(home) }),
      await inject({ method: 'GET', url: '/api/v1/nominations?direction=incoming&limit=100', headers: auth(partner) }),
      await inject({ method: 'GET', url: '/api/v1/nominations/export.csv', headers: auth(home) }),
      await inject({ method: 'GET', url: '/api/v1/audit?limit=100', headers: auth(home) }),
    ];
    // A draft of the same student: typing the passport number in, then refused variants of it.
    const drafts = await inject({ method: 'GET', url: '/api/v1/applications?status=draft', headers: auth(student) });
    const draftId = drafts.json().items.find((item: { studentId: string }) => item.studentId === owner!.id)?.id as string;
    responses.push(
      await inject({
        method: 'PATCH',
        url: `/api/v1/applications/${draftId}`,
        headers: auth(student),
        payload: { passportNumber: seededPassport },
      }),
      await inject({
        method: 'PATCH',
        url: `/api/v1/applications/${draftId}`,
        headers: auth(student),
        payload: { passportNumber: `${seededPassport}${'9'.repeat(40)}` },
      }),
      await inject({
        method: 'PATCH',
        url: `/api/v1/applications/${draftId}`,
        headers: auth(student),
        payload: { passportNumber: seededPassport, unknown: seededPassport },
      }),
      await inject({
        method: 'PATCH',
        url: `/api/v1/applications/${draftId}`,
        headers: { ...auth(student), 'content-type': 'application/json' },
        payload: `{"passportNumber":"${seededPassport}"`,
      }),
      await inject({
        method: 'PATCH',
        url: `/api/v1/applications/${draftId}?passport=${encodeURIComponent(seededPassport)}`,
        headers: auth(student),
        payload: { passportNumber: seededPassport },
      }),
      await inject({ method: 'GET', url: `/api/v1/applications/${draftId}`, headers: auth(student) }),
      await inject({
        method: 'PATCH',
        url: `/api/v1/applications/${draftId}`,
        headers: { authorization: `Bearer ${seededPassport}` },
        payload: { passportNumber: seededPassport },
      }),
    );
    expect(responses.some((response) => response.body.includes(seededPassport))).toBe(true);
    expect(responses.every((response) => response.statusCode < 500)).toBe(true);

    const output = logLines.join('');
    expect(logLines.length).toBeGreaterThan(20);
    expect(output).not.toContain(seededPassport);
    expect(output).not.toContain(seededPassport.replace(/ /g, ''));
    expect(output).not.toContain(encodeURIComponent(seededPassport));
  });
});
