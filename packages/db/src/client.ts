import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The database handle, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: repositories accept both. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Applies pending migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  /**
   * Rows of a raw query, whichever driver. `prepare` names the statement on PostgreSQL (parsed
   * and planned once per connection): for fixed texts that run often, never for generated ones.
   */
  rows<T extends Record<string, unknown>>(query: string, params?: unknown[], options?: { prepare?: boolean }): Promise<T[]>;
  /**
   * PostgreSQL only: replaces the connection pool with a fresh one (the old one is ended in the
   * background). For a pool the driver left broken after the server went away mid-transaction.
   */
  reconnect(): void;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export type DatabaseOptions = {
  /** PostgreSQL connection string; without it the embedded database is used. */
  url?: string | undefined;
  /** Directory of the embedded database's files; `undefined` keeps it in memory. */
  dataDir?: string | undefined;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  /** Called with every query sent through drizzle or `rows` (not BEGIN/COMMIT): tests count and EXPLAIN them. PostgreSQL only. */
  onQuery?: (query: string, params: unknown[]) => void;
};

const drizzleOptions = { schema, casing: 'snake_case' } as const;

// Any constant works; it only has to be the same for every instance of the API.
const migrationLockKey = 7_310_426;

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10, options.onQuery) : openPglite(options.dataDir);
}

function openPostgres(url: string, poolSize: number, onQuery?: DatabaseOptions['onQuery']): DatabaseHandle {
  const connect = () =>
    postgres(url, {
      max: poolSize,
      onnotice: () => {},
      // Sent in the startup message. JIT compiles a statement whose plan costs above
      // jit_above_cost: a list's generic plan can, and every request would then pay 100–190 ms
      // of compilation for a few ms of work. Behind PgBouncer the parameter must be allowed
      // (`ignore_startup_parameters` drops it instead: then set jit = off on the role).
      connection: { application_name: 'exchange', jit: 'off' },
    });
  let client = connect();
  const db = drizzlePostgres(
    preparingStatements(() => client),
    {
      ...drizzleOptions,
      ...(onQuery ? { logger: { logQuery: (query: string, params: unknown[]) => onQuery(query, params) } } : {}),
    },
  ) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    reconnect() {
      const broken = client;
      client = connect();
      // drizzle set its type parsers on the first client (timestamps as text): the new one needs them too.
      Object.assign(client.options.parsers, broken.options.parsers);
      Object.assign(client.options.serializers, broken.options.serializers);
      broken.end({ timeout: 5 }).catch(() => {});
    },
    async migrate() {
      // One dedicated connection holds an advisory lock, so instances starting together
      // apply each migration once.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${migrationLockKey})`;
        await migratePostgres(drizzlePostgres(lockClient, drizzleOptions), { migrationsFolder });
        await lockClient`select pg_advisory_unlock(${migrationLockKey})`;
      } finally {
        await lockClient.end();
      }
    },
    async rows<T extends Record<string, unknown>>(query: string, params: unknown[] = [], options: { prepare?: boolean } = {}) {
      onQuery?.(query, params);
      const prepare = (options.prepare ?? false) && preparing(client);
      return (await client.unsafe(query, params as postgres.ParameterOrJSON<never>[], { prepare })) as unknown as T[];
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * drizzle sends its queries unnamed, so PostgreSQL parses and plans each one again; the list
 * queries cost more to plan than to run. This client names them (postgres.js keeps the
 * prepared statements per connection, keyed by their text), in transactions and savepoints too.
 * Behind PgBouncer in transaction mode this needs `max_prepared_statements` (1.21 or later), or
 * `?prepare=false` in the URL.
 */
const maxPreparedParameters = 32;

/** `?prepare=false` in DATABASE_URL (PgBouncer before 1.21) turns named statements off. */
const preparing = (client: postgres.Sql) => (client.options as { prepare?: boolean }).prepare !== false;

function preparingStatements(current: () => postgres.Sql, prepare: () => boolean = () => preparing(current())): postgres.Sql {
  // The target is only a shape for the proxy: every access goes to the current client.
  return new Proxy(current(), {
    get(_target, property) {
      const client = current();
      if (property === 'unsafe') {
        return (query: string, params: unknown[] = [], options?: postgres.UnsafeQueryOptions) =>
          client.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            // A long parameter list is a generated statement (an `in (…)` of many ids, a multi-row
            // insert): named, each length would stay prepared on every connection.
            prepare: prepare() && params.length <= maxPreparedParameters,
          });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as (transaction: postgres.TransactionSql) => unknown;
          return (Reflect.get(client, property) as (...a: unknown[]) => unknown)(...args, (transaction: postgres.TransactionSql) =>
            // A transaction has no options of its own: it prepares as its pool does.
            callback(preparingStatements(() => transaction as unknown as postgres.Sql, prepare) as unknown as postgres.TransactionSql),
          );
        };
      }
      return Reflect.get(client, property, client) as unknown;
    },
    apply(_target, thisArgument, args) {
      return Reflect.apply(current(), thisArgument, args) as unknown;
    },
  });
}

function openPglite(dataDir: string | undefined): DatabaseHandle {
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, drizzleOptions) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    reconnect() {
      // In process: there is no connection to lose.
    },
    migrate: () => migratePglite(drizzlePglite(client, drizzleOptions), { migrationsFolder }),
    async rows<T extends Record<string, unknown>>(query: string, params: unknown[] = []) {
      return (await client.query<T>(query, params)).rows;
    },
    close: () => client.close(),
  };
}

/** SQLSTATE of an error thrown by either driver, if it is a database error. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Name of the violated constraint, if the error is a constraint violation. */
export function violatedConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const record = current as { constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    const name = record.constraint ?? record.constraint_name;
    if (typeof name === 'string') return name;
    current = record.cause;
  }
  return undefined;
}
