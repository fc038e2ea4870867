/** The matrix rows of staff accounts' invitations, the bulk import of students and the audit log's export. */
import { randomBytes } from 'node:crypto';
import { userImports, users } from '@exchange/db';
import { multipart } from '../helper.js';
import { missingId, type Code, type Fixtures } from '../fixtures/security.js';
import { env, get, institutionFor, only, type Caller, type Owner, type Table } from './support.js';

/** An account made by staff that has not set its password yet. */
async function invitedAccount(f: Fixtures, code: Code) {
  const [row] = await env.t.database.db
    .insert(users)
    .values({
      email: `invited-${randomBytes(5).toString('hex')}@example.test`,
      fullName: 'Invited',
      role: 'student',
      institutionId: f.institution[code],
      status: 'active',
    })
    .returning({ id: users.id });
  return row!.id;
}

/** Ownership: own = the caller's own account; same and other = an invited student of the home or another institution. */
async function invitedFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return missingId;
  if (owner === 'own' && caller.email) return f.userId(caller.email);
  return invitedAccount(f, institutionFor(caller, owner));
}

const list = Buffer.from('Email,Full name\r\nmatrix@example.test,Matrix Student\r\n');

export const people: Table = {
  'POST /api/v1/users/:id/invitation': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/users/${await invitedFor(f, caller, owner)}/invitation` }),
    expect: only({ coordinator: [404, 200, 404, 404], admin: [404, 200, 200, 404] }),
  },
  // Ownership: the institution the preview is for (own and same: the caller's home).
  'POST /api/v1/users/import': {
    owned: true,
    build: async (f, caller, owner) => {
      const body = multipart(
        { dryRun: 'true', institutionId: owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)] },
        { name: 'list.csv', content: list },
      );
      return { method: 'POST', url: '/api/v1/users/import', payload: body.payload, headers: body.headers };
    },
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  // Ownership: the institution the import went to.
  'GET /api/v1/users/imports/:id': {
    owned: true,
    build: async (f, caller, owner) => {
      if (owner === 'missing') return get(`/api/v1/users/imports/${missingId}`);
      const [row] = await env.t.database.db
        .insert(userImports)
        .values({ institutionId: f.institution[institutionFor(caller, owner)], fileName: 'list.csv', total: 1 })
        .returning({ id: userImports.id });
      return get(`/api/v1/users/imports/${row!.id}`);
    },
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/audit/export.csv': { owned: false, build: async () => get('/api/v1/audit/export.csv'), expect: only({ coordinator: 200, admin: 200 }) },
  'GET /api/v1/audit/export.xlsx': { owned: false, build: async () => get('/api/v1/audit/export.xlsx'), expect: only({ coordinator: 200, admin: 200 }) },
};
