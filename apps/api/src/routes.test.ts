/**
 * Every API route declares who may call it, and the declaration is enforced. The checked-in
 * list of routes is `test/route-access.ts`: a new route without a row there fails this test.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import authPlugin from './plugins/auth.js';
import clientAddressPlugin from './plugins/client-address.js';
import databasePlugin from './plugins/database.js';
import errorsPlugin from './plugins/errors.js';
import { createTestContext, problemOf, type TestContext } from './test/helper.js';
import { expectedAccess } from './test/route-access.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.close());

const sampleUrl = (url: string) => url.replace(/:(id|docId)/g, '00000000-0000-4000-8000-000000000000');

describe('route access', () => {
  it('has exactly the routes of the table, each with its declared access', () => {
    const declared = Object.fromEntries(t.app.routeAccess.map((route) => [`${route.method} ${route.url}`, route.access]));
    expect(declared).toEqual(expectedAccess);
  });

  it('refuses to start when a route does not declare its access', async () => {
    const app = Fastify({ logger: false });
    const start = async () => {
      await app.register(errorsPlugin);
      await app.register(databasePlugin, { database: t.database, closeOnShutdown: false });
      await app.register(clientAddressPlugin, { secret: 'x'.repeat(32) });
      await app.register(authPlugin, { secret: 'x'.repeat(32), tokenTtlSeconds: 60, rateLimitMax: 100 });
      await app.register(async (api) => {
        api.get('/api/v1/undeclared', async () => 'oops');
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/does not declare who may call it/);
  });

  it('answers 401 to anonymous callers of every non-public route', async () => {
    const guarded = t.app.routeAccess.filter((route) => route.access !== 'public');
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const response = await t.request({
        method: route.method as 'GET',
        url: sampleUrl(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(problemOf(response).code).toBe('unauthenticated');
    }
  });

  it('answers 403 to signed-in callers of a role the route does not admit', async () => {
    const student = await t.login('student1@psu.exchange.test');
    const reviewer = await t.login('reviewer@buas.exchange.test');
    const roleBound = t.app.routeAccess.filter((route) => Array.isArray(route.access));
    for (const route of roleBound) {
      for (const [role, token] of [
        ['student', student],
        ['reviewer', reviewer],
      ] as const) {
        if ((route.access as readonly string[]).includes(role)) continue;
        const response = await t.request({
          method: route.method as 'GET',
          url: sampleUrl(route.url),
          token,
          payload: route.method === 'GET' ? undefined : {},
        });
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
      }
    }
  });
});

describe('HTTP edges', () => {
  it('answers unknown routes with problem+json 404', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response).code).toBe('route_not_found');
  });

  it('refuses a cross-site form post with 415 and writes nothing', async () => {
    const form = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.test&password=Penza-Baoji-2026&fullName=X',
    });
    expect(form.statusCode).toBe(415);
    const plain = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"a@b.test","password":"x"}',
    });
    expect(plain.statusCode).toBe(415);
    expect(problemOf(plain).code).toBe('unsupported_media_type');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response).code).toBe('body_too_large');
  });

  it('answers invalid JSON with 400 problem+json', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).code).toBe('invalid_json');
  });

  it('sends security headers and keeps personal data out of caches', async () => {
    const token = await t.login('student1@psu.exchange.test');
    const response = await t.request({ method: 'GET', url: '/api/v1/me', token });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('reports liveness and readiness', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.request({ method: 'GET', url: '/api/v1/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3 document of every route, and a browsable UI', async () => {
    const document = (await t.request({ method: 'GET', url: '/api/docs/json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(new Set(documented)).toEqual(new Set(Object.keys(expectedAccess)));
    expect(document.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
    const ui = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('limits the requests of one signed-in user per minute', async () => {
    const limited = await createTestContext({ rateLimitMax: 5 });
    try {
      const token = await limited.login('student1@psu.exchange.test');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.request({ method: 'GET', url: '/api/v1/me', token })).statusCode);
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
      // Another user is not held back by the first one.
      const other = await limited.login('student2@psu.exchange.test');
      expect((await limited.request({ method: 'GET', url: '/api/v1/me', token: other })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
