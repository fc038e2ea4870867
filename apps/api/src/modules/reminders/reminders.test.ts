/**
 * Checklist reminders: the owner side hears of a step a few days before it is due, both offices
 * once it is overdue, each exactly once — by one instance or by two API processes at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mailOutbox, mobilityChecklistItems, notifications } from '@exchange/db';
import { localDateIn } from '@exchange/shared';
import { nominationsFixture } from '../../test/fixtures/nominations.js';
import { freePort, waitForReady } from '../../test/processes.js';

const { f } = nominationsFixture();
const onPostgres = Boolean(process.env.DATABASE_URL);
const studentEmail = 'student1@psu.exchange.test';

/** Nominated, approved and admitted by BUAS for 1 September – 20 December 2026. */
async function admittedMobility(applicant: string, quotaId: string, host: 'buas' | 'bri') {
  const { t, tokens } = f;
  const created = (
    await t.request({ method: 'POST', url: '/api/v1/nominations', token: tokens.psu, payload: { applicationId: f.ids[applicant], quotaId } })
  ).json();
  await t.request({ method: 'POST', url: `/api/v1/nominations/${created.id}/approve`, token: tokens[host], payload: { proposalId: created.proposalId } });
  const incoming = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming&limit=100', token: tokens[host] })).json().items;
  // The demo data has mobilities of its own: this one is the nomination's.
  const mobility = incoming.find((item: { nominationId: string }) => item.nominationId === created.id);
  const admitted = await t.request({
    method: 'POST',
    url: `/api/v1/mobilities/${mobility.id}/admission`,
    token: tokens[host],
    payload: { plannedStart: '2026-09-01', plannedEnd: '2026-12-20', programme: 'Chinese language' },
  });
  expect(admitted.statusCode).toBe(200);
  return admitted.json() as { id: string; checklist: { id: string; key: string; dueOn: string | null }[] };
}

const noticesOf = (kind: string, mobilityId: string) =>
  f.t.database.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), sql`${notifications.params}->>'mobilityId' = ${mobilityId}`));

describe('checklist reminders', () => {
  let mobilityId = '';

  it('reminds the owner three days ahead and both offices once a step is overdue, once each', async () => {
    const { t } = f;
    // Noon in Baoji on 16 August: the visa (due 18 August) is near, the host's own steps (due 18 June) are late.
    f.now = new Date('2026-08-16T04:00:00Z');
    const mobility = await admittedMobility(studentEmail, f.toBuas, 'buas');
    mobilityId = mobility.id;
    // The demo data's mobilities are announced in the same rounds: counted here are this one's notices.
    await t.app.reminders.sendDue();
    expect(await t.app.reminders.sendDue()).toEqual({ reminded: 0, overdue: 0 });

    const due = await noticesOf('mobility.step_due', mobilityId);
    const studentId = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${mobilityId}`, token: f.tokens.psu })).json().studentId;
    expect(due.map((row) => row.userId)).toEqual([studentId]);
    // The admission notice and the JW202 form, to the coordinators of PSU and BUAS (one each in the demo data).
    expect(await noticesOf('mobility.step_overdue', mobilityId)).toHaveLength(4);

    // The student's reminder goes out by mail in Russian, the student's language.
    const [mail] = await t.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.linkPath, `/mobilities/${mobilityId}`), sql`${mailOutbox.subject} LIKE 'Срок до %'`));
    expect(mail?.subject).toBe('Срок до 2026-08-18: Учебная виза X1/X2');
    expect(mail?.body).toContain('Учебная виза X1/X2');
  });

  it('reminds of the next step when its day comes, and never of a step waived', async () => {
    const { t } = f;
    const visa = (
      await t.database.db
        .select()
        .from(mobilityChecklistItems)
        .where(and(eq(mobilityChecklistItems.mobilityId, mobilityId), eq(mobilityChecklistItems.key, 'visa')))
    )[0]!;
    await t.database.db
      .update(mobilityChecklistItems)
      .set({ status: 'waived', note: 'Already holds a valid visa', remindedAt: null, overdueNotifiedAt: null })
      .where(eq(mobilityChecklistItems.id, visa.id));
    // 23 August: insurance is due on the 25th; the visa, waived, is past due but not overdue.
    f.now = new Date('2026-08-23T04:00:00Z');
    await t.app.reminders.sendDue();
    const due = await noticesOf('mobility.step_due', mobilityId);
    expect(due).toHaveLength(2);
    expect(await noticesOf('mobility.step_overdue', mobilityId)).toHaveLength(4);
  });

  it.skipIf(!onPostgres)(
    'announces each step once with two API processes running the reminders',
    async () => {
      const { t } = f;
      // The processes run on the real clock: due dates are moved next to the host's real today.
      const mobility = await admittedMobility('student2@psu.exchange.test', f.toBri, 'bri');
      const today = localDateIn(new Date(), 'Asia/Shanghai');
      const shift = (days: number) => sql`${today}::date + ${days}::int`;
      await t.database.db
        .update(mobilityChecklistItems)
        .set({ dueOn: shift(100) })
        .where(eq(mobilityChecklistItems.mobilityId, mobility.id));
      await t.database.db
        .update(mobilityChecklistItems)
        .set({ dueOn: shift(1) })
        .where(and(eq(mobilityChecklistItems.mobilityId, mobility.id), eq(mobilityChecklistItems.key, 'visa')));
      await t.database.db
        .update(mobilityChecklistItems)
        .set({ dueOn: shift(-2) })
        .where(and(eq(mobilityChecklistItems.mobilityId, mobility.id), eq(mobilityChecklistItems.key, 'jw202')));

      const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
      const dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-reminders-'));
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
            REMINDER_INTERVAL_SECONDS: '1',
            NODE_ENV: 'test',
          },
          stdio: 'ignore',
        }),
      );
      try {
        await Promise.all(ports.map(waitForReady));
        // Several rounds of each process.
        await new Promise((resolve) => setTimeout(resolve, 6000));
      } finally {
        for (const server of servers) server.kill('SIGTERM');
        await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode === null ? server.on('exit', resolve) : resolve(null)))));
        await rm(dataDir, { recursive: true, force: true });
      }
      expect(await noticesOf('mobility.step_due', mobility.id)).toHaveLength(1);
      // JW202: the coordinators of PSU and BRI, one each.
      expect(await noticesOf('mobility.step_overdue', mobility.id)).toHaveLength(2);
    },
    180_000,
  );
});
