import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '@exchange/db';
import { consentVersion, renderNotification } from '@exchange/shared';
import { signClientAddress } from '../../plugins/client-address.js';
import { createTestContext, problemOf, readOutbox, type TestContext } from '../../test/helper.js';
import { loginLimits } from './auth.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.close());

/** Requests as the web server sends them: the end user's address, signed. */
const fromClient = (address: string) => ({
  'x-exchange-client-ip': address,
  'x-exchange-client-sig': signClientAddress(t.jwtSecret, address),
});

const login = (email: string, password: string, client = '203.0.113.1') =>
  t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: fromClient(client) });

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
    const forged = { 'x-exchange-client-ip': '192.0.2.77', 'x-exchange-client-sig': createHmac('sha256', 'not-the-secret').update('192.0.2.77').digest('hex') };
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

describe('self-registration', () => {
  it('keeps a new student out until a coordinator of their institution verifies them', async () => {
    const psu = await t.institutionId('PSU');
    const registered = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: fromClient('203.0.113.90'),
      payload: { email: 'new.student@psu.exchange.test', password: 'Penza-Baoji-2026', fullName: 'Ольга Новикова', institutionId: psu, locale: 'ru', consent: { version: consentVersion } },
    });
    expect(registered.statusCode).toBe(201);
    const student = registered.json().user;
    expect(student).toMatchObject({ status: 'pending', role: 'student', institutionId: psu });

    const early = await login('new.student@psu.exchange.test', 'Penza-Baoji-2026', '203.0.113.91');
    expect(early.statusCode).toBe(403);
    expect(problemOf(early).code).toBe('account_pending');

    // A coordinator of another institution cannot see, let alone verify, this student.
    const buas = await t.login('coordinator@buas.exchange.test');
    const foreign = await t.request({ method: 'PATCH', url: `/api/v1/users/${student.id}`, token: buas, payload: { status: 'active' } });
    expect(foreign.statusCode).toBe(404);

    const coordinator = await t.login('coordinator@psu.exchange.test');
    const pending = await t.request({ method: 'GET', url: '/api/v1/users?status=pending', token: coordinator });
    expect(pending.json().items.map((user: { email: string }) => user.email)).toContain('new.student@psu.exchange.test');
    const verified = await t.request({ method: 'PATCH', url: `/api/v1/users/${student.id}`, token: coordinator, payload: { status: 'active' } });
    expect(verified.statusCode).toBe(200);

    const signedIn = await login('new.student@psu.exchange.test', 'Penza-Baoji-2026', '203.0.113.92');
    expect(signedIn.statusCode).toBe(200);
    // The consent given at registration is on record, and the student sees it.
    const me = (await t.request({ method: 'GET', url: '/api/v1/me', token: signedIn.json().token })).json();
    expect(me.consent.version).toBe(consentVersion);
    expect(Math.abs(new Date(me.consent.givenAt).getTime() - Date.now())).toBeLessThan(5 * 60_000);

    // The student hears of it in the app and by e-mail, in the language they chose.
    const inbox = await t.request({ method: 'GET', url: '/api/v1/notifications', token: signedIn.json().token });
    expect(inbox.json()).toMatchObject({ unread: 1, items: [{ kind: 'account.verified', readAt: null }] });
    expect(await t.app.mail.deliverDue()).toBeGreaterThanOrEqual(1);
    const mail = (await readOutbox(t.dataDir)).find((entry) => entry.to === 'new.student@psu.exchange.test');
    expect(mail?.body).toBe(`${renderNotification('account.verified', {}, 'ru').body}\n\nОткрыть в системе: http://localhost:3000/login`);
    const read = await t.request({ method: 'POST', url: `/api/v1/notifications/${inbox.json().items[0].id}/read`, token: signedIn.json().token });
    expect(read.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications', token: signedIn.json().token })).json().unread).toBe(0);
  });

  it('answers a known e-mail exactly as a new one and tells its owner by e-mail', async () => {
    const psu = await t.institutionId('PSU');
    const base = { password: 'Penza-Baoji-2026', fullName: 'Test Student', institutionId: psu, locale: 'en', consent: { version: consentVersion } };
    const register = (email: string) => t.request({ method: 'POST', url: '/api/v1/auth/register', headers: fromClient('203.0.113.96'), payload: { ...base, email } });
    const fresh = await register('brand.new@psu.exchange.test');
    const known = await register('STUDENT1@psu.exchange.test');
    expect(known.statusCode).toBe(fresh.statusCode);
    expect(known.headers['content-type']).toBe(fresh.headers['content-type']);
    const shape = (body: { user: Record<string, unknown> }) => ({ ...body.user, id: typeof body.user.id, email: undefined, createdAt: typeof body.user.createdAt });
    expect(shape(known.json())).toEqual(shape(fresh.json()));
    expect(known.json().user.id).not.toBe(fresh.json().user.id);

    // Nothing changed about the existing account: the owner still signs in as before.
    expect((await login('student1@psu.exchange.test', demoPassword, '203.0.113.97')).statusCode).toBe(200);
    await t.app.mail.deliverDue();
    const mails = (await readOutbox(t.dataDir)).filter((entry) => entry.to === 'student1@psu.exchange.test');
    const [owner] = await t.database.rows<{ locale: 'en' | 'ru' | 'zh' }>('select locale from users where email = $1', ['student1@psu.exchange.test']);
    expect(mails.map((mail) => mail.body)).toContain(renderNotification('account.registration_attempt', {}, owner!.locale).body);
  });

  it('refuses registration without consent to the processing of personal data', async () => {
    const psu = await t.institutionId('PSU');
    const base = { email: 'no.consent@psu.exchange.test', password: 'Penza-Baoji-2026', fullName: 'Test Student', institutionId: psu };
    for (const consent of [undefined, {}, { version: '1999-01-01' }]) {
      const refused = await t.request({ method: 'POST', url: '/api/v1/auth/register', headers: fromClient('203.0.113.98'), payload: { ...base, consent } });
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).errors?.[0]?.path).toMatch(/^body\.consent/);
    }
    expect((await t.database.rows('select 1 from users where email = $1', ['no.consent@psu.exchange.test'])).length).toBe(0);
  });

  it('refuses a common password and an unknown institution', async () => {
    const psu = await t.institutionId('PSU');
    const base = { password: 'Penza-Baoji-2026', fullName: 'Test Student', institutionId: psu, consent: { version: consentVersion } };
    const common = await t.request({ method: 'POST', url: '/api/v1/auth/register', headers: fromClient('203.0.113.93'), payload: { ...base, email: 'a@psu.exchange.test', password: 'password123' } });
    expect(common.statusCode).toBe(400);
    expect(problemOf(common).errors?.[0]?.path).toBe('body.password');

    const nowhere = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: fromClient('203.0.113.93'),
      payload: { ...base, email: 'b@psu.exchange.test', institutionId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(nowhere.statusCode).toBe(422);
    expect(problemOf(nowhere).code).toBe('institution_not_found');
  });

  it('refuses to let a registering student choose their role or status', async () => {
    const psu = await t.institutionId('PSU');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: fromClient('203.0.113.94'),
      payload: { email: 'sneaky@psu.exchange.test', password: 'Penza-Baoji-2026', fullName: 'Sneaky', institutionId: psu, consent: { version: consentVersion }, role: 'admin', status: 'active' },
    });
    expect(response.statusCode).toBe(400);
    expect((await login('sneaky@psu.exchange.test', 'Penza-Baoji-2026', '203.0.113.95')).statusCode).toBe(401);
  });
});

describe('the personal calendar feed', () => {
  async function newStudent(email: string) {
    const admin = await t.login('admin@exchange.test');
    const payload = { email, fullName: 'Feed Owner', role: 'student', institutionId: await t.institutionId('PSU'), status: 'active', password: 'Penza-Baoji-2026' };
    const created = await t.request({ method: 'POST', url: '/api/v1/users', token: admin, payload });
    expect(created.statusCode).toBe(201);
    return { admin, id: created.json().id as string, token: await t.login(email, 'Penza-Baoji-2026') };
  }
  const feedOf = async (token: string) =>
    (await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token, payload: {} })).json().path as string;
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
