import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
let admin: string;
let psuCoordinator: string;
let buasCoordinator: string;
type User = { id: string; email: string; role: string; institutionId: string | null; status: string; passwordSet: boolean };

const mailsTo = (address: string) =>
  t.database.rows<{ subject: string; body: string; link_path: string; locale: string }>(
    `select subject, body, link_path, locale from mail_outbox where to_address = '${address}' order by created_at`,
  );

beforeAll(async () => {
  t = await createTestContext();
  [admin, psuCoordinator, buasCoordinator] = await Promise.all([
    t.login('admin@exchange.test'),
    t.login('coordinator@psu.exchange.test'),
    t.login('coordinator@buas.exchange.test'),
  ]);
});
afterAll(() => t?.close());

describe('staff accounts and invitations', () => {
  it('creates a BUAS coordinator without a password and e-mails an invitation link in their language', async () => {
    const buas = await t.institutionId('BUAS');
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: admin,
      payload: { email: 'Second.Coordinator@buas.exchange.test', fullName: '王芳', role: 'coordinator', institutionId: buas, locale: 'zh' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'second.coordinator@buas.exchange.test', role: 'coordinator', passwordSet: false });

    const [mail, ...more] = await mailsTo('second.coordinator@buas.exchange.test');
    expect(more).toHaveLength(0);
    expect(mail!.link_path).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(mail!.locale).toBe('zh');
    // Without a password nobody signs in until the link is used.
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'second.coordinator@buas.exchange.test', password: 'anything-at-all-1' },
    });
    expect(login.statusCode).toBe(401);

    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?entityId=${created.json().id}`, token: admin });
    expect(audit.json().items.map((entry: { action: string }) => entry.action)).toEqual(['user.invite']);
  });

  it('sends the invitation again with a new link that replaces the old, only while no password is set', async () => {
    const account = (await t.request({ method: 'GET', url: '/api/v1/users?q=second.coordinator', token: admin })).json().items[0] as User;
    const again = await t.request({ method: 'POST', url: `/api/v1/users/${account.id}/invitation`, token: admin });
    expect(again.statusCode).toBe(200);
    const mails = await mailsTo(account.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.link_path).not.toBe(mails[0]!.link_path);
    const open = await t.database.rows(`select 1 from account_tokens where user_id = '${account.id}' and used_at is null`);
    expect(open).toHaveLength(1);

    const withPassword = (await t.request({ method: 'GET', url: '/api/v1/users?q=student2@psu', token: admin })).json().items[0] as User;
    expect(withPassword.passwordSet).toBe(true);
    const refused = await t.request({ method: 'POST', url: `/api/v1/users/${withPassword.id}/invitation`, token: admin });
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).code).toBe('password_already_set');
    expect(await mailsTo(withPassword.email)).toHaveLength(0);
  });

  it('lets a coordinator create and see a reviewer of their institution, never another institution’s people', async () => {
    const psu = await t.institutionId('PSU');
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: psuCoordinator,
      payload: { email: 'reviewer2@psu.exchange.test', fullName: 'Анна Рецензентова', role: 'reviewer', institutionId: psu, locale: 'ru' },
    });
    expect(created.statusCode).toBe(201);
    expect((await mailsTo('reviewer2@psu.exchange.test'))[0]!.link_path).toMatch(/^\/invitation\//);

    const listed: User[] = (await t.request({ method: 'GET', url: '/api/v1/users?limit=100', token: psuCoordinator })).json().items;
    expect(listed.map((user) => user.email)).toContain('reviewer2@psu.exchange.test');
    expect(listed.every((user) => user.institutionId === psu && ['student', 'reviewer'].includes(user.role))).toBe(true);
    const reviewers = await t.request({ method: 'GET', url: '/api/v1/users?role=reviewer', token: psuCoordinator });
    expect(reviewers.json().items.map((user: User) => user.email)).toEqual(['reviewer2@psu.exchange.test']);
    const coordinators = await t.request({ method: 'GET', url: '/api/v1/users?role=coordinator', token: psuCoordinator });
    expect(coordinators.json().total).toBe(0);

    const foreignReviewer = (await t.request({ method: 'GET', url: '/api/v1/users?q=reviewer@buas', token: admin })).json().items[0] as User;
    for (const request of [
      { method: 'GET' as const, url: `/api/v1/users/${foreignReviewer.id}` },
      { method: 'PATCH' as const, url: `/api/v1/users/${foreignReviewer.id}`, payload: { status: 'disabled' } },
      { method: 'POST' as const, url: `/api/v1/users/${foreignReviewer.id}/invitation` },
    ]) {
      const response = await t.request({ ...request, token: psuCoordinator });
      expect(response.statusCode).toBe(404);
    }
    const buas = await t.institutionId('BUAS');
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: psuCoordinator,
      payload: { email: 'reviewer3@buas.exchange.test', fullName: 'Someone', role: 'reviewer', institutionId: buas },
    });
    expect(elsewhere.statusCode).toBe(403);
    const colleague = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: psuCoordinator,
      payload: { email: 'coordinator2@psu.exchange.test', fullName: 'Someone', role: 'coordinator', institutionId: psu },
    });
    expect(colleague.statusCode).toBe(403);
    expect(await t.database.rows(`select 1 from users where email in ('reviewer3@buas.exchange.test', 'coordinator2@psu.exchange.test')`)).toHaveLength(0);
  });

  it('ends a disabled reviewer’s sessions at once, and the renewal too', async () => {
    const reviewer = await t.login('reviewer@buas.exchange.test');
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: reviewer })).statusCode).toBe(200);
    const me: User = (await t.request({ method: 'GET', url: '/api/v1/me', token: reviewer })).json();

    const disabled = await t.request({ method: 'PATCH', url: `/api/v1/users/${me.id}`, token: buasCoordinator, payload: { status: 'disabled' } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: reviewer })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/refresh', token: reviewer })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/nominations?direction=incoming', token: reviewer })).statusCode).toBe(401);

    const again = await t.request({ method: 'PATCH', url: `/api/v1/users/${me.id}`, token: buasCoordinator, payload: { status: 'active' } });
    expect(again.statusCode).toBe(200);
    // The old token stays dead: enabling again needs a new sign-in.
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: reviewer })).statusCode).toBe(401);
    expect((await t.login('reviewer@buas.exchange.test')).length).toBeGreaterThan(20);
  });
});
