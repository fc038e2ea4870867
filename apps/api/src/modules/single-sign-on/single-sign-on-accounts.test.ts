/**
 * What the first sign-in at an institution's provider does to the account it opens, against a
 * real provider in this process: an address nobody had proven is taken over by its owner, and
 * an identity counts only while its account belongs to the provider's institution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentVersion } from '@exchange/shared';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';
import { codeFlow, startTestProvider, type TestProvider } from '../../test/oidc-provider.js';

const redirectUri = 'http://localhost:3000/login/oidc/callback';
const client = { clientId: 'exchange-psu', clientSecret: 'psu-client-secret-for-tests' };
let t: TestContext;
let provider: TestProvider;
let admin: string;
let psu: string;

beforeAll(async () => {
  [t, provider] = await Promise.all([createTestContext(), startTestProvider({ redirectUris: [redirectUri], clients: [client] })]);
  admin = await t.login('admin@exchange.test');
  psu = await t.institutionId('PSU');
  const saved = await t.request({
    method: 'PUT',
    url: `/api/v1/institutions/${psu}/identity-provider`,
    token: admin,
    payload: { issuer: provider.issuer, clientId: client.clientId, clientSecret: client.clientSecret, displayName: 'ПГУ' },
  });
  expect(saved.statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

const signInAs = async (subject: string) => {
  const started = await t.request({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { institutionId: psu } });
  const query = await codeFlow(started.json().authorizationUrl, subject, redirectUri);
  return t.request({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: { query } });
};
const passwordLogin = (email: string, password: string) => t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('the first sign-in at the provider', () => {
  it('takes an account registered by someone else for the address back to its owner', async () => {
    // The attacker registers the victim's address with a password of their own, and the office verifies it.
    const email = 'victim@psu.exchange.test';
    const registered = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: 'Attacker-Knows-2026', fullName: 'Вера Жертва', institutionId: psu, locale: 'ru', consent: { version: consentVersion } },
    });
    expect(registered.statusCode).toBe(201);
    const id = registered.json().user.id as string;
    const coordinator = await t.login('coordinator@psu.exchange.test');
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, token: coordinator, payload: { status: 'active' } })).statusCode).toBe(200);
    const attacker = (await passwordLogin(email, 'Attacker-Knows-2026')).json().token as string;
    const feed = (await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: attacker, payload: {} })).json().path as string;
    expect((await t.request({ method: 'GET', url: `/api/v1${feed}` })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: attacker })).json().emailVerifiedAt).toBeNull();

    // The owner of the address signs in at their institution.
    provider.account({ sub: 'psu-victim', email, email_verified: true });
    const owner = await signInAs('psu-victim');
    expect(owner.statusCode).toBe(200);
    expect(owner.json().user).toMatchObject({ email, passwordSet: false });

    // The attacker is out: the session, the password and the calendar feed no longer work.
    expect(problemOf(await t.request({ method: 'GET', url: '/api/v1/me', token: attacker })).code).toBe('token_revoked');
    expect((await passwordLogin(email, 'Attacker-Knows-2026')).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: `/api/v1${feed}` })).statusCode).toBe(404);
    const me = (await t.request({ method: 'GET', url: '/api/v1/me', token: owner.json().token })).json();
    expect(me.emailVerifiedAt).not.toBeNull();
    const audited = await t.database.rows<{ action: string }>(`select action from audit_entries where entity_id = $1 order by seq`, [id]);
    expect(audited.map((row) => row.action)).toEqual(expect.arrayContaining(['user.identity_link', 'user.email_verify']));
  });

  it('keeps the password of an account whose address was proven already', async () => {
    const email = 'coordinator@psu.exchange.test';
    await t.database.rows(`update users set email_verified_at = now() where email = $1`, [email]);
    const before = await t.login(email);
    provider.account({ sub: 'psu-coordinator', email, email_verified: true });
    expect((await signInAs('psu-coordinator')).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: before })).statusCode).toBe(200);
    await t.login(email);
  });
});

describe('changing the provider', () => {
  it('never sends the stored client secret to a new issuer', async () => {
    const url = `/api/v1/institutions/${psu}/identity-provider`;
    const moved = await t.request({
      method: 'PUT',
      url,
      token: admin,
      payload: { issuer: 'https://login.attacker.example/', clientId: client.clientId, displayName: 'ПГУ' },
    });
    expect(moved.statusCode).toBe(422);
    expect(problemOf(moved).code).toBe('client_secret_required');
    expect(problemOf(moved).errors).toEqual([expect.objectContaining({ path: 'body.clientSecret', message: 'Required when the issuer changes' })]);
    expect((await t.request({ method: 'GET', url, token: admin })).json().provider.issuer).toBe(provider.issuer);

    // The same issuer keeps its secret when none is given.
    const renamed = await t.request({
      method: 'PUT',
      url,
      token: admin,
      payload: { issuer: provider.issuer, clientId: client.clientId, displayName: 'ПГУ: вход' },
    });
    expect(renamed.statusCode).toBe(200);
    provider.account({ sub: 'psu-after-rename', email: 'student2@psu.exchange.test', email_verified: true });
    expect((await signInAs('psu-after-rename')).statusCode).toBe(200);
  });
});

describe('an account that moves to another institution', () => {
  const identities = async (email: string) =>
    (await t.database.rows<{ n: number }>('select count(*)::int as n from user_identities i join users u on u.id = i.user_id where u.email = $1', [email]))[0]!
      .n;

  it('loses its identity at the old institution’s provider when an administrator moves it', async () => {
    const email = 'student3@psu.exchange.test';
    provider.account({ sub: 'psu-mover', email, email_verified: true });
    expect((await signInAs('psu-mover')).statusCode).toBe(200);
    expect(await identities(email)).toBe(1);
    const [row] = await t.database.rows<{ id: string }>('select id from users where email = $1', [email]);
    const buas = await t.institutionId('BUAS');
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${row!.id}`, token: admin, payload: { institutionId: buas } })).statusCode).toBe(200);
    expect(await identities(email)).toBe(0);
    const after = await signInAs('psu-mover');
    expect(after.statusCode).toBe(403);
    expect(problemOf(after).code).toBe('no_matching_account');
  });

  it('refuses a linked identity whose account belongs elsewhere now', async () => {
    const email = 'student4@psu.exchange.test';
    provider.account({ sub: 'psu-elsewhere', email, email_verified: true });
    expect((await signInAs('psu-elsewhere')).statusCode).toBe(200);
    // Moved without going through the administrators' form (the link is left in place).
    await t.database.rows(`update users set institution_id = (select id from institutions where code = 'BUAS') where email = $1`, [email]);
    const after = await signInAs('psu-elsewhere');
    expect(after.statusCode).toBe(400);
    expect(problemOf(after).code).toBe('sign_in_refused');
  });
});
