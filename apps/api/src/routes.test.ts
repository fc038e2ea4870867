/**
 * Every API route declares who may call it, and the declaration is enforced. The table below
 * is the checked-in list of routes: a new route without a row here fails this test.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@exchange/shared';
import authPlugin from './plugins/auth.js';
import clientAddressPlugin from './plugins/client-address.js';
import databasePlugin from './plugins/database.js';
import errorsPlugin from './plugins/errors.js';
import { createTestContext, problemOf, type TestContext } from './test/helper.js';

const expectedAccess: Record<string, Access> = {
  'GET /api/v1/health': 'public',
  'GET /api/v1/ready': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'signed-in',
  'POST /api/v1/auth/logout': 'signed-in',
  'POST /api/v1/auth/register': 'public',
  'GET /api/v1/me': 'signed-in',
  'PATCH /api/v1/me': 'signed-in',
  'POST /api/v1/me/password': 'signed-in',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/password-reset/confirm': 'public',
  'POST /api/v1/auth/invitation/accept': 'public',
  'GET /api/v1/me/sessions': 'signed-in',
  'DELETE /api/v1/me/sessions/:id': 'signed-in',
  'POST /api/v1/me/sessions/end-others': 'signed-in',
  'GET /api/v1/auth/oidc/providers': 'public',
  'POST /api/v1/auth/oidc/start': 'public',
  'POST /api/v1/auth/oidc/callback': 'public',
  'GET /api/v1/institutions/:id/identity-provider': ['admin'],
  'PUT /api/v1/institutions/:id/identity-provider': ['admin'],
  'GET /api/v1/users': ['admin', 'coordinator'],
  'GET /api/v1/users/:id': ['admin', 'coordinator'],
  'POST /api/v1/users': ['admin', 'coordinator'],
  'PATCH /api/v1/users/:id': ['admin', 'coordinator'],
  'POST /api/v1/users/:id/invitation': ['admin', 'coordinator'],
  'POST /api/v1/users/import': ['admin', 'coordinator'],
  'GET /api/v1/users/imports/:id': ['admin', 'coordinator'],
  'GET /api/v1/institutions': 'public',
  'GET /api/v1/institutions/:id': 'public',
  'GET /api/v1/agreements': 'signed-in',
  'GET /api/v1/agreements/:id': 'signed-in',
  'POST /api/v1/agreements': ['admin'],
  'PATCH /api/v1/agreements/:id': ['admin'],
  'GET /api/v1/agreements/:id/quotas': 'signed-in',
  'POST /api/v1/agreements/:id/document': ['admin'],
  'GET /api/v1/agreements/:id/document': 'signed-in',
  'POST /api/v1/agreements/:id/plan': ['admin'],
  'PUT /api/v1/agreements/:id/plan/order': ['admin'],
  'GET /api/v1/agreements/:id/plan/progress': 'signed-in',
  'GET /api/v1/agreements/:id/plan/export.xlsx': 'signed-in',
  'GET /api/v1/agreements/:id/plan/export.pdf': 'signed-in',
  'GET /api/v1/agreements/:id/plan/:itemId': 'signed-in',
  'PATCH /api/v1/agreements/:id/plan/:itemId': 'signed-in',
  'DELETE /api/v1/agreements/:id/plan/:itemId': ['admin'],
  'GET /api/v1/agreements/:id/plan/:itemId/history': 'signed-in',
  'POST /api/v1/agreements/:id/plan/:itemId/evidence': 'signed-in',
  'GET /api/v1/agreements/:id/plan/:itemId/evidence/:evidenceId': 'signed-in',
  'DELETE /api/v1/agreements/:id/plan/:itemId/evidence/:evidenceId': 'signed-in',
  'GET /api/v1/quotas/:id': 'signed-in',
  'POST /api/v1/quotas': ['admin'],
  'PATCH /api/v1/quotas/:id': ['admin'],
  'GET /api/v1/calls': 'signed-in',
  'GET /api/v1/calls/:id': 'signed-in',
  'POST /api/v1/calls': ['coordinator', 'admin'],
  'PATCH /api/v1/calls/:id': ['coordinator', 'admin'],
  'GET /api/v1/applications': 'signed-in',
  'GET /api/v1/applications/export.csv': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/applications/export.xlsx': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/applications/:id': 'signed-in',
  'POST /api/v1/applications': ['student'],
  'PATCH /api/v1/applications/:id': ['student'],
  'POST /api/v1/applications/:id/documents': ['student'],
  'GET /api/v1/applications/:id/documents/:docId': 'signed-in',
  'DELETE /api/v1/applications/:id/documents/:docId': ['student'],
  'POST /api/v1/applications/:id/submit': ['student'],
  'POST /api/v1/applications/:id/withdraw': ['student'],
  'POST /api/v1/applications/:id/review': ['coordinator'],
  'POST /api/v1/calls/:id/allocation': ['coordinator'],
  'POST /api/v1/calls/:id/allocation/confirm': ['coordinator'],
  'GET /api/v1/calls/:id/waitlist': ['coordinator'],
  'GET /api/v1/nominations': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/nominations/export.csv': ['coordinator', 'admin'],
  'GET /api/v1/nominations/export.xlsx': ['coordinator', 'admin'],
  'POST /api/v1/nominations': ['coordinator'],
  'POST /api/v1/nominations/approve': ['coordinator'],
  'GET /api/v1/nominations/:id': ['coordinator', 'reviewer', 'admin'],
  'PATCH /api/v1/nominations/:id': ['coordinator'],
  'GET /api/v1/nominations/:id/documents/:docId': ['coordinator', 'reviewer', 'admin'],
  'POST /api/v1/nominations/:id/approve': ['coordinator'],
  'POST /api/v1/nominations/:id/undo-approval': ['coordinator'],
  'POST /api/v1/nominations/:id/reject': ['coordinator'],
  'POST /api/v1/nominations/:id/cancel': ['coordinator'],
  'GET /api/v1/mobilities': 'signed-in',
  'GET /api/v1/mobilities/:id': 'signed-in',
  'POST /api/v1/mobilities/:id/admission': ['coordinator'],
  'POST /api/v1/mobilities/:id/arrival': ['coordinator'],
  'POST /api/v1/mobilities/:id/departure': ['coordinator'],
  'POST /api/v1/mobilities/:id/cancel': ['coordinator'],
  'POST /api/v1/mobilities/:id/funding': ['coordinator'],
  'PATCH /api/v1/mobilities/:id/checklist/:itemId': ['student', 'coordinator', 'admin'],
  'POST /api/v1/mobilities/:id/documents': ['student', 'coordinator'],
  'GET /api/v1/mobilities/:id/documents/:documentId': 'signed-in',
  'GET /api/v1/institutions/:id/checklist-template': ['coordinator', 'reviewer', 'admin'],
  'PUT /api/v1/institutions/:id/checklist-template': ['coordinator', 'admin'],
  'GET /api/v1/mobilities/:id/letters/:letterId.pdf': 'signed-in',
  'GET /api/v1/mobilities/:id/learning-agreement': 'signed-in',
  'PUT /api/v1/mobilities/:id/learning-agreement/draft': ['student'],
  'POST /api/v1/mobilities/:id/learning-agreement/propose': ['student'],
  'POST /api/v1/mobilities/:id/learning-agreement/approve': ['coordinator'],
  'POST /api/v1/mobilities/:id/learning-agreement/comment': ['coordinator'],
  'GET /api/v1/mobilities/:id/learning-agreement.pdf': 'signed-in',
  'GET /api/v1/mobilities/:id/ewp/omobility.xml': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/mobilities/:id/ewp/learning-agreement.xml': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/mobilities/:id/ewp/tor.xml': ['coordinator', 'reviewer', 'admin'],
  'POST /api/v1/mobilities/:id/ewp/learning-agreement': ['coordinator'],
  'GET /api/v1/agreements/:id/ewp/iia.xml': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/mobilities/:id/recognition': 'signed-in',
  'PUT /api/v1/mobilities/:id/transcript': ['coordinator'],
  'POST /api/v1/mobilities/:id/recognition': ['coordinator'],
  'GET /api/v1/reports/recognition': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/institutions/:id/grading': 'signed-in',
  'PUT /api/v1/institutions/:id/grading': ['coordinator', 'admin'],
  'PATCH /api/v1/institutions/:id': ['admin'],
  'GET /api/v1/grade-conversions/:fromId/:toId': ['coordinator', 'reviewer', 'admin'],
  'PUT /api/v1/grade-conversions/:fromId/:toId': ['coordinator', 'admin'],
  'GET /api/v1/verify/:code': 'public',
  'GET /api/v1/reports/flows': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/reports/mobilities': ['coordinator', 'reviewer', 'admin'],
  'GET /api/v1/audit': ['admin', 'coordinator'],
  'GET /api/v1/audit/export.csv': ['admin', 'coordinator'],
  'GET /api/v1/audit/export.xlsx': ['admin', 'coordinator'],
  'GET /api/v1/notifications': 'signed-in',
  'POST /api/v1/notifications/:id/read': 'signed-in',
  'GET /api/v1/centres': 'public',
  'GET /api/v1/centres/:id': 'public',
  'POST /api/v1/centres': ['admin'],
  'GET /api/v1/centres/:id/events.ics': 'public',
  'GET /api/v1/centres/:id/attendance': ['coordinator', 'admin'],
  'GET /api/v1/events': 'public',
  'GET /api/v1/events/:id': 'public',
  'GET /api/v1/events/:id/calendar.ics': 'public',
  'POST /api/v1/events': ['coordinator', 'admin'],
  'PATCH /api/v1/events/:id': ['coordinator', 'admin'],
  'POST /api/v1/events/:id/publish': ['coordinator', 'admin'],
  'POST /api/v1/events/:id/cancel': ['coordinator', 'admin'],
  'POST /api/v1/events/:id/registrations': 'signed-in',
  'GET /api/v1/events/:id/registrations/me': 'signed-in',
  'DELETE /api/v1/events/:id/registrations/me': 'signed-in',
  'GET /api/v1/events/:id/registrations': ['coordinator', 'admin'],
  'GET /api/v1/events/:id/registrations.csv': ['coordinator', 'admin'],
  'GET /api/v1/events/:id/registrations.xlsx': ['coordinator', 'admin'],
  'POST /api/v1/events/:id/registrations/:regId/check-in': ['coordinator', 'admin'],
  'POST /api/v1/events/:id/check-in': ['coordinator', 'admin'],
  'GET /api/v1/me/registrations': 'signed-in',
  'POST /api/v1/me/calendar-feed': 'signed-in',
  'GET /api/v1/calendar-feeds/:token/events.ics': 'public',
};

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
