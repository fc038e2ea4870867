/** The matrix rows of one's own sessions, password reset and invitation links, and sign-in at an institution's identity provider. */
import { randomBytes } from 'node:crypto';
import { demoPassword } from '@exchange/db';
import { issueAccountToken } from '../../lib/account-tokens.js';
import { missingId } from '../fixtures/security.js';
import { clientAddress, env, everyone, freshToken, institutionFor, only, signedIn, type Caller, type Owner, type Table } from './support.js';
import type { Fixtures } from '../fixtures/security.js';

/** Counts cells, so each comes from its own client address and stays clear of the per-client limits. */
let cells = 0;
const ownAddress = () => clientAddress(`192.0.2.${(++cells % 250) + 1}`);

/** A live e-mailed link of a demo account that no matrix caller signs in as. */
async function linkToken(purpose: 'invitation' | 'password_reset') {
  const [row] = await env.t.database.rows<{ id: string }>(`select id from users where email = 'student4@psu.exchange.test'`);
  return env.t.database.db.transaction((tx) => issueAccountToken(tx, row!.id, purpose));
}

/** The OpenID provider the sign-in rows use: started by the matrix test file (`oidcProvider.issuer`). */
export const oidcProvider = { issuer: '', clientId: 'exchange-matrix', clientSecret: 'a-client-secret-for-the-matrix' };
const providerBody = () => ({ issuer: oidcProvider.issuer, clientId: oidcProvider.clientId, clientSecret: oidcProvider.clientSecret, displayName: 'Matrix' });

/** Institutions: own and same = the caller's home, other = another party. */
const institutionOf = (f: Fixtures, caller: Caller, owner: Owner) => (owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)]);

const sessionIdOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;

/** Sessions: own = another session of the caller, same = a student's at home, other = a student's elsewhere. */
async function sessionFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing' || (owner === 'own' && !caller.email)) return missingId;
  const email = owner === 'own' ? caller.email! : (await f.student(owner === 'other' ? (caller.home === 'PSU' ? 'BUAS' : 'PSU') : caller.home)).email;
  return sessionIdOf(await env.t.login(email));
}

export const signIn: Table = {
  'POST /api/v1/auth/password-reset': {
    owned: false,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: ownAddress(),
      payload: { email: `reset-${randomBytes(4).toString('hex')}@example.test` },
    }),
    expect: everyone(202),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    owned: false,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      headers: ownAddress(),
      payload: { token: await linkToken('password_reset'), password: demoPassword },
    }),
    expect: everyone(204),
  },
  'POST /api/v1/auth/invitation/accept': {
    owned: false,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/auth/invitation/accept',
      headers: ownAddress(),
      payload: { token: await linkToken('invitation'), password: demoPassword },
    }),
    expect: everyone(200),
  },
  'GET /api/v1/me/sessions': { owned: false, build: async () => ({ method: 'GET', url: '/api/v1/me/sessions' }), expect: signedIn(200) },
  'DELETE /api/v1/me/sessions/:id': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'DELETE', url: `/api/v1/me/sessions/${await sessionFor(f, caller, owner)}` }),
    expect: signedIn([204, 404, 404, 404]),
  },
  'POST /api/v1/me/sessions/end-others': {
    owned: false,
    revokes: true,
    build: async (f, caller) => ({ method: 'POST', url: '/api/v1/me/sessions/end-others', token: await freshToken(f, caller) }),
    expect: signedIn(200),
  },

  'GET /api/v1/auth/oidc/providers': { owned: false, build: async () => ({ method: 'GET', url: '/api/v1/auth/oidc/providers' }), expect: everyone(200) },
  'POST /api/v1/auth/oidc/start': {
    owned: false,
    build: async (f) => {
      const admin = await f.token('admin@exchange.test');
      await env.t.request({ method: 'PUT', url: `/api/v1/institutions/${f.institution.PSU}/identity-provider`, token: admin, payload: providerBody() });
      return { method: 'POST', url: '/api/v1/auth/oidc/start', payload: { institutionId: f.institution.PSU } };
    },
    expect: everyone(200),
  },
  // The whole flow is in the module's tests; here, a callback no sign-in started.
  'POST /api/v1/auth/oidc/callback': {
    owned: false,
    build: async () => ({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: { query: `code=x&state=${randomBytes(8).toString('hex')}` } }),
    expect: everyone(400),
  },
  'GET /api/v1/institutions/:id/identity-provider': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'GET', url: `/api/v1/institutions/${institutionOf(f, caller, owner)}/identity-provider` }),
    expect: only({ admin: [200, 200, 200, 404] }),
  },
  'PUT /api/v1/institutions/:id/identity-provider': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'PUT',
      url: `/api/v1/institutions/${institutionOf(f, caller, owner)}/identity-provider`,
      payload: providerBody(),
    }),
    expect: only({ admin: [200, 200, 200, 404] }),
  },
};
