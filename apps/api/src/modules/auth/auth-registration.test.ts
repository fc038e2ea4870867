/** Self-registration: verified by a coordinator, no account enumeration, consent, password and institution checks, no chosen role. */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '@exchange/db';
import { consentVersion, renderNotification } from '@exchange/shared';
import { authFixture } from '../../test/fixtures/auth.js';
import { problemOf, readOutbox, type TestContext } from '../../test/helper.js';

const { f, fromClient, login } = authFixture();
let t: TestContext;
beforeAll(() => {
  t = f.t;
});

describe('self-registration', () => {
  it('keeps a new student out until a coordinator of their institution verifies them', async () => {
    const psu = await t.institutionId('PSU');
    const registered = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: fromClient('203.0.113.90'),
      payload: {
        email: 'new.student@psu.exchange.test',
        password: 'Penza-Baoji-2026',
        fullName: 'Ольга Новикова',
        institutionId: psu,
        locale: 'ru',
        consent: { version: consentVersion },
      },
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
    const verified = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${student.id}`,
      token: coordinator,
      payload: { status: 'active' },
    });
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
    const read = await t.request({
      method: 'POST',
      url: `/api/v1/notifications/${inbox.json().items[0].id}/read`,
      token: signedIn.json().token,
    });
    expect(read.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications', token: signedIn.json().token })).json().unread).toBe(0);
  });

  it('answers a known e-mail exactly as a new one and tells its owner by e-mail', async () => {
    const psu = await t.institutionId('PSU');
    const base = {
      password: 'Penza-Baoji-2026',
      fullName: 'Test Student',
      institutionId: psu,
      locale: 'en',
      consent: { version: consentVersion },
    };
    const register = (email: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/register', headers: fromClient('203.0.113.96'), payload: { ...base, email } });
    const fresh = await register('brand.new@psu.exchange.test');
    const known = await register('STUDENT1@psu.exchange.test');
    expect(known.statusCode).toBe(fresh.statusCode);
    expect(known.headers['content-type']).toBe(fresh.headers['content-type']);
    const shape = (body: { user: Record<string, unknown> }) => ({
      ...body.user,
      id: typeof body.user.id,
      email: undefined,
      createdAt: typeof body.user.createdAt,
    });
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
      const refused = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        headers: fromClient('203.0.113.98'),
        payload: { ...base, consent },
      });
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).errors?.[0]?.path).toMatch(/^body\.consent/);
    }
    expect((await t.database.rows('select 1 from users where email = $1', ['no.consent@psu.exchange.test'])).length).toBe(0);
  });

  it('refuses a common password and an unknown institution', async () => {
    const psu = await t.institutionId('PSU');
    const base = { password: 'Penza-Baoji-2026', fullName: 'Test Student', institutionId: psu, consent: { version: consentVersion } };
    const common = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: fromClient('203.0.113.93'),
      payload: { ...base, email: 'a@psu.exchange.test', password: 'password123' },
    });
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
      payload: {
        email: 'sneaky@psu.exchange.test',
        password: 'Penza-Baoji-2026',
        fullName: 'Sneaky',
        institutionId: psu,
        consent: { version: consentVersion },
        role: 'admin',
        status: 'active',
      },
    });
    expect(response.statusCode).toBe(400);
    expect((await login('sneaky@psu.exchange.test', 'Penza-Baoji-2026', '203.0.113.95')).statusCode).toBe(401);
  });
});
