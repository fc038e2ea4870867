/** Sessions: logout, quiet renewal, a password change ending the others, forged tokens; and the personal calendar feed's life with the account. */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '@exchange/db';
import { authFixture } from '../../test/fixtures/auth.js';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

const { f, login } = authFixture();
let t: TestContext;
beforeAll(() => {
  t = f.t;
});

describe('sessions', () => {
  it('refuses a token at once after logout', async () => {
    const token = await t.login('student5@psu.exchange.test');
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', token })).statusCode).toBe(204);
    const after = await t.request({ method: 'GET', url: '/api/v1/me', token });
    expect(after.statusCode).toBe(401);
    expect(problemOf(after).code).toBe('token_revoked');
  });

  it('renews the token quietly within the session', async () => {
    const token = await t.login('student1@buas.exchange.test');
    const renewed = await t.request({ method: 'POST', url: '/api/v1/auth/refresh', token });
    expect(renewed.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: renewed.json().token })).statusCode).toBe(200);
    // Logging out ends the session, whichever of its tokens is used.
    await t.request({ method: 'POST', url: '/api/v1/auth/logout', token });
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: renewed.json().token })).statusCode).toBe(401);
  });

  it('renews an expired token while its session lives, but not after logout', async () => {
    const short = await createTestContext({ tokenTtlSeconds: 3 });
    try {
      const token = await short.login('student1@psu.exchange.test');
      await new Promise((resolve) => setTimeout(resolve, 3200));
      expect(problemOf(await short.request({ method: 'GET', url: '/api/v1/me', token })).code).toBe('token_expired');
      const renewed = await short.request({ method: 'POST', url: '/api/v1/auth/refresh', token });
      expect(renewed.statusCode).toBe(200);
      expect((await short.request({ method: 'GET', url: '/api/v1/me', token: renewed.json().token })).statusCode).toBe(200);
      await short.request({ method: 'POST', url: '/api/v1/auth/logout', token: renewed.json().token });
      expect((await short.request({ method: 'POST', url: '/api/v1/auth/refresh', token })).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  }, 120_000); // builds a second app and database of its own, slow on a loaded machine

  it('ends every other session when the password changes', async () => {
    const email = 'student2@buas.exchange.test';
    const phone = await t.login(email);
    const laptop = await t.login(email);
    const changed = await t.request({
      method: 'POST',
      url: '/api/v1/me/password',
      token: laptop,
      payload: { currentPassword: demoPassword, newPassword: 'Another-Secret-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: phone })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: laptop })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: changed.json().token })).statusCode).toBe(200);
    expect((await login(email, 'Another-Secret-2026', '203.0.113.50')).statusCode).toBe(200);
  });

  it('refuses forged, unsigned and expired tokens', async () => {
    const token = await t.login('student1@psu.exchange.test');
    const [header, payload] = token.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const wrongSignature = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    for (const bad of [none, wrongSignature, 'garbage']) {
      const response = await t.request({ method: 'GET', url: '/api/v1/me', token: bad });
      expect(response.statusCode).toBe(401);
      expect(problemOf(response).code).toBe('invalid_token');
    }
    const expired = t.app.jwt.sign({ sub: 'x', sid: 'y', role: 'admin', typ: 'access' }, { expiresIn: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await t.request({ method: 'GET', url: '/api/v1/me', token: expired });
    expect(response.statusCode).toBe(401);
    expect(problemOf(response).code).toBe('token_expired');
  });
});

describe('the personal calendar feed', () => {
  async function newStudent(email: string) {
    const admin = await t.login('admin@exchange.test');
    const payload = {
      email,
      fullName: 'Feed Owner',
      role: 'student',
      institutionId: await t.institutionId('PSU'),
      status: 'active',
      password: 'Penza-Baoji-2026',
    };
    const created = await t.request({ method: 'POST', url: '/api/v1/users', token: admin, payload });
    expect(created.statusCode).toBe(201);
    return { admin, id: created.json().id as string, token: await t.login(email, 'Penza-Baoji-2026') };
  }
  const feedOf = async (token: string) => (await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token, payload: {} })).json().path as string;
  const read = async (path: string) => (await t.request({ method: 'GET', url: `/api/v1${path}` })).statusCode;

  it('stops answering once the account is disabled, and stays dead when it is enabled again', async () => {
    const { admin, id, token } = await newStudent('feed.disabled@psu.exchange.test');
    const path = await feedOf(token);
    expect(await read(path)).toBe(200);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, token: admin, payload: { status: 'disabled' } })).statusCode).toBe(200);
    expect(await read(path)).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, token: admin, payload: { status: 'active' } })).statusCode).toBe(200);
    expect(await read(path)).toBe(404);
    const fresh = await feedOf(await t.login('feed.disabled@psu.exchange.test', 'Penza-Baoji-2026'));
    expect(fresh).not.toBe(path);
    expect(await read(fresh)).toBe(200);
  });

  it('gets a new address when the password changes', async () => {
    const { token } = await newStudent('feed.password@psu.exchange.test');
    const path = await feedOf(token);
    const changed = await t.request({
      method: 'POST',
      url: '/api/v1/me/password',
      token,
      payload: { currentPassword: 'Penza-Baoji-2026', newPassword: 'Another-Secret-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await read(path)).toBe(404);
    const fresh = await feedOf(changed.json().token);
    expect(fresh).not.toBe(path);
    expect(await read(fresh)).toBe(200);
  });
});
