/**
 * Builds the real app on a fresh, migrated database seeded with the demo data, and talks to
 * it through HTTP (`inject`). One database per test file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoPassword, seedDemoData } from '@exchange/db';
import { createTestDatabase } from '@exchange/db/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app.js';

export type TestContext = {
  app: App;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  jwtSecret: string;
  /** DATA_DIR of this app: the mail outbox writes its .eml files under `outbox/`. */
  dataDir: string;
  /** Signs in through the API and returns the bearer token. */
  login(email: string, password?: string): Promise<string>;
  /** A request with an optional bearer token; JSON bodies are sent as JSON. */
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  institutionId(code: 'PSU' | 'BUAS' | 'BRI'): Promise<string>;
  close(): Promise<void>;
};

export async function createTestContext(options: { rateLimitMax?: number; tokenTtlSeconds?: number } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  await seedDemoData(database.db);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-test-'));
  const app = await buildApp({
    config: { jwtSecret, rateLimitMax: options.rateLimitMax ?? 10_000, logLevel: 'silent', dataDir, smtpUrl: undefined },
    database,
    closeDatabase: false,
    logger: false,
    ...(options.tokenTtlSeconds ? { tokenTtlSeconds: options.tokenTtlSeconds } : {}),
  });
  const institutionIds = new Map<string, string>();

  const request: TestContext['request'] = ({ token, headers, ...rest }) =>
    app.inject({
      ...rest,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  return {
    app,
    database,
    jwtSecret,
    dataDir,
    request,
    async login(email, password = demoPassword) {
      const response = await request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
      return response.json().token as string;
    },
    async institutionId(code) {
      if (!institutionIds.has(code)) {
        const response = await request({ method: 'GET', url: '/api/v1/institutions' });
        for (const item of response.json().items) institutionIds.set(item.code, item.id);
      }
      return institutionIds.get(code)!;
    },
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The problem+json body of a response, checked to be one. */
export function problemOf(response: LightMyRequestResponse) {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers['content-type']}: ${response.body}`);
  }
  return response.json() as { status: number; code: string; detail: string; title: string; type: string; errors?: { path: string; code: string; message: string }[] };
}
