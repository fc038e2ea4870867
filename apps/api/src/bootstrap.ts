import path from 'node:path';
import { openDatabase, seedDemoData, type DatabaseHandle } from '@exchange/db';
import type { Config } from './config.js';

/**
 * Opens the configured database and brings its schema up to date. The embedded default is
 * for trying the system: it gets the demo data on its first start.
 */
export async function openConfiguredDatabase(config: Config, log: (message: string) => void): Promise<DatabaseHandle> {
  const database = openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
  await database.migrate();
  if (database.kind === 'pglite' && (await seedDemoData(database.db))) {
    log('Embedded database created with demo data.');
  }
  return database;
}
