/**
 * A signed-in read sends no write: the session statement is a pure read and requests are
 * counted in memory, reaching the database in batches (lib/request-counter.ts). On PostgreSQL,
 * where every statement is captured.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, demoPassword } from '@exchange/db';
import { createTestDatabase } from '@exchange/db/testing';
import { buildApp, type App } from '../app.js';
import { createRequestCounter } from '../lib/request-counter.js';
import authPlugin from '../plugins/auth.js';
import clientAddressPlugin from '../plugins/client-address.js';
import databasePlugin from '../plugins/database.js';
import errorsPlugin from '../plugins/errors.js';

const writes = /\b(insert|update|delete|merge|truncate)\b/i;

describe.skipIf(!process.env.DATABASE_URL)('no write on a read (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  let capturing: string[] | null = null;
  const jwtSecret = randomBytes(32).toString('hex');
  const warnings: string[] = [];
  const apps = new Set<App>();

  const build = async (rateLimitMax: number) => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        const line = JSON.parse(String(chunk)) as { level: number; msg: string };
        if (line.level === 40) warnings.push(line.msg);
        done();
      },
    });
    const app = await buildApp({
      config: { jwtSecret, rateLimitMax, logLevel: 'warn', dataDir, smtpUrl: undefined },
      database,
      closeDatabase: false,
      logger: { level: 'warn', stream },
    });
    apps.add(app);
    return app;
  };
  const login = async (app: App, email: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: demoPassword } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ token: string }>().token;
  };
  const close = async (app: App) => {
    apps.delete(app);
    await app.close();
  };
  const counterOf = async (key: string) =>
    (await database.rows<{ hits: number }>('select hits from rate_limit_counters where key = $1', [key]))[0]?.hits ?? null;
  const userId = async (email: string) => (await database.rows<{ id: string }>('select id from users where email = $1', [email]))[0]!.id;

  beforeAll(async () => {
    database = await createTestDatabase({ onQuery: (query) => capturing?.push(query) });
    await seedDemoData(database.db);
    dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-no-write-'));
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('sends one statement, a read, for a signed-in no-op, and no write for GET /me', async () => {
    const app = await build(1000);
    const token = await login(app, 'student1@psu.exchange.test');
    // The real plugins with one route that does nothing: all a signed-in request costs.
    const bare = Fastify({ logger: false });
    await bare.register(errorsPlugin);
    await bare.register(databasePlugin, { database, closeOnShutdown: false });
    await bare.register(clientAddressPlugin, { secret: jwtSecret });
    await bare.register(authPlugin, { secret: jwtSecret, tokenTtlSeconds: 60, rateLimitMax: 1000 });
    bare.get('/api/v1/no-op', { config: { access: 'signed-in' } }, async () => ({ ok: true }));
    await bare.ready();
    try {
      for (let i = 0; i < 3; i++) {
        capturing = [];
        const response = await bare.inject({ method: 'GET', url: '/api/v1/no-op', headers: { authorization: `Bearer ${token}` } });
        const statements = capturing;
        capturing = null;
        expect(response.statusCode).toBe(200);
        expect(response.headers['x-ratelimit-remaining']).toBe(String(1000 - (i + 1)));
        expect(statements).toHaveLength(1);
        expect(statements[0]).toMatch(/^\s*select\b/i);
        expect(statements[0]).not.toMatch(writes);
      }

      capturing = [];
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      const statements = capturing;
      capturing = null;
      expect(me.statusCode).toBe(200);
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.filter((statement) => writes.test(statement))).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it('flushes the counts in one statement per batch once a share of the limit is reached, and on close', async () => {
    // A limit of 40: every 2 unflushed requests of one user are flushed together.
    const app = await build(40);
    const email = 'student2@psu.exchange.test';
    const token = await login(app, email);
    const key = `user:${await userId(email)}`;
    expect(await counterOf(key)).toBeNull();
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    }
    await expect.poll(() => counterOf(key)).toBe(4);
    // The fifth is held in memory until the process closes.
    await close(app);
    expect(await counterOf(key)).toBe(5);
  });

  it('answers while the counts cannot be flushed, warns, and flushes them once the database takes them again', async () => {
    const app = await build(10);
    const email = 'student3@psu.exchange.test';
    const token = await login(app, email);
    const key = `user:${await userId(email)}`;
    await database.rows('alter table rate_limit_counters rename to rate_limit_counters_away');
    try {
      for (let i = 0; i < 4; i++) {
        expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
      }
      await expect.poll(() => warnings.some((message) => /not flushed/.test(message))).toBe(true);
    } finally {
      await database.rows('alter table rate_limit_counters_away rename to rate_limit_counters');
    }
    // Still counted in memory: the limit holds meanwhile.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    await close(app);
    expect(await counterOf(key)).toBe(12);
  });

  it('holds a bounded number of keys, ends windows, and leaves a key beyond the bound to the database', async () => {
    const counter = createRequestCounter({ database, limit: 1000, windowSeconds: 1, log: { warn: () => {} }, maxKeys: 3 });
    try {
      expect(counter.hit('client:a')).toMatchObject({ hits: 1 });
      expect(counter.hit('client:a')).toMatchObject({ hits: 2 });
      counter.hit('client:b');
      counter.hit('client:c');
      expect(counter.hit('client:d')).toBeNull();
      expect(counter.size).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      // The window ended: the key starts again, and room is made for a new one.
      expect(counter.hit('client:a')).toMatchObject({ hits: 1 });
      expect(counter.hit('client:d')).toMatchObject({ hits: 1 });
    } finally {
      await counter.close();
    }
  });
});
