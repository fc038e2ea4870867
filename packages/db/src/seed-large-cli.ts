/**
 * `npm run seed:large [-- --scale 0.05]`: fills the PostgreSQL database of DATABASE_URL with the
 * large data set (see seed-large.ts). Refuses the embedded database, which is for trying the
 * system, not for measuring it.
 */
import { seedLargeData } from './seed-large.js';

const args = process.argv.slice(2);
let scale = 1;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = arg.startsWith('--scale=') ? arg.slice('--scale='.length) : arg === '--scale' ? args[++i] : undefined;
  if (value !== undefined) scale = Number(value);
  else {
    console.error(`Unknown argument ${arg}. Usage: npm run seed:large [-- --scale 0.05]`);
    process.exit(2);
  }
}
if (!(scale > 0 && scale <= 10)) {
  console.error('--scale takes a number above 0 and at most 10 (1 = 30,000 students, 60,000 applications).');
  process.exit(2);
}

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'seed:large needs PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/exchange).\n' +
      'The embedded PGlite database is not for this load: it has one connection and no real fsync, so its figures would mean nothing.\n' +
      'To start a throw-away server: scripts/with-postgres.sh npm run seed:large (see the README, "Performance").',
  );
  process.exit(1);
}

console.log(`Seeding the large data set at scale ${scale} into ${new URL(url).host}${new URL(url).pathname}…`);
const summary = await seedLargeData(url, { scale, log: (line) => console.log(line) });
if (!summary.skipped) {
  console.log(
    `Written: ${summary.students} students, ${summary.calls} calls, ${summary.applications} applications with ${summary.documents} PDFs, ` +
      `${summary.nominations} nominations, ${summary.quotaLines} quota lines, ${summary.events} events, ${summary.registrations} registrations. ` +
      `Every generated account's password: ${summary.password}`,
  );
}
process.exit(0);
