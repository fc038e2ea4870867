/**
 * Property-based fuzzing of every write endpoint's body: generated bodies (random JSON,
 * a valid body with fields replaced, added or removed, hostile strings) never get a 5xx, and
 * every refusal is problem+json. The generators and each endpoint's valid body: test/fuzz-targets.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/helper.js';
import { createFixtures, type Fixtures } from '../test/fixtures/security.js';
import { bodies, targetFor } from '../test/fuzz-targets.js';

/** Generated bodies per write endpoint. */
export const fuzzRuns = 200;

let t: TestContext;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestContext({ rateLimitMax: 1_000_000 });
  f = await createFixtures(t);
}, 120_000);
afterAll(() => t?.close());

describe('fuzzing every write endpoint', () => {
  it(`answers ${fuzzRuns} generated bodies per endpoint without a 5xx`, { timeout: 900_000 }, async () => {
    const writes = t.app.routeAccess.filter((route) => ['POST', 'PATCH', 'PUT'].includes(route.method) && !route.url.endsWith('/documents'));
    expect(writes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let total = 0;
    for (const route of writes) {
      const target = await targetFor(t, f, route.method, route.url, route.access);
      // For owner-only routes the target's owner is the student who made it.
      let email = target.email;
      if (email === null && route.access !== 'public') {
        const [row] = await t.database.rows<{ email: string }>('select u.email from applications a join users u on u.id = a.student_id where a.id = $1', [
          target.url.split('/')[4],
        ]);
        email = row?.email ?? null;
      }
      const token = email ? await t.login(email) : undefined;
      await fc
        .assert(
          fc.asyncProperty(bodies(target.base), async (payload) => {
            total++;
            const response = await t.request({
              method: route.method as 'POST',
              url: target.url,
              headers: { 'content-type': 'application/json' },
              payload,
              ...(token ? { token } : {}),
            });
            if (
              response.statusCode >= 500 ||
              (response.statusCode >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json'))
            ) {
              failures.push(`${route.method} ${route.url} ${payload.slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
              return false;
            }
            return true;
          }),
          { numRuns: fuzzRuns, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(writes.length * fuzzRuns);
  });
});
