import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { migrationsFolder, openDatabase, type DatabaseHandle } from './client.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with
 * `DATABASE_URL` set, a new database on that PostgreSQL server, copied from a migrated
 * template (fast), and dropped on close.
 */
export async function createTestDatabase(
  options: { url?: string | undefined; poolSize?: number; onQuery?: (query: string, params: unknown[]) => void } = {},
): Promise<DatabaseHandle & { url: string | undefined }> {
  const serverUrl = options.url ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({});
    await handle.migrate();
    return { ...handle, url: undefined };
  }
  const template = await ensureTemplate(serverUrl);
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const handle = openDatabase({ url, poolSize: options.poolSize ?? 10, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The template's name carries a hash of the migrations, so a changed schema gets a new one. */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  const template = `exchange_template_${hash.digest('hex').slice(0, 12)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    // Test files start in parallel: one builds the template, the others wait for it.
    await admin`select pg_advisory_lock(7310427)`;
    const found = await admin`select 1 from pg_database where datname = ${template}`;
    if (found.length === 0) {
      const building = `${template}_building`;
      await admin.unsafe(`drop database if exists "${building}"`);
      await admin.unsafe(`create database "${building}"`);
      const handle = openDatabase({ url: withDatabase(serverUrl, building), poolSize: 1 });
      try {
        await handle.migrate();
      } finally {
        await handle.close();
      }
      await admin.unsafe(`alter database "${building}" rename to "${template}"`);
    }
    await admin`select pg_advisory_unlock(7310427)`;
  } finally {
    await admin.end();
  }
  return template;
}
