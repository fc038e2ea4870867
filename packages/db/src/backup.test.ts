/**
 * A seeded database, documents included, survives a backup and a restore table for table:
 * PGlite's data-directory export on the embedded database, pg_dump/pg_restore on PostgreSQL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup.js';
import { openDatabase, type DatabaseHandle } from './client.js';
import { seedDemoData } from './seed.js';
import { createTestDatabase, withDatabase } from './testing.js';

const serverUrl = process.env.DATABASE_URL;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'exchange-backup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every table of the public and drizzle schemas: its row count and a digest of all its rows. */
async function fingerprint(handle: DatabaseHandle) {
  const tables = await handle.rows<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Record<string, { rows: number; digest: string | null }> = {};
  for (const { name } of tables) {
    const [row] = await handle.rows<{ rows: number; digest: string | null }>(
      `select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest from ${name} t`,
    );
    result[name] = row!;
  }
  return result;
}

describe('backup and restore', () => {
  it.skipIf(Boolean(serverUrl))('round-trips the embedded database (PGlite data directory)', { timeout: 120_000 }, async () => {
    const source = path.join(dir, 'source');
    const handle = openDatabase({ dataDir: source });
    await handle.migrate();
    await seedDemoData(handle.db);
    const before = await fingerprint(handle);
    await handle.close();

    const file = path.join(dir, 'backup.tar.gz');
    await backupDatabase({ dataDir: source }, file);
    const target = path.join(dir, 'target');
    await restoreDatabase({ dataDir: target }, file);
    const restored = openDatabase({ dataDir: target });
    try {
      const after = await fingerprint(restored);
      expect(after).toEqual(before);
      expect(after['public.application_documents']!.rows).toBeGreaterThan(0);
      expect(Object.keys(after).length).toBeGreaterThan(20);
    } finally {
      await restored.close();
    }
  });

  it.skipIf(!serverUrl)('round-trips a PostgreSQL database (pg_dump, pg_restore)', { timeout: 120_000 }, async () => {
    const source = await createTestDatabase();
    const name = `restore_${Date.now().toString(36)}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const target = openDatabase({ url: withDatabase(serverUrl!, name), poolSize: 2 });
    try {
      await seedDemoData(source.db);
      const before = await fingerprint(source);
      const file = path.join(dir, 'backup.dump');
      await backupDatabase({ url: source.url }, file);
      await restoreDatabase({ url: withDatabase(serverUrl!, name) }, file);
      const after = await fingerprint(target);
      expect(after).toEqual(before);
      expect(after['public.application_documents']!.rows).toBeGreaterThan(0);
      // The restored database keeps the audit log append-only.
      await target.rows(`insert into audit_entries (action, entity_type) values ('test.append', 'test')`);
      await expect(target.rows('delete from audit_entries')).rejects.toThrow(/append-only/);
    } finally {
      await target.close();
      await source.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
