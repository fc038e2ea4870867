/**
 * Crash safety: a stream of writes (applications, nominations, registrations) goes through a
 * spawned API process that is killed with SIGKILL mid-stream and started again. Every write
 * that got a 2xx is present, every invariant holds, and the mail outbox delivers each message
 * at least once. PostgreSQL only: PGlite lives inside the API process and has no real fsync,
 * so killing the process proves nothing about it (and CI runs this on PostgreSQL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, events, quotaLines } from '@exchange/db';
import { createTestContext, readOutbox, type TestContext } from '../test/helper.js';
import { createFixtures, type Fixtures } from '../test/fixtures/security.js';
import { apiClient, freePort, waitForReady } from '../test/processes.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const students = 24;

let t: TestContext;
let f: Fixtures;
let dataDir: string;
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestContext();
  f = await createFixtures(t);
  dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-crash-'));
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function startApi(port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
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
  });
}

describe.skipIf(!onPostgres)('crash safety (PostgreSQL)', () => {
  it('keeps every acknowledged write and every invariant when the API is killed mid-stream', { timeout: 240_000 }, async () => {
    const port = await freePort();
    let api = startApi(port);
    await waitForReady(port);
    const { post, login } = apiClient(port, demoPassword);

    // The material: students with tokens, an open call, a small event, reviewed applications to nominate.
    const people = await Promise.all(Array.from({ length: students }, () => f.student('PSU')));
    const tokens = await Promise.all(people.map((person) => login(person.email)));
    const coordinator = await login('coordinator@psu.exchange.test');
    const call = await f.call('PSU');
    const event = await f.event('PSU');
    await t.database.db.update(events).set({ capacity: 8 }).where(eq(events.id, event.id));
    const reviewed = [];
    for (let i = 0; i < 12; i++) reviewed.push(await f.application((await f.student('PSU')).email, 'reviewed'));
    const line = await f.line('PSU', 'BUAS');
    await t.database.db
      .update(quotaLines)
      .set({ seats: line.used + 6 })
      .where(eq(quotaLines.id, line.id));

    // The stream: each write once, in a shuffled order, a few at a time; the kill comes mid-way.
    type Write = {
      kind: 'application' | 'registration' | 'nomination';
      run: () => Promise<{ status: number; body: { id?: string } | null }>;
    };
    const writes: Write[] = [
      ...tokens.map((token) => ({ kind: 'application' as const, run: () => post('/applications', token, { callId: call.id }) })),
      ...tokens.map((token) => ({ kind: 'registration' as const, run: () => post(`/events/${event.id}/registrations`, token) })),
      ...reviewed.map((made) => ({
        kind: 'nomination' as const,
        run: () => post('/nominations', coordinator, { applicationId: made.id, quotaId: made.lineId }),
      })),
    ].sort(() => Math.random() - 0.5);
    const acknowledged: { kind: Write['kind']; id: string }[] = [];
    let started = 0;
    const killAfter = Math.floor(writes.length / 2);
    let killed = false;
    const queue = [...writes];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (queue.length) {
          const write = queue.shift()!;
          if (++started === killAfter && !killed) {
            killed = true;
            api.kill('SIGKILL');
          }
          const answer = await write.run();
          if (answer.status >= 200 && answer.status < 300 && answer.body?.id) acknowledged.push({ kind: write.kind, id: answer.body.id });
        }
      }),
    );
    expect(killed).toBe(true);
    await new Promise((resolve) => (api.exitCode === null && api.signalCode === null ? api.on('exit', resolve) : resolve(null)));

    // Restart and check.
    api = startApi(port);
    try {
      await waitForReady(port);
      const rows = (query: string, params: unknown[] = []) => t.database.rows<Record<string, unknown>>(query, params);
      const table = { application: 'applications', registration: 'registrations', nomination: 'nominations' } as const;
      for (const write of acknowledged) {
        expect(await rows(`select 1 from ${table[write.kind]} where id = $1`, [write.id]), `${write.kind} ${write.id}`).toHaveLength(1);
      }
      expect(acknowledged.length).toBeGreaterThan(0);
      console.info(`crash (SIGKILL of the API): ${acknowledged.length} acknowledged writes checked`);

      expect(
        await rows(
          `select id from quota_lines q where used > seats or used <> (select count(*) from nominations n where n.quota_id = q.id and n.status in ('pending', 'approved'))`,
        ),
      ).toEqual([]);
      expect(
        await rows(
          `select id from events e where confirmed_count > capacity or confirmed_count <> (select count(*) from registrations r where r.event_id = e.id and r.status = 'confirmed')`,
        ),
      ).toEqual([]);
      expect(await rows(`select call_id, student_id from applications where status <> 'withdrawn' group by 1, 2 having count(*) > 1`)).toEqual([]);
      expect(await rows(`select event_id, user_id from registrations where status <> 'cancelled' group by 1, 2 having count(*) > 1`)).toEqual([]);

      // The restarted worker sends everything still due; each message reaches the outbox at least once.
      for (let attempt = 0; attempt < 150; attempt++) {
        const [due] = await rows(`select count(*)::int as n from mail_outbox where sent_at is null`);
        if (due!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await rows(`select count(*)::int as n from mail_outbox where sent_at is null`))[0]!.n).toBe(0);
      const outbox = await rows(`select to_address from mail_outbox`);
      const delivered = await readOutbox(dataDir);
      const sentTo = new Map<string, number>();
      for (const mail of delivered) sentTo.set(String(mail.to).replace(/.*<|>.*/g, ''), (sentTo.get(String(mail.to).replace(/.*<|>.*/g, '')) ?? 0) + 1);
      const owed = new Map<string, number>();
      for (const row of outbox) owed.set(String(row.to_address), (owed.get(String(row.to_address)) ?? 0) + 1);
      for (const [address, count] of owed) expect(sentTo.get(address) ?? 0, address).toBeGreaterThanOrEqual(count);
    } finally {
      api.kill('SIGTERM');
      await new Promise((resolve) => (api.exitCode === null && api.signalCode === null ? api.on('exit', resolve) : resolve(null)));
    }
  });
});
