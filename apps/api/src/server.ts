/** Starts the API: configuration, database, listen; closes gracefully on SIGTERM and SIGINT. */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { openConfiguredDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';

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

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an error');
  else app.log.info({ signal }, 'closing');
  await app.close();
});

await app.listen({ port: config.port, host: config.host });
