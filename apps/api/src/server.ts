/** Starts the API: configuration, database, listen; closes gracefully on SIGTERM and SIGINT. */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { openConfiguredDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { createDriverFaultFilter, onceAWhile } from './lib/driver-faults.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const database = await openConfiguredDatabase(config, (message) => console.log(message));
const app = await buildApp({ config, database, startMailWorker: true });

closeWithGrace({ delay: 10_000, skip: ['uncaughtException', 'unhandledRejection'] }, async ({ signal }) => {
  app.log.info({ signal }, 'closing');
  await app.close();
});

// A fault the database driver raises outside any request is survived with a fresh pool; any
// other uncaught error ends the process (a supervisor starts it again), as a bug should.
const reconnect = onceAWhile(() => {
  app.log.warn('the database connection pool is replaced after a driver fault');
  database.reconnect();
});
const isDriverFault = createDriverFaultFilter();
const onUncaught = (reason: unknown) => {
  if (isDriverFault(reason)) {
    app.log.warn({ err: reason }, 'database driver fault outside a request');
    reconnect();
    return;
  }
  app.log.fatal({ err: reason }, 'closing after an uncaught error');
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  void app.close().finally(() => process.exit(1));
};
process.on('uncaughtException', onUncaught);
process.on('unhandledRejection', onUncaught);

await app.listen({ port: config.port, host: config.host });
