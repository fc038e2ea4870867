/**
 * The PostgreSQL client: statements prepared by name unless the URL says `prepare=false`
 * (PgBouncer before 1.21), and a pool that can be replaced while queries keep working.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';
import { createTestDatabase } from './testing.js';

let database: (DatabaseHandle & { url: string | undefined }) | undefined;
beforeAll(async () => {
  if (process.env.DATABASE_URL) database = await createTestDatabase({ poolSize: 1 });
});
afterAll(() => database?.close());

const preparedCount = async (handle: DatabaseHandle) =>
  (await handle.rows<{ n: number }>(`select count(*)::int as n from pg_prepared_statements where statement like '%as one%'`))[0]!.n;

describe.skipIf(!process.env.DATABASE_URL)('the PostgreSQL client', () => {
  it('prepares drizzle statements by name, and not when the URL says prepare=false', async () => {
    const named = openDatabase({ url: database!.url, poolSize: 1 });
    const unnamed = openDatabase({ url: `${database!.url}?prepare=false`, poolSize: 1 });
    try {
      await named.db.execute(sql`select ${1}::int as one`);
      await unnamed.db.execute(sql`select ${1}::int as one`);
      expect(await preparedCount(named)).toBe(1);
      // Inside a transaction and a savepoint (drizzle's nested transaction) as well.
      await named.db.transaction(async (tx) => {
        await tx.execute(sql`select ${2}::int as one_in_transaction`);
        await tx.transaction(async (nested) => nested.execute(sql`select ${3}::int as one_in_savepoint`));
      });
      expect(await preparedCount(named)).toBe(3);
      expect(await preparedCount(unnamed)).toBe(0);
    } finally {
      await Promise.all([named.close(), unnamed.close()]);
    }
  });

  it('replaces its pool on request, and queries, transactions and timestamps work on the new one', async () => {
    const before = (await database!.rows<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
    database!.reconnect();
    const after = (await database!.rows<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
    expect(after).not.toBe(before);
    const inTransaction = await database!.db.transaction(async (tx) => tx.execute(sql`select now() as at`));
    // drizzle's parsers travel to the new pool: timestamps still come as text for drizzle to map.
    expect(typeof (inTransaction as unknown as { at: unknown }[])[0]!.at).toBe('string');
  });
});
