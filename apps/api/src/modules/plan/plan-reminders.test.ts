/**
 * The plan's deadline reminders: the responsible institution's coordinators hear of a measure
 * PLAN_REMINDER_DAYS days ahead, in their language, once — by one instance or by two API
 * processes at once — and again after the deadline moves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, mailOutbox, notifications, planItems } from '@exchange/db';
import { localDateIn } from '@exchange/shared';
import { createTestContext, type TestContext } from '../../test/helper.js';
import { freePort, waitForReady } from '../../test/processes.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestContext;
let now = new Date('2026-07-10T04:00:00Z');
let admin = '';
let summer = { id: '', agreementId: '' };

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  admin = await t.login('admin@exchange.test');
  const [row] = await t.database.db.select().from(planItems).where(eq(planItems.deadline, '2026-07-31'));
  summer = { id: row!.id, agreementId: row!.agreementId };
}, 120_000);
afterAll(() => t?.close());

const remindersOf = (itemId: string) =>
  t.database.db
    .select({ userId: notifications.userId, params: notifications.params })
    .from(notifications)
    .where(and(eq(notifications.kind, 'plan.item_due'), sql`${notifications.params}->>'itemId' = ${itemId}`));

describe('plan reminders', () => {
  it('reminds the responsible coordinators 14 days ahead, in their language, once', async () => {
    // 10 July: the summer school (due 31 July) is 21 days away.
    expect((await t.app.planReminders.sendDue()).reminded).toBe(0);
    // 17 July, noon in Baoji: 14 days.
    now = new Date('2026-07-17T04:00:00Z');
    expect((await t.app.planReminders.sendDue()).reminded).toBe(1);
    expect(await t.app.planReminders.sendDue()).toEqual({ reminded: 0 });
    expect(await remindersOf(summer.id)).toHaveLength(1);
    // BRI's coordinator reads Chinese.
    const [mail] = await t.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.linkPath, `/agreements/${summer.agreementId}/plan/${summer.id}`));
    expect(mail).toMatchObject({ toAddress: 'coordinator@bri.exchange.test', locale: 'zh', subject: '措施计划：截止日期2026-07-31' });
    expect(mail!.body).toContain('铁道运输工程联合暑期学校');
  });

  it('reminds again once the deadline moves', async () => {
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${summer.agreementId}/plan/${summer.id}`,
      token: admin,
      payload: { deadline: '2026-08-20' },
    });
    expect(moved.statusCode).toBe(200);
    expect((await t.app.planReminders.sendDue()).reminded).toBe(0);
    now = new Date('2026-08-06T04:00:00Z');
    expect((await t.app.planReminders.sendDue()).reminded).toBe(1);
    const reminders = await remindersOf(summer.id);
    expect(reminders.map((row) => (row.params as { due: string }).due)).toEqual(['2026-07-31', '2026-08-20']);
    // A measure reported done is not reminded of.
    await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${summer.agreementId}/plan/${summer.id}`,
      token: admin,
      payload: { status: 'done', deadline: '2026-08-21' },
    });
    expect((await t.app.planReminders.sendDue()).reminded).toBe(0);
  });

  it.skipIf(!onPostgres)(
    'reminds once with two API processes running the reminders',
    async () => {
      // The processes run on the real clock: the deadline is moved next to Baoji's real today.
      const today = localDateIn(new Date(), 'Asia/Shanghai');
      await t.database.db
        .update(planItems)
        .set({ status: 'in_progress', deadline: sql`${today}::date + 3`, reminderSentAt: null })
        .where(eq(planItems.id, summer.id));
      // And the agreement ends in 20 days: its 30-day warning is due too.
      await t.database.db
        .update(agreements)
        .set({ validTo: sql`${today}::date + 20`, expiryNoticeDays: null, status: 'active' })
        .where(eq(agreements.id, summer.agreementId));
      const before = (await remindersOf(summer.id)).length;
      const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
      const dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-plan-reminders-'));
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
            PLAN_REMINDER_DAYS: '14',
            NODE_ENV: 'test',
          },
          stdio: 'ignore',
        }),
      );
      try {
        await Promise.all(ports.map(waitForReady));
        await new Promise((resolve) => setTimeout(resolve, 6000));
      } finally {
        for (const server of servers) server.kill('SIGTERM');
        await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode === null ? server.on('exit', resolve) : resolve(null)))));
        await rm(dataDir, { recursive: true, force: true });
      }
      // BRI has one active coordinator: one reminder, whichever process sent it.
      expect((await remindersOf(summer.id)).length - before).toBe(1);
      // One administrator in the demo data: one warning.
      const warnings = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'agreement.expiring'));
      expect(warnings.map((row) => (row.params as { days: string }).days)).toEqual(['20']);
    },
    180_000,
  );
});
