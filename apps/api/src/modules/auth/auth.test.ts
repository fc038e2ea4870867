/** Signing in: the demo users, the same answer for an unknown e-mail, the limits on guessing, signed client addresses. */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '@exchange/db';
import { authFixture } from '../../test/fixtures/auth.js';
import { problemOf, type TestContext } from '../../test/helper.js';
import { loginLimits } from './auth.service.js';

const { f, login } = authFixture();
let t: TestContext;
beforeAll(() => {
  t = f.t;
});

describe('sign-in', () => {
  it('signs a demo user in and tells who they are', async () => {
    const response = await login('Coordinator@PSU.exchange.test', demoPassword, '203.0.113.10');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'coordinator@psu.exchange.test', role: 'coordinator', status: 'active' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await t.request({ method: 'GET', url: '/api/v1/me', token: body.token });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('coordinator@psu.exchange.test');
  });

  it('answers an unknown e-mail exactly as a wrong password', async () => {
    const unknown = await login('nobody@exchange.test', 'Whatever-123!', '203.0.113.11');
    const wrong = await login('student1@psu.exchange.test', 'Wrong-password-1', '203.0.113.11');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(problemOf(unknown))).toEqual(strip(problemOf(wrong)));
    expect(problemOf(unknown).code).toBe('invalid_credentials');
  });

  it('refuses a client that keeps failing on an account, even with the right password, but not the owner elsewhere', async () => {
    const email = 'student2@psu.exchange.test';
    const guesser = '198.51.100.1';
    for (let attempt = 0; attempt < loginLimits.perAccountClient; attempt++) {
      expect((await login(email, `Wrong-password-${attempt}`, guesser)).statusCode).toBe(401);
    }
    const blocked = await login(email, demoPassword, guesser);
    expect(blocked.statusCode).toBe(429);
    expect(problemOf(blocked).code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Five wrong passwords from anywhere do not lock the owner out of their own device.
    expect((await login(email, demoPassword, '198.51.100.200')).statusCode).toBe(200);
  });

  it('checks no more guesses than the limit when they arrive all at once', async () => {
    const attempts = 30;
    const responses = await Promise.all(
      Array.from({ length: attempts }, (_, attempt) => login('student3@buas.exchange.test', `Wrong-password-${attempt}`, '198.51.100.30')),
    );
    const checked = responses.filter((response) => response.statusCode === 401).length;
    const refused = responses.filter((response) => response.statusCode === 429).length;
    expect(checked + refused).toBe(attempts);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(loginLimits.perAccountClient);
  });

  it('past the account-wide ceiling refuses every client that failed on it, but lets a clean client in', async () => {
    const email = 'coordinator@bri.exchange.test';
    const clients = Math.ceil(loginLimits.perAccount / 2);
    // Two failures from each of many clients: under every per-client limit, over the account's.
    await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        for (const attempt of [1, 2]) {
          expect((await login(email, `Wrong-password-${attempt}`, `198.18.0.${i + 1}`)).statusCode).toBe(401);
        }
      }),
    );
    expect((await login(email, demoPassword, '198.18.0.1')).statusCode).toBe(429);
    // Slowed, not refused: the owner from a client that has not failed still signs in.
    const started = Date.now();
    expect((await login(email, demoPassword, '198.18.1.1')).statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(loginLimits.maxDelayMs - 50);
  }, 30_000);

  it('refuses a client that keeps failing across many accounts', async () => {
    const client = '192.0.2.77';
    for (let attempt = 0; attempt < loginLimits.perClient; attempt++) {
      expect((await login(`guess${attempt}@exchange.test`, 'Wrong-password-1', client)).statusCode).toBe(401);
    }
    expect((await login('student3@psu.exchange.test', demoPassword, client)).statusCode).toBe(429);
    // Another client is not affected.
    expect((await login('student3@psu.exchange.test', demoPassword, '192.0.2.78')).statusCode).toBe(200);
  });

  it('ignores a client address whose signature is wrong', async () => {
    const forged = {
      'x-exchange-client-ip': '192.0.2.77',
      'x-exchange-client-sig': createHmac('sha256', 'not-the-secret').update('192.0.2.77').digest('hex'),
    };
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'student4@psu.exchange.test', password: demoPassword },
      headers: forged,
    });
    // The blocked address above is not taken on a forged word: the request counts as the peer's.
    expect(response.statusCode).toBe(200);
  });

  it('answers malformed input with problem+json naming each field', async () => {
    const response = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'not-an-email' } });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['body.email', 'body.password']);
  });
});
