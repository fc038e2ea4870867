/**
 * The seat invariant under real concurrency. PGlite runs one statement at a time, so these
 * tests prove nothing there and run only on PostgreSQL (DATABASE_URL set, as in CI).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationPreferences, applications, callQuotas, calls, nominations, quotaLines, users } from '@exchange/db';
import { demoPassword } from '@exchange/db';
import { createTestContext, type TestContext } from '../../test/helper.js';
import { freePort, waitForReady } from '../../test/processes.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const contenders = 50;
const freeSeats = 5;

let t: TestContext;
let coordinator: string;
let lineId: string;
let psu: string;
let studentIds: string[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestContext();
  coordinator = await t.login('coordinator@psu.exchange.test');
  psu = await t.institutionId('PSU');
  const [line] = await t.database.db.select().from(quotaLines).where(eq(quotaLines.sendingInstitutionId, psu)).limit(1);
  lineId = line!.id;
  const [template] = await t.database.db.select().from(users).where(eq(users.email, 'student1@psu.exchange.test'));
  const created = await t.database.db
    .insert(users)
    .values(
      Array.from({ length: contenders }, (_, i) => ({
        email: `race${i}@psu.exchange.test`,
        fullName: `Race ${i}`,
        role: 'student' as const,
        institutionId: psu,
        status: 'active' as const,
        passwordHash: template!.passwordHash,
      })),
    )
    .returning({ id: users.id });
  studentIds = created.map((row) => row.id);
}, 120_000);
afterAll(() => t?.close());

/** A closed call offering the line, with `contenders` reviewed, eligible applications; the line gets 5 free seats. */
async function prepareRound(round: number) {
  const db = t.database.db;
  const [line] = await db.select().from(quotaLines).where(eq(quotaLines.id, lineId));
  await db
    .update(quotaLines)
    .set({ seats: line!.used + freeSeats })
    .where(eq(quotaLines.id, lineId));
  const [call] = await db
    .insert(calls)
    .values({
      institutionId: psu,
      title: { en: `Race ${round}`, ru: '', zh: '' },
      description: { en: '', ru: '', zh: '' },
      academicYear: line!.academicYear,
      mobilityType: line!.mobilityType,
      opensAt: new Date(Date.now() - 7200_000),
      closesAt: new Date(Date.now() - 3600_000),
      status: 'published',
    })
    .returning();
  await db.insert(callQuotas).values({ callId: call!.id, quotaId: lineId });
  const created = await db
    .insert(applications)
    .values(
      studentIds.map((studentId, i) => ({
        callId: call!.id,
        studentId,
        status: 'submitted' as const,
        motivation: 'x',
        gpa: 4,
        submittedAt: new Date(),
        reviewScore: 50 + i,
        reviewEligible: true,
        reviewedAt: new Date(),
      })),
    )
    .returning({ id: applications.id });
  await db.insert(applicationPreferences).values(created.map((row) => ({ applicationId: row.id, quotaId: lineId, rank: 1 })));
  return created.map((row) => row.id);
}

async function assertInvariant(round: number, statuses: number[]) {
  expect(
    statuses.filter((status) => status === 201),
    `round ${round}`,
  ).toHaveLength(freeSeats);
  expect(
    statuses.filter((status) => status === 409),
    `round ${round}`,
  ).toHaveLength(contenders - freeSeats);
  const [line] = await t.database.db.select().from(quotaLines).where(eq(quotaLines.id, lineId));
  const [{ holding } = { holding: -1 }] = await t.database.db
    .select({ holding: sql<number>`count(*)::int` })
    .from(nominations)
    .where(sql`${nominations.quotaId} = ${lineId} and ${nominations.status} in ('pending', 'approved')`);
  expect(line!.used).toBe(line!.seats);
  expect(holding).toBe(line!.used);
}

describe.skipIf(!onPostgres)('nominations under concurrency (PostgreSQL)', () => {
  it('gives exactly 5 of 50 simultaneous nominations the 5 free seats, 20 times over', async () => {
    for (let round = 1; round <= 20; round++) {
      const applicationIds = await prepareRound(round);
      const responses = await Promise.all(
        applicationIds.map((applicationId) =>
          t.request({ method: 'POST', url: '/api/v1/nominations', token: coordinator, payload: { applicationId, quotaId: lineId } }),
        ),
      );
      await assertInvariant(
        round,
        responses.map((response) => response.statusCode),
      );
    }
  }, 240_000);

  it('holds with two API processes on one database', async () => {
    const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-race-'));
    const ports = await Promise.all([freePort(), freePort()]);
    const servers: ChildProcess[] = ports.map((port) =>
      spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: apiRoot,
        env: {
          ...process.env,
          DATABASE_URL: t.database.url,
          API_PORT: String(port),
          JWT_SECRET: t.jwtSecret,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          RATE_LIMIT_MAX: '100000',
          NODE_ENV: 'test',
        },
        stdio: 'ignore',
      }),
    );
    try {
      await Promise.all(ports.map(waitForReady));
      const login = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinator@psu.exchange.test', password: demoPassword }),
      });
      const { token } = (await login.json()) as { token: string };
      for (let round = 21; round <= 25; round++) {
        const applicationIds = await prepareRound(round);
        const statuses = await Promise.all(
          applicationIds.map(async (applicationId, i) => {
            const response = await fetch(`http://127.0.0.1:${ports[i % 2]}/api/v1/nominations`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ applicationId, quotaId: lineId }),
            });
            return response.status;
          }),
        );
        await assertInvariant(round, statuses);
      }
    } finally {
      for (const server of servers) server.kill('SIGTERM');
      await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode === null ? server.on('exit', resolve) : resolve(null)))));
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
