/** Accepting an invitation: the first password, signed in at once, the address proven; the link once only. */
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@exchange/db';
import { mailAccountLink } from '../../lib/account-mail.js';
import { issueAccountToken } from '../../lib/account-tokens.js';
import { authFixture } from '../../test/fixtures/auth.js';
import { problemOf, readOutbox, type TestContext } from '../../test/helper.js';

const { f, fromClient, login } = authFixture();
let t: TestContext;
beforeAll(() => {
  t = f.t;
});

/** An account made by staff without a password, and its invitation as the mail carries it. */
async function invited(email: string, status: 'active' | 'pending' = 'active') {
  const institutionId = await t.institutionId('BUAS');
  const [created] = await t.database.db
    .insert(users)
    .values({ email, fullName: '王小明', role: 'student', institutionId, status, locale: 'zh', passwordHash: null })
    .returning();
  await t.database.db.transaction(async (tx) => {
    await mailAccountLink(tx, created!, 'invitation', await issueAccountToken(tx, created!.id, 'invitation'));
  });
  await t.app.mail.deliverDue();
  const mail = (await readOutbox(t.dataDir)).find((entry) => entry.to === email)!;
  return /http:\/\/localhost:3000\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
}
const accept = (token: string, password: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/invitation/accept', payload: { token, password }, headers: fromClient('203.0.113.60') });

describe('invitations', () => {
  it('sets the first password from the mailed link and signs the person in', async () => {
    const email = 'invited.student@buas.exchange.test';
    const token = await invited(email);
    // Before accepting, no password opens the account: it fails like a wrong one.
    const before = await login(email, 'Anything-2026', '203.0.113.61');
    expect(before.statusCode).toBe(401);
    expect(problemOf(before).code).toBe('invalid_credentials');

    const accepted = await accept(token, 'Baoji-Welcome-2026');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email, status: 'active' });
    const me = await t.request({ method: 'GET', url: '/api/v1/me', token: accepted.json().token });
    expect(me.statusCode).toBe(200);
    expect(me.json().emailVerifiedAt).not.toBeNull();
    expect((await login(email, 'Baoji-Welcome-2026', '203.0.113.61')).statusCode).toBe(200);

    const again = await accept(token, 'Someone-Else-2026');
    expect(again.statusCode).toBe(400);
    expect(problemOf(again).code).toBe('invalid_link');
    expect((await login(email, 'Someone-Else-2026', '203.0.113.61')).statusCode).toBe(401);
  });

  it('refuses an expired, tampered, reset or disabled account’s invitation alike', async () => {
    const expiredToken = await invited('invited.late@buas.exchange.test');
    await t.database.rows(`update account_tokens set expires_at = now() - interval '1 second' where purpose = 'invitation' and used_at is null`);
    const disabledToken = await invited('invited.disabled@buas.exchange.test');
    await t.database.rows(`update users set status = 'disabled' where email = 'invited.disabled@buas.exchange.test'`);
    const fresh = await invited('invited.other@buas.exchange.test');
    const refusals = [
      await accept(expiredToken, 'Baoji-Welcome-2026'),
      await accept(disabledToken, 'Baoji-Welcome-2026'),
      await accept(`${fresh.slice(0, -1)}${fresh.endsWith('A') ? 'B' : 'A'}`, 'Baoji-Welcome-2026'),
      // A reset link's form cannot accept an invitation.
      await t.request({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: fresh, password: 'Baoji-Welcome-2026' } }),
    ];
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, instance: undefined });
    for (const refused of refusals) {
      expect(refused.statusCode).toBe(400);
      expect(strip(problemOf(refused))).toEqual(strip(problemOf(refusals[0]!)));
    }
    // The untouched invitation still works.
    expect((await accept(fresh, 'Baoji-Welcome-2026')).statusCode).toBe(200);
  });

  it('keeps an account that awaits verification waiting, with its password set', async () => {
    const email = 'invited.pending@buas.exchange.test';
    const accepted = await accept(await invited(email, 'pending'), 'Baoji-Welcome-2026');
    expect(accepted.statusCode).toBe(403);
    expect(problemOf(accepted).code).toBe('account_pending');
    expect(problemOf(await login(email, 'Baoji-Welcome-2026', '203.0.113.62')).code).toBe('account_pending');
  });

  it('accepts the invitation a coordinator’s new account mails, once', async () => {
    const email = 'made.by.office@psu.exchange.test';
    const coordinator = await t.login('coordinator@psu.exchange.test');
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: coordinator,
      payload: { email, fullName: 'Ольга Новикова', role: 'student', institutionId: await t.institutionId('PSU'), locale: 'ru' },
    });
    expect(created.statusCode).toBe(201);
    await t.app.mail.deliverDue();
    const mail = (await readOutbox(t.dataDir)).find((entry) => entry.to === email)!;
    const token = /http:\/\/localhost:3000\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    const accepted = await accept(token, 'Penza-Welcome-2026');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email, locale: 'ru' });
    expect((await accept(token, 'Penza-Welcome-2027')).statusCode).toBe(400);
  });

  it('refuses a password against the policy, leaving the link usable', async () => {
    const token = await invited('invited.weak@buas.exchange.test');
    expect((await accept(token, 'password')).statusCode).toBe(400);
    expect((await accept(token, 'Baoji-Welcome-2026')).statusCode).toBe(200);
  });
});
