/**
 * Crash safety of the database itself: PostgreSQL is stopped with `pg_ctl -m immediate` (no
 * checkpoint, as in a power cut) in the middle of a stream of writes through the API, then
 * started again. Every write that got a 2xx survives, the invariants hold, and the API process
 * lives through the outage and serves again without a restart. It needs a server of its own to stop, so it starts one from
 * Debian's PostgreSQL 15 binaries; it runs in the PostgreSQL pass of CI (DATABASE_URL set).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, events } from '@exchange/db';
import { createTestContext, type TestContext } from '../test/helper.js';
import { apiClient, freePort, waitForReady } from '../test/processes.js';
import { createFixtures, type Fixtures } from '../test/fixtures/security.js';

const bin = '/usr/lib/postgresql/15/bin';
const runnable = Boolean(process.env.DATABASE_URL) && existsSync(`${bin}/pg_ctl`);
const asRoot = process.getuid?.() === 0;

let cluster: string;
let port: number;
let t: TestContext;
let f: Fixtures;
let dataDir: string;

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
function pg(tool: string, args: string[]) {
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', `${bin}/${tool}`, ...args]] : [`${bin}/${tool}`, args];
  execFileSync(command, commandArgs, { stdio: 'ignore' });
}
const isRunning = () => {
  try {
    pg('pg_ctl', ['-D', `${cluster}/data`, 'status']);
    return true;
  } catch {
    return false;
  }
};
const start = () =>
  pg('pg_ctl', [
    '-D',
    `${cluster}/data`,
    '-l',
    `${cluster}/server.log`,
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${cluster} -c fsync=on`,
    'start',
  ]);

beforeAll(async () => {
  if (!runnable) return;
  cluster = await mkdtemp(path.join(tmpdir(), 'exchange-pg-crash-'));
  if (asRoot) chownSync(cluster, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  port = await freePort();
  pg('initdb', ['-D', `${cluster}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  start();
  t = await createTestContext({ serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres` });
  f = await createFixtures(t);
  dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-pg-crash-data-'));
}, 180_000);

afterAll(async () => {
  if (!runnable) return;
  await t?.close().catch(() => {});
  try {
    pg('pg_ctl', ['-D', `${cluster}/data`, '-m', 'fast', '-w', 'stop']);
  } catch {
    // already stopped
  }
  await rm(cluster, { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!runnable)('crash safety of PostgreSQL itself', () => {
  it('keeps every acknowledged write when PostgreSQL stops immediately mid-stream, and serves again', { timeout: 240_000 }, async () => {
    const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const apiPort = await freePort();
    const startApi = (): ChildProcess =>
      spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: apiRoot,
        env: {
          ...process.env,
          DATABASE_URL: t.database.url,
          API_PORT: String(apiPort),
          JWT_SECRET: t.jwtSecret,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          RATE_LIMIT_MAX: '100000',
          NODE_ENV: 'test',
        },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const api = startApi();
    let apiOutput = '';
    api.stdout?.on('data', (chunk: Buffer) => (apiOutput += chunk.toString()));
    try {
      await waitForReady(apiPort);
      const { post, login } = apiClient(apiPort, demoPassword);

      const people = await Promise.all(Array.from({ length: 30 }, () => f.student('PSU')));
      const tokens = await Promise.all(people.map((person) => login(person.email)));
      const call = await f.call('PSU');
      const event = await f.event('PSU');
      await t.database.db.update(events).set({ capacity: 10 }).where(eq(events.id, event.id));

      const writes = [
        ...tokens.map((token) => ({ table: 'applications', run: () => post('/applications', token, { callId: call.id }) })),
        ...tokens.map((token) => ({ table: 'registrations', run: () => post(`/events/${event.id}/registrations`, token) })),
      ].sort(() => Math.random() - 0.5);
      const acknowledged: { table: string; id: string }[] = [];
      let refused = 0;
      let done = 0;
      let crashed = false;
      let restarted: Promise<unknown> = Promise.resolve();
      const startQuietly = () => {
        try {
          start();
        } catch {
          // `pg_ctl start` can fail while the stopped server is still going away; tried again below.
        }
      };
      const queue = [...writes];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (queue.length) {
            const write = queue.shift()!;
            if (++done === Math.floor(writes.length / 3) && !crashed) {
              crashed = true;
              pg('pg_ctl', ['-D', `${cluster}/data`, '-m', 'immediate', '-w', 'stop']);
              // The stream goes on against a dead database for a moment, then it comes back.
              restarted = new Promise((resolve) => setTimeout(() => resolve(startQuietly()), 1500));
            }
            const answer = await write.run();
            if (answer.status >= 200 && answer.status < 300 && answer.body?.id) acknowledged.push({ table: write.table, id: answer.body.id });
            else refused++;
          }
        }),
      );
      expect(crashed).toBe(true);
      await restarted;
      if (!isRunning()) startQuietly();
      // The same process serves again once the database is back: no supervisor needed.
      expect({ exitCode: api.exitCode, signal: api.signalCode, log: api.exitCode === null ? '' : apiOutput.slice(-2000) }).toEqual({
        exitCode: null,
        signal: null,
        log: '',
      });
      await waitForReady(apiPort);
      const faults = apiOutput.split('\n').filter((line) => line.includes('driver fault')).length;
      // The API serves again once the database is back.
      const again = await post('/applications', tokens[0]!, { callId: call.id });
      expect([201, 409]).toContain(again.status);

      const rows = (query: string, params: unknown[] = []) => t.database.rows<Record<string, unknown>>(query, params);
      for (const write of acknowledged) {
        expect(await rows(`select 1 from ${write.table} where id = $1`, [write.id]), `${write.table} ${write.id}`).toHaveLength(1);
      }
      expect(acknowledged.length).toBeGreaterThan(0);
      console.info(
        `crash (PostgreSQL stopped immediately): ${acknowledged.length} acknowledged writes checked, ${refused} not acknowledged; ${faults} driver faults survived`,
      );
      expect(
        await rows(
          `select id from events e where confirmed_count > capacity or confirmed_count <> (select count(*) from registrations r where r.event_id = e.id and r.status = 'confirmed')`,
        ),
      ).toEqual([]);
      expect(await rows(`select call_id, student_id from applications where status <> 'withdrawn' group by 1, 2 having count(*) > 1`)).toEqual([]);
    } finally {
      api.kill('SIGTERM');
      await new Promise((resolve) => (api.exitCode === null && api.signalCode === null ? api.on('exit', resolve) : resolve(null)));
    }
  });
});
