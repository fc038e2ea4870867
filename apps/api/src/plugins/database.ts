import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, DatabaseHandle } from '@exchange/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    database: DatabaseHandle;
  }
}

async function databasePlugin(app: FastifyInstance, options: { database: DatabaseHandle; closeOnShutdown: boolean }) {
  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
  if (options.closeOnShutdown) app.addHook('onClose', () => options.database.close());
}

export default fp(databasePlugin, { name: 'database' });
