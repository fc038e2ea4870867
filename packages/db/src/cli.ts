/** `node dist/cli.js migrate|seed`: the database chores behind `npm run db:migrate` and `db:seed`. */
import path from 'node:path';
import { openDatabase } from './client.js';
import { seedDemoData } from './seed.js';

const command = process.argv[2];
if (command !== 'migrate' && command !== 'seed') {
  console.error('Usage: cli.js migrate|seed');
  process.exit(2);
}

// Run from the repository root through npm -w: INIT_CWD is where the user typed the command.
const root = process.env.INIT_CWD ?? process.cwd();
const url = process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(root, process.env.DATA_DIR || '.data', 'pglite');
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
