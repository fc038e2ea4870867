/**
 * The authorization matrix: every API route × every role × the ownership of the object it
 * touches → the status the caller gets. The tables live in `test/matrix/` by area and each
 * area's cells run in `authorization-matrix-<area>.test.ts`; this file holds the rule that
 * binds them: a route that has no row in any area fails here, and so does a row twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/helper.js';
import { areas } from '../test/matrix/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 120_000);
afterAll(() => t?.close());

describe('authorization matrix', () => {
  it('has a row for every route, and only for routes that exist', () => {
    const routes = t.app.routeAccess.map((route) => `${route.method} ${route.url}`).sort();
    const keys = Object.values(areas).flatMap((table) => Object.keys(table));
    // A row in two areas would run twice and hide a route that has none.
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(routes);
  });
});
