/**
 * E-mailed links end with what makes them obsolete: a password set by reset, by invitation, by
 * its owner or by an administrator, and disabling the account. A link mailed before any of
 * those no longer opens the account, whatever its purpose.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, users } from '@exchange/db';
import type { AccountTokenPurpose } from '@exchange/shared';
import { issueAccountToken } from '../../lib/account-tokens.js';
import { authFixture } from '../../test/fixtures/auth.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f, fromClient } = authFixture();
let t: TestContext;
let admin: string;
beforeAll(async () => {
  t = f.t;
  admin = await t.login('admin@exchange.test');
});

/** An active account without a password, and the links mailed to it so far. */
async function account(email: string) {
  const institutionId = await t.institutionId('PSU');
  const [created] = await t.database.db
    .insert(users)
    .values({ email, fullName: 'Анна Ссылкина', role: 'student', institutionId, status: 'active', locale: 'ru', passwordHash: null })
    .returning();
  return created!.id;
}
const link = (userId: string, purpose: AccountTokenPurpose) => t.database.db.transaction((tx) => issueAccountToken(tx, userId, purpose));
const accept = (token: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/invitation/accept', payload: { token, password: 'Late-Comer-2026' }, headers: fromClient('203.0.113.70') });
const reset = (token: string) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    payload: { token, password: 'Late-Comer-2026' },
    headers: fromClient('203.0.113.70'),
  });
const setPassword = (id: string) => t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, token: admin, payload: { password: 'Set-By-Office-2026' } });

describe('links that a later change makes obsolete', () => {
  it('ends the invitation when its owner sets a password by reset', async () => {
    const id = await account('links.reset@psu.exchange.test');
    const invitation = await link(id, 'invitation');
    expect((await reset(await link(id, 'password_reset'))).statusCode).toBe(204);
    expect(problemOf(await accept(invitation)).code).toBe('invalid_link');
  });

  it('ends a reset link when the invitation is accepted', async () => {
    const id = await account('links.invited@psu.exchange.test');
    const resetLink = await link(id, 'password_reset');
    expect((await accept(await link(id, 'invitation'))).statusCode).toBe(200);
    expect(problemOf(await reset(resetLink)).code).toBe('invalid_link');
  });

  it('ends open links when an administrator sets the password', async () => {
    const id = await account('links.office@psu.exchange.test');
    const [invitation, resetLink] = [await link(id, 'invitation'), await link(id, 'password_reset')];
    expect((await setPassword(id)).statusCode).toBe(200);
    expect(problemOf(await accept(invitation)).code).toBe('invalid_link');
    expect(problemOf(await reset(resetLink)).code).toBe('invalid_link');
  });

  it('ends a reset link when the owner changes the password', async () => {
    const email = 'student4@psu.exchange.test';
    const [row] = await t.database.rows<{ id: string }>(`select id from users where email = $1`, [email]);
    const resetLink = await link(row!.id, 'password_reset');
    const changed = await t.request({
      method: 'POST',
      url: '/api/v1/me/password',
      token: await t.login(email),
      payload: { currentPassword: demoPassword, newPassword: 'Owner-Changed-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect(problemOf(await reset(resetLink)).code).toBe('invalid_link');
  });

  it('ends open links when the account is disabled, and they stay dead when it is enabled again', async () => {
    const id = await account('links.disabled@psu.exchange.test');
    const invitation = await link(id, 'invitation');
    const disable = (status: string) => t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, token: admin, payload: { status } });
    expect((await disable('disabled')).statusCode).toBe(200);
    expect((await disable('active')).statusCode).toBe(200);
    expect(problemOf(await accept(invitation)).code).toBe('invalid_link');
  });
});
