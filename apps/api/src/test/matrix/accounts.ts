/** The matrix rows of health, sign-in, one's own account, users and notifications. */
import { randomBytes } from 'node:crypto';
import { consentVersion } from '@exchange/shared';
import { demoPassword } from '@exchange/db';
import { missingId } from '../fixtures/security.js';
import { clientAddress, everyone, freshToken, get, institutionFor, only, signedIn, type Table, userFor } from './support.js';

/** Counts registrations, so each cell comes from its own client address. */
let registrations = 0;

export const accounts: Table = {
  'GET /api/v1/health': { owned: false, build: async () => get('/api/v1/health'), expect: everyone(200) },
  'GET /api/v1/ready': { owned: false, build: async () => get('/api/v1/ready'), expect: everyone(200) },
  'POST /api/v1/auth/login': {
    owned: false,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'student3@psu.exchange.test', password: demoPassword },
    }),
    expect: everyone(200),
  },
  'POST /api/v1/auth/refresh': {
    owned: false,
    build: async () => ({ method: 'POST', url: '/api/v1/auth/refresh' }),
    expect: signedIn(200),
  },
  'POST /api/v1/auth/logout': {
    owned: false,
    build: async (f, caller) => ({ method: 'POST', url: '/api/v1/auth/logout', token: await freshToken(f, caller) }),
    expect: signedIn(204),
  },
  // Ownership: the institution the new account names.
  'POST /api/v1/auth/register': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: '/api/v1/auth/register',
      // Each cell from its own client address, so the per-address limit stays out of the way.
      headers: clientAddress(`203.0.113.${++registrations % 250}`),
      payload: {
        email: `new-${randomBytes(5).toString('hex')}@example.test`,
        password: 'Penza-Baoji-2026-x',
        fullName: 'New Student',
        institutionId: owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)],
        consent: { version: consentVersion },
      },
    }),
    expect: everyone([201, 201, 201, 422]),
  },
  'GET /api/v1/me': { owned: false, build: async () => get('/api/v1/me'), expect: signedIn(200) },
  'PATCH /api/v1/me': {
    owned: false,
    build: async () => ({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } }),
    expect: signedIn(200),
  },
  'POST /api/v1/me/password': {
    owned: false,
    revokes: true,
    build: async (f, caller) => ({
      method: 'POST',
      url: '/api/v1/me/password',
      token: await freshToken(f, caller),
      payload: { currentPassword: demoPassword, newPassword: demoPassword },
    }),
    expect: signedIn(200),
  },

  // ——— users ———
  'GET /api/v1/users': { owned: false, build: async () => get('/api/v1/users'), expect: only({ coordinator: 200, admin: 200 }) },
  // Ownership: own = the caller's own account.
  'GET /api/v1/users/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/users/${await userFor(f, caller, owner)}`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  // Ownership: the institution of the new account.
  'POST /api/v1/users': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: `made-${randomBytes(5).toString('hex')}@example.test`,
        fullName: 'Made By Staff',
        role: 'student',
        institutionId: owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)],
        password: 'Penza-Baoji-2026-x',
      },
    }),
    expect: only({ coordinator: [201, 201, 403, 403], admin: [201, 201, 201, 422] }),
  },
  'PATCH /api/v1/users/:id': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: `/api/v1/users/${await userFor(f, caller, owner)}`,
      payload: { locale: 'en' },
    }),
    expect: only({ coordinator: [403, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },

  // ——— notifications ———
  'GET /api/v1/notifications': { owned: false, build: async () => get('/api/v1/notifications'), expect: signedIn(200) },
  // Ownership: own = the caller's notification; same and other = someone else's. Private even to an admin.
  'POST /api/v1/notifications/:id/read': {
    owned: true,
    build: async (f, caller, owner) => {
      let id = missingId;
      if (owner === 'own') id = await f.notification(caller.email ?? 'student2@psu.exchange.test');
      else if (owner !== 'missing') id = await f.notification((await f.student(institutionFor(caller, owner))).email);
      return { method: 'POST', url: `/api/v1/notifications/${id}/read` };
    },
    expect: signedIn([204, 404, 404, 404]),
  },
};
