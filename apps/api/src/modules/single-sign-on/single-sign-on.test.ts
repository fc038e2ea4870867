/**
 * Signing in at an institution's OpenID provider, against a real provider in this process:
 * the whole code flow over HTTP, linking by verified e-mail within the institution, and the
 * refusals (wrong state, replayed code, another client's code, unverified e-mail, an e-mail of
 * another institution, a disabled account) that link nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';
import { codeFlow, startTestProvider, type TestProvider } from '../../test/oidc-provider.js';

const redirectUri = 'http://localhost:3000/login/oidc/callback';
const client = { clientId: 'exchange-psu', clientSecret: 'psu-client-secret-for-tests' };
const otherClient = { clientId: 'another-app', clientSecret: 'another-secret-for-tests' };
let t: TestContext;
let provider: TestProvider;
let admin: string;
let psu: string;

beforeAll(async () => {
  [t, provider] = await Promise.all([createTestContext(), startTestProvider({ redirectUris: [redirectUri], clients: [client, otherClient] })]);
  admin = await t.login('admin@exchange.test');
  psu = await t.institutionId('PSU');
  const saved = await t.request({
    method: 'PUT',
    url: `/api/v1/institutions/${psu}/identity-provider`,
    token: admin,
    payload: { issuer: provider.issuer, clientId: client.clientId, clientSecret: client.clientSecret, displayName: 'ПГУ: единая учётная запись' },
  });
  expect(saved.statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

const start = async () => {
  const started = await t.request({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { institutionId: psu } });
  expect(started.statusCode).toBe(200);
  return started.json() as { authorizationUrl: string; state: string };
};
const finish = (query: string) => t.request({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: { query } });
const identities = async (email: string) =>
  (await t.database.rows<{ n: number }>('select count(*)::int as n from user_identities i join users u on u.id = i.user_id where u.email = $1', [email]))[0]!.n;

describe('signing in at the institution’s provider', () => {
  it('offers the provider on the sign-in page and never reads the client secret back', async () => {
    const listed = await t.request({ method: 'GET', url: '/api/v1/auth/oidc/providers' });
    expect(listed.json().items).toEqual([{ institutionId: psu, displayName: 'ПГУ: единая учётная запись' }]);
    const read = await t.request({ method: 'GET', url: `/api/v1/institutions/${psu}/identity-provider`, token: admin });
    expect(read.json().provider).toMatchObject({ issuer: provider.issuer, clientId: client.clientId, enabled: true });
    expect(read.body).not.toContain(client.clientSecret);
  });

  it('signs a PSU student in through the code flow with PKCE, linking the identity by verified e-mail', async () => {
    provider.account({ sub: 'psu-0001', email: 'Student1@psu.exchange.test', email_verified: true });
    const { authorizationUrl, state } = await start();
    const url = new URL(authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url.searchParams.get('state')).toBe(state);

    const query = await codeFlow(authorizationUrl, 'psu-0001', redirectUri);
    const signedIn = await finish(query);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ email: 'student1@psu.exchange.test', role: 'student' });
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: signedIn.json().token })).statusCode).toBe(200);
    expect(await identities('student1@psu.exchange.test')).toBe(1);

    // The same answer again (a replayed code): refused, the state was used.
    const replayed = await finish(query);
    expect(replayed.statusCode).toBe(400);
    expect(problemOf(replayed).code).toBe('sign_in_refused');

    // Next time the link decides, even after the e-mail changed at the provider.
    provider.account({ sub: 'psu-0001', email: 'renamed@elsewhere.example', email_verified: false });
    const again = await finish(await codeFlow((await start()).authorizationUrl, 'psu-0001', redirectUri));
    expect(again.statusCode).toBe(200);
    expect(again.json().user.email).toBe('student1@psu.exchange.test');
  });

  it('refuses an unknown state and a state from another sign-in', async () => {
    provider.account({ sub: 'psu-0002', email: 'student2@psu.exchange.test', email_verified: true });
    const query = new URLSearchParams((await codeFlow((await start()).authorizationUrl, 'psu-0002', redirectUri)).slice(1));
    const { state: otherState } = await start();
    for (const state of ['made-up-state', otherState]) {
      const forged = new URLSearchParams(query);
      forged.set('state', state);
      const refused = await finish(forged.toString());
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).code).toBe('sign_in_refused');
    }
    expect(await identities('student2@psu.exchange.test')).toBe(0);
  });

  it('refuses a code issued to another client', async () => {
    provider.account({ sub: 'psu-0003', email: 'student3@psu.exchange.test', email_verified: true });
    const url = new URL((await start()).authorizationUrl);
    url.searchParams.set('client_id', otherClient.clientId);
    const refused = await finish(await codeFlow(url.href, 'psu-0003', redirectUri));
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).code).toBe('sign_in_refused');
    expect(await identities('student3@psu.exchange.test')).toBe(0);
  });

  it('refuses an unverified e-mail and an e-mail of another institution, telling to ask the office', async () => {
    provider.account({ sub: 'psu-0004', email: 'student4@psu.exchange.test', email_verified: false });
    const unverified = await finish(await codeFlow((await start()).authorizationUrl, 'psu-0004', redirectUri));
    expect(unverified.statusCode).toBe(403);
    expect(problemOf(unverified).code).toBe('email_not_verified');
    expect(await identities('student4@psu.exchange.test')).toBe(0);

    // A BUAS student's address, vouched for by PSU's provider: not PSU's to open.
    provider.account({ sub: 'psu-0005', email: 'student1@buas.exchange.test', email_verified: true });
    const foreign = await finish(await codeFlow((await start()).authorizationUrl, 'psu-0005', redirectUri));
    expect(foreign.statusCode).toBe(403);
    expect(problemOf(foreign).code).toBe('no_matching_account');
    expect(problemOf(foreign).detail).toMatch(/international office/);
    expect(await identities('student1@buas.exchange.test')).toBe(0);
  });

  it('refuses a disabled account, linking nothing', async () => {
    await t.database.rows(`update users set status = 'disabled' where email = 'student5@psu.exchange.test'`);
    provider.account({ sub: 'psu-0006', email: 'student5@psu.exchange.test', email_verified: true });
    const refused = await finish(await codeFlow((await start()).authorizationUrl, 'psu-0006', redirectUri));
    expect(refused.statusCode).toBe(403);
    expect(problemOf(refused).code).toBe('account_disabled');
    expect(await identities('student5@psu.exchange.test')).toBe(0);
  });

  it('refuses a sign-in past its ten minutes', async () => {
    provider.account({ sub: 'psu-0007', email: 'coordinator@psu.exchange.test', email_verified: true });
    const { authorizationUrl, state } = await start();
    const query = await codeFlow(authorizationUrl, 'psu-0007', redirectUri);
    await t.database.rows(`update oidc_sign_ins set expires_at = now() - interval '1 second' where state = $1`, [state]);
    expect(problemOf(await finish(query)).code).toBe('sign_in_refused');
  });

  it('stops offering a disabled provider', async () => {
    const disabled = await t.request({
      method: 'PUT',
      url: `/api/v1/institutions/${psu}/identity-provider`,
      token: admin,
      payload: { issuer: provider.issuer, clientId: client.clientId, displayName: 'ПГУ', enabled: false },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/oidc/providers' })).json().items).toEqual([]);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/oidc/start', payload: { institutionId: psu } })).statusCode).toBe(404);
  });
});
