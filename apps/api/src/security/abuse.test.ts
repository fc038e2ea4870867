/**
 * The abuse suite, tokens and passwords: forged, expired and revoked tokens and the password
 * rules. Each is refused with problem+json, nothing is written, and nothing answers 5xx.
 * Oversized, polluted, mistyped and out-of-range input is in abuse-input.test.ts.
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentVersion } from '@exchange/shared';
import { demoPassword, users } from '@exchange/db';
import { clientIpHeader, clientSignatureHeader, signClientAddress } from '../plugins/client-address.js';
import { createTestContext, problemOf, type TestContext } from '../test/helper.js';
import { createFixtures, type Fixtures } from '../test/fixtures/security.js';
import { casesRun, refused } from '../test/refused.js';

let t: TestContext;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestContext();
  f = await createFixtures(t);
}, 120_000);
afterAll(() => {
  // The count of abuse cases, for the record.
  console.info(`abuse cases run: ${casesRun()}`);
  return t?.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | null) {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  const signature = secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('tokens', () => {
  it('refuses forged, expired, mistyped and revoked tokens, and writes nothing', async () => {
    const token = await t.login('student4@psu.exchange.test');
    const claims = claimsOf(token);
    const now = Math.floor(Date.now() / 1000);
    const userId = await f.userId('student4@psu.exchange.test');
    const nameBefore = (await t.database.db.select().from(users).where(eq(users.id, userId)))[0]!.fullName;
    const forged: [string, string, string][] = [
      ['alg none', jwt({ alg: 'none', typ: 'JWT' }, claims, null), 'invalid_token'],
      ['alg none with a signature', `${b64({ alg: 'none' })}.${b64(claims)}.${token.split('.')[2]}`, 'invalid_token'],
      [
        'alg HS512',
        `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}.${createHmac('sha512', t.jwtSecret)
          .update(`${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}`)
          .digest('base64url')}`,
        'invalid_token',
      ],
      ['wrong signature', jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'another-secret-another-secret-another'), 'invalid_token'],
      ['payload changed under the signature', `${token.split('.')[0]}.${b64({ ...claims, role: 'admin' })}.${token.split('.')[2]}`, 'invalid_token'],
      ['expired', jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 3600, exp: now - 60 }, t.jwtSecret), 'token_expired'],
      ['wrong type', jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, typ: 'refresh', iat: now, exp: now + 600 }, t.jwtSecret), 'invalid_token'],
      [
        'no session',
        jwt({ alg: 'HS256', typ: 'JWT' }, { sub: claims.sub, role: 'student', typ: 'access', iat: now, exp: now + 600 }, t.jwtSecret),
        'invalid_token',
      ],
      [
        'another user’s session',
        jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: await f.userId('admin@exchange.test'), role: 'admin', iat: now, exp: now + 600 }, t.jwtSecret),
        'token_revoked',
      ],
      ['garbage', 'not.a.token', 'invalid_token'],
      ['empty segments', '..', 'invalid_token'],
    ];
    for (const [label, bad, code] of forged) {
      const response = await t.request({ method: 'PATCH', url: '/api/v1/me', token: bad, payload: { fullName: 'Hacked' } });
      refused(response, 401, label);
      expect(problemOf(response).code, label).toBe(code);
    }
    for (const header of ['Basic c3R1ZGVudDpwYXNz', 'Bearer', `Token ${token}`, `Bearer ${token} extra`]) {
      const response = await t.request({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { authorization: header },
        payload: { fullName: 'Hacked' },
      });
      refused(response, 401, header);
    }
    expect((await t.database.db.select().from(users).where(eq(users.id, userId)))[0]!.fullName).toBe(nameBefore);
  });

  it('refuses the token of a disabled user, and after logout and a password change', async () => {
    const student = await f.student('PSU');
    const disabled = await t.login(student.email);
    const admin = await f.token('admin@exchange.test');
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${student.id}`, token: admin, payload: { status: 'disabled' } })).statusCode).toBe(200);
    refused(await t.request({ method: 'GET', url: '/api/v1/me', token: disabled }), 401, 'disabled user');
    refused(await t.request({ method: 'POST', url: '/api/v1/auth/refresh', token: disabled }), 401, 'disabled user refreshing');
    // With the right password, a disabled account is told so (403); with a wrong one, 401 as for anyone.
    refused(
      await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: student.email, password: demoPassword } }),
      403,
      'disabled user signing in',
    );
    refused(
      await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: student.email, password: 'wrong-password-1' } }),
      401,
      'disabled user, wrong password',
    );

    const other = await f.student('PSU');
    const first = await t.login(other.email);
    const second = await t.login(other.email);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: first })).statusCode).toBe(204);
    refused(await t.request({ method: 'GET', url: '/api/v1/me', token: first }), 401, 'after logout');
    refused(await t.request({ method: 'POST', url: '/api/v1/auth/refresh', token: first }), 401, 'refresh after logout');
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: second })).statusCode).toBe(200);
    const changed = await t.request({
      method: 'POST',
      url: '/api/v1/me/password',
      token: second,
      payload: { currentPassword: demoPassword, newPassword: 'Penza-Baoji-2026-new' },
    });
    expect(changed.statusCode).toBe(200);
    const third = changed.json().token as string;
    const stale = await t.login(other.email, 'Penza-Baoji-2026-new');
    // The session that changed the password lives on with its new token; every other one ends.
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: third })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: stale })).statusCode).toBe(200);
    refused(await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: other.email, password: demoPassword } }), 401, 'old password');
  });
});

describe('passwords', () => {
  it('accepts 8 to 128 characters, refuses shorter and longer, and stores argon2id with strong parameters', async () => {
    const register = (password: string, n: number) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        headers: { [clientIpHeader]: `198.51.100.${n}`, [clientSignatureHeader]: signClientAddress(t.jwtSecret, `198.51.100.${n}`) },
        payload: {
          email: `pw${n}@example.test`,
          password,
          fullName: 'P',
          institutionId: f.institution.PSU,
          consent: { version: consentVersion },
        },
      });
    refused(await register('Qz7#kLp', 1), 400, '7 characters');
    expect((await register('Qz7#kLpw', 2)).statusCode).toBe(201);
    expect((await register(`Qz7#${'k'.repeat(124)}`, 3)).statusCode).toBe(201);
    refused(await register(`Qz7#${'k'.repeat(125)}`, 4), 400, '129 characters');
    const [row] = await t.database.db.select().from(users).where(eq(users.email, 'pw2@example.test'));
    const [, algorithm, version, parameters] = row!.passwordHash!.split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    const params = Object.fromEntries(
      parameters!
        .split(',')
        .map((pair) => pair.split('='))
        .map(([name, value]) => [name, Number(value)]),
    );
    // OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
    expect(params.m).toBeGreaterThanOrEqual(19_456);
    expect(params.t).toBeGreaterThanOrEqual(2);
    expect(params.p).toBeGreaterThanOrEqual(1);
  });
});
