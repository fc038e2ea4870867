/** `node dist/cli.js migrate|seed|backup|restore`: the database chores behind `npm run db:*`. */
import path from 'node:path';
import { backupDatabase, restoreDatabase } from './backup.js';
import { openDatabase } from './client.js';
import { seedDemoData } from './seed.js';

const command = process.argv[2];
if (command !== 'migrate' && command !== 'seed' && command !== 'backup' && command !== 'restore') {
  console.error('Usage: cli.js migrate|seed|backup [file]|restore <file>');
  process.exit(2);
}

// Run from the repository root through npm -w: INIT_CWD is where the user typed the command.
const root = process.env.INIT_CWD ?? process.cwd();
const url = process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(root, process.env.DATA_DIR || '.data', 'pglite');

if (command === 'backup' || command === 'restore') {
  const given = process.argv[3];
  if (command === 'restore' && !given) {
    console.error('Usage: npm run db:restore -- <backup file>');
    process.exit(2);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(root, given ?? path.join('backups', `exchange-${stamp}.${url ? 'dump' : 'tar.gz'}`));
  if (command === 'backup') await backupDatabase({ url, dataDir }, file);
  else await restoreDatabase({ url, dataDir }, file);
  console.log(`${command === 'backup' ? 'Backed up' : 'Restored'} ${url ? 'PostgreSQL' : dataDir} ${command === 'backup' ? 'to' : 'from'} ${file}.`);
  process.exit(0);
}
const handle = openDatabase({ url, dataDir });
try {
  await handle.migrate();
  console.log(`Migrations applied to ${url ? 'PostgreSQL' : dataDir}.`);
  if (command === 'seed') {
    const seeded = await seedDemoData(handle.db);
    console.log(seeded ? 'Demo data written.' : 'The database already has data; nothing seeded.');
  }
} finally {
  await handle.close();
}
