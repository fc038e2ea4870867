/**
 * Backup and restore of the whole database, documents included (they live in the database).
 * PostgreSQL: pg_dump's custom format and pg_restore. Embedded PGlite: a gzipped tarball of its
 * data directory (PGlite's `dumpDataDir`), loaded back with `loadDataDir`; the API must be
 * stopped for those, since two PGlite instances on one directory corrupt it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export type BackupTarget = { url?: string | undefined; dataDir?: string | undefined };

/** pg_dump and pg_restore of the newest PostgreSQL found in Debian's layout, else from PATH. */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((entry) => /^\d+$/.test(entry))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = path.join(root, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return name;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += String(chunk)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}): ${errors.trim()}`))));
  });
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  if (target.url) {
    await run(postgresTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.url}`]);
    return;
  }
  if (!target.dataDir || !existsSync(target.dataDir)) throw new Error(`No embedded database at ${target.dataDir}`);
  const client = await PGlite.create(target.dataDir);
  await client.query('select 1');
  try {
    const dump = await client.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/**
 * Restores a backup. PostgreSQL: into the database of the URL (objects of the backup are
 * dropped and recreated, in one transaction). PGlite: a present data directory is kept beside
 * the restored one as `<dir>.before-restore-<time>`.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file ${file}`);
  if (target.url) {
    await run(postgresTool('pg_restore'), [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.url}`,
      file,
    ]);
    return;
  }
  if (!target.dataDir) throw new Error('No data directory to restore into');
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    await rename(target.dataDir, `${target.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  await mkdir(path.dirname(path.resolve(target.dataDir)), { recursive: true });
  const client = await PGlite.create(target.dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  try {
    await client.query('select 1');
  } finally {
    await client.close();
  }
}
