/** The matrix rows of one's own sessions, password reset and invitation links, and sign-in at an institution's identity provider. */
import { randomBytes } from 'node:crypto';
import { demoPassword } from '@exchange/db';
import { issueAccountToken } from '../../lib/account-tokens.js';
import { missingId } from '../fixtures/security.js';
import { clientAddress, env, everyone, freshToken, signedIn, type Caller, type Owner, type Table } from './support.js';
import type { Fixtures } from '../fixtures/security.js';

/** Counts cells, so each comes from its own client address and stays clear of the per-client limits. */
let cells = 0;
const ownAddress = () => clientAddress(`192.0.2.${(++cells % 250) + 1}`);

/** A live e-mailed link of a demo account that no matrix caller signs in as. */
async function linkToken(purpose: 'invitation' | 'password_reset') {
  const [row] = await env.t.database.rows<{ id: string }>(`select id from users where email = 'student4@psu.exchange.test'`);
  return env.t.database.db.transaction((tx) => issueAccountToken(tx, row!.id, purpose));
}

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
};
