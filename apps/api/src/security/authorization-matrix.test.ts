/**
 * The authorization matrix: every API route × every role × the ownership of the object it
 * touches → the status the caller gets. One test drives every cell through HTTP, on a fresh
 * fixture per cell, so no cell depends on another. A route that has no row here fails.
 *
 * Callers: anonymous; student = student1@psu; coordinator = coordinator@psu; reviewer =
 * reviewer@buas; admin (its "home" for the fixtures is PSU). Ownership is relative to the
 * caller ("home" = the caller's institution):
 *   own   – the caller's own object (a student's own application, one's own account or
 *           notification; for institution staff, an object of the home institution);
 *   same  – an object of someone else at the home institution;
 *   other – an object of another institution (for nominations: between two other parties);
 *   missing – an id that does not exist.
 * Where a route reads ownership differently, its row says how. A forbidden object answers
 * 404 exactly as a missing one (the tenant rule); a forbidden role answers 403.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentVersion } from '@exchange/shared';
import { agreements, demoPassword } from '@exchange/db';
import { clientIpHeader, clientSignatureHeader, signClientAddress } from '../plugins/client-address.js';
import { createTestContext, multipart, type TestContext } from '../test/helper.js';
import { codes, createFixtures, missingId, pdf, type Code, type Fixtures } from '../test/fixtures/security.js';

export const roles = ['anonymous', 'student', 'coordinator', 'reviewer', 'admin'] as const;
export type Role = (typeof roles)[number];
export const owners = ['own', 'same', 'other', 'missing'] as const;
export type Owner = (typeof owners)[number];

type Caller = { role: Role; email: string | null; home: Code };
const callers: Record<Role, Caller> = {
  anonymous: { role: 'anonymous', email: null, home: 'PSU' },
  student: { role: 'student', email: 'student1@psu.exchange.test', home: 'PSU' },
  coordinator: { role: 'coordinator', email: 'coordinator@psu.exchange.test', home: 'PSU' },
  reviewer: { role: 'reviewer', email: 'reviewer@buas.exchange.test', home: 'BUAS' },
  admin: { role: 'admin', email: 'admin@exchange.test', home: 'PSU' },
};
const otherOf = (home: Code): Code => (home === 'PSU' ? 'BUAS' : 'PSU');
const thirdOf = (home: Code): Code => codes.find((code) => code !== home && code !== otherOf(home))!;

type Request = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Send with this token instead of the caller's (e.g. a fresh session the request ends). */
  token?: string;
  /** The status to compare, when the answer carries per-item statuses. */
  statusOf?: (body: unknown) => number;
};
type Build = (f: Fixtures, caller: Caller, owner: Owner) => Promise<Request>;
/** A status for every ownership, or one per ownership in the order own, same, other, missing. */
type Cell = number | readonly [number, number, number, number];
type Row = { owned: boolean; build: Build; expect: Record<Role, Cell>; /** The request ends sessions: sign in afresh afterwards. */ revokes?: boolean };

// ——— helpers for the rows ———

/** Roles the route does not admit: 401 anonymous, 403 signed in. */
const only = (allowed: Partial<Record<Role, Cell>>): Record<Role, Cell> => ({
  anonymous: allowed.anonymous ?? 401,
  student: allowed.student ?? 403,
  coordinator: allowed.coordinator ?? 403,
  reviewer: allowed.reviewer ?? 403,
  admin: allowed.admin ?? 403,
});
const everyone = (cell: Cell): Record<Role, Cell> => ({ anonymous: cell, student: cell, coordinator: cell, reviewer: cell, admin: cell });
const signedIn = (cell: Cell): Record<Role, Cell> => ({ ...everyone(cell), anonymous: 401 });
const get = (url: string): Request => ({ method: 'GET', url });

/** The institution an ownership points at. */
const institutionFor = (caller: Caller, owner: Owner): Code => (owner === 'other' ? otherOf(caller.home) : caller.home);

/** A student whose objects have the given ownership for the caller. */
async function studentFor(f: Fixtures, caller: Caller, owner: Owner): Promise<string> {
  if (owner === 'own' && caller.role === 'student') return caller.email!;
  return (await f.student(institutionFor(caller, owner))).email;
}

async function applicationFor(f: Fixtures, caller: Caller, owner: Owner, status: 'draft' | 'submitted' | 'reviewed') {
  if (owner === 'missing') return { id: missingId, docId: missingId, callId: missingId, lineId: missingId };
  return f.application(await studentFor(f, caller, owner), status);
}

/** Nominations: own = outgoing from home, same = incoming to home, other = between the two other parties. */
async function nominationFor(f: Fixtures, caller: Caller, owner: Owner) {
  const home = caller.home;
  if (owner === 'missing') return { id: missingId, proposalId: randomUUID(), docId: missingId };
  if (owner === 'own') return f.nomination(home, otherOf(home));
  if (owner === 'same') return f.nomination(otherOf(home), home);
  return f.nomination(otherOf(home), thirdOf(home));
}

/** Events: own = a draft at a centre of home, same = a published event there, other = a draft at another institution's centre. */
async function eventFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return { id: missingId, centreId: missingId };
  if (owner === 'own') return f.event(caller.home, 'draft');
  if (owner === 'same') return f.event(caller.home, 'published');
  return f.event(otherOf(caller.home), 'draft');
}

/** A published event with one registration: at home for own and same, elsewhere for other. */
async function registrationFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') {
    const event = await f.event(caller.home);
    return { eventId: event.id, id: missingId, code: randomBytes(16).toString('base64url') };
  }
  const event = await f.event(institutionFor(caller, owner));
  const registrant = await f.student(institutionFor(caller, owner));
  const registration = await f.registration(event.id, registrant.email);
  return { eventId: event.id, ...registration };
}

const quotaFor = async (f: Fixtures, caller: Caller, owner: Owner) => {
  if (owner === 'missing') return missingId;
  const home = caller.home;
  const [from, to] = owner === 'own' ? [home, otherOf(home)] : owner === 'same' ? [otherOf(home), home] : [otherOf(home), thirdOf(home)];
  return (await f.line(from, to)).id;
};

const callFor = async (f: Fixtures, caller: Caller, owner: Owner, options: { closed?: boolean } = {}) =>
  owner === 'missing' ? missingId : (await f.call(institutionFor(caller, owner), options)).id;

const centreFor = async (f: Fixtures, caller: Caller, owner: Owner) => (owner === 'missing' ? missingId : f.centreOf(institutionFor(caller, owner)));

let agreementId = '';
let quotaYears = 0;
let registrations = 0;
const clientAddress = (address: string) => ({ [clientIpHeader]: address, [clientSignatureHeader]: signClientAddress(t.jwtSecret, address) });
const agreementFor = async (_f: Fixtures, _caller: Caller, owner: Owner) => (owner === 'missing' ? missingId : agreementId);

const localized = (text: string) => ({ en: text, ru: text, zh: text });
const eventBody = (centreId: string) => ({
  centreId,
  title: localized('Tea ceremony'),
  startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 14 * 86_400_000 + 3_600_000).toISOString(),
  venue: 'Room 5',
  capacity: 20,
});

/** A fresh session of the caller, for requests that end it. */
async function freshToken(f: Fixtures, caller: Caller) {
  return caller.email ? login(caller.email) : undefined;
}
let login: (email: string) => Promise<string>;

// ——— the table ———

export const matrix: Record<string, Row> = {
  'GET /api/v1/health': { owned: false, build: async () => get('/api/v1/health'), expect: everyone(200) },
  'GET /api/v1/ready': { owned: false, build: async () => get('/api/v1/ready'), expect: everyone(200) },
  'POST /api/v1/auth/login': {
    owned: false,
    build: async () => ({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'student3@psu.exchange.test', password: demoPassword } }),
    expect: everyone(200),
  },
  'POST /api/v1/auth/refresh': { owned: false, build: async () => ({ method: 'POST', url: '/api/v1/auth/refresh' }), expect: signedIn(200) },
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
  'PATCH /api/v1/me': { owned: false, build: async () => ({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } }), expect: signedIn(200) },
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
    build: async (f, caller, owner) => ({ method: 'PATCH', url: `/api/v1/users/${await userFor(f, caller, owner)}`, payload: { locale: 'en' } }),
    expect: only({ coordinator: [403, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },

  // ——— institutions, agreements, quotas ———
  'GET /api/v1/institutions': { owned: false, build: async () => get('/api/v1/institutions'), expect: everyone(200) },
  'GET /api/v1/institutions/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/institutions/${owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)]}`),
    expect: everyone([200, 200, 200, 404]),
  },
  'GET /api/v1/agreements': { owned: false, build: async () => get('/api/v1/agreements'), expect: signedIn(200) },
  'GET /api/v1/agreements/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/agreements/${await agreementFor(f, caller, owner)}`),
    expect: signedIn([200, 200, 200, 404]),
  },
  'POST /api/v1/agreements': {
    owned: false,
    build: async (f) => ({
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { title: localized('Bilateral'), partyIds: [f.institution.PSU, f.institution.BRI], validFrom: '2026-01-01', validTo: '2028-12-31' },
    }),
    expect: only({ admin: 201 }),
  },
  'PATCH /api/v1/agreements/:id': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'PATCH', url: `/api/v1/agreements/${await agreementFor(f, caller, owner)}`, payload: { signedOn: '2024-05-01' } }),
    expect: only({ admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/agreements/:id/quotas': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/agreements/${await agreementFor(f, caller, owner)}/quotas`),
    expect: signedIn([200, 200, 200, 404]),
  },
  // Ownership: own = a line from home, same = a line to home, other = between two other parties.
  'GET /api/v1/quotas/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/quotas/${await quotaFor(f, caller, owner)}`),
    expect: signedIn([200, 200, 200, 404]),
  },
  'POST /api/v1/quotas': {
    owned: false,
    build: async (f) => {
      const year = 2030 + (quotaYears++ % 500);
      return {
        method: 'POST',
        url: '/api/v1/quotas',
        payload: {
          agreementId,
          sendingInstitutionId: f.institution.BRI,
          receivingInstitutionId: f.institution.PSU,
          academicYear: `${year}/${year + 1}`,
          mobilityType: 'short_term',
          seats: 2,
          eqfLevels: [6],
        },
      };
    },
    expect: only({ admin: 201 }),
  },
  'PATCH /api/v1/quotas/:id': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'PATCH', url: `/api/v1/quotas/${await quotaFor(f, caller, owner)}`, payload: { totalMonths: null } }),
    expect: only({ admin: [200, 200, 200, 404] }),
  },

  // ——— calls ———
  'GET /api/v1/calls': { owned: false, build: async () => get('/api/v1/calls'), expect: signedIn(200) },
  'GET /api/v1/calls/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/calls/${await callFor(f, caller, owner)}`),
    expect: { ...signedIn([200, 200, 404, 404]), admin: [200, 200, 200, 404] },
  },
  // Ownership: the institution the new call names.
  'POST /api/v1/calls': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: '/api/v1/calls',
      payload: {
        institutionId: owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)],
        title: localized('Autumn semester'),
        academicYear: '2026/2027',
        mobilityType: 'semester',
        opensAt: new Date(Date.now() + 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    }),
    // A coordinator names its own institution or none; an administrator any that exists.
    expect: only({ coordinator: [201, 201, 403, 403], admin: [201, 201, 201, 422] }),
  },
  'PATCH /api/v1/calls/:id': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'PATCH', url: `/api/v1/calls/${await callFor(f, caller, owner)}`, payload: { maxPreferences: 3 } }),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },

  // ——— applications ———
  'GET /api/v1/applications': { owned: false, build: async () => get('/api/v1/applications'), expect: signedIn(200) },
  'GET /api/v1/applications/export.csv': { owned: false, build: async () => get('/api/v1/applications/export.csv'), expect: only({ coordinator: 200, reviewer: 200, admin: 200 }) },
  'GET /api/v1/applications/export.xlsx': { owned: false, build: async () => get('/api/v1/applications/export.xlsx'), expect: only({ coordinator: 200, reviewer: 200, admin: 200 }) },
  'GET /api/v1/applications/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/applications/${(await applicationFor(f, caller, owner, 'submitted')).id}`),
    expect: { anonymous: 401, student: [200, 404, 404, 404], coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] },
  },
  // Ownership: the call applied to: home's (own and same), another institution's, missing.
  'POST /api/v1/applications': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: '/api/v1/applications', payload: { callId: await callFor(f, caller, owner) } }),
    expect: only({ student: [201, 201, 404, 404] }),
  },
  'PATCH /api/v1/applications/:id': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'PATCH', url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'draft')).id}`, payload: { motivation: 'Changed.' } }),
    expect: only({ student: [200, 404, 404, 404] }),
  },
  'POST /api/v1/applications/:id/documents': {
    owned: true,
    build: async (f, caller, owner) => {
      const body = multipart({ type: 'transcript' }, { name: 'transcript.pdf', content: pdf, contentType: 'application/pdf' });
      return { method: 'POST', url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'draft')).id}/documents`, ...body };
    },
    expect: only({ student: [201, 404, 404, 404] }),
  },
  'GET /api/v1/applications/:id/documents/:docId': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await applicationFor(f, caller, owner, 'submitted');
      return get(`/api/v1/applications/${made.id}/documents/${made.docId}`);
    },
    expect: { anonymous: 401, student: [200, 404, 404, 404], coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] },
  },
  'DELETE /api/v1/applications/:id/documents/:docId': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await applicationFor(f, caller, owner, 'draft');
      return { method: 'DELETE', url: `/api/v1/applications/${made.id}/documents/${made.docId}` };
    },
    expect: only({ student: [204, 404, 404, 404] }),
  },
  'POST /api/v1/applications/:id/submit': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'draft')).id}/submit` }),
    expect: only({ student: [200, 404, 404, 404] }),
  },
  'POST /api/v1/applications/:id/withdraw': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'submitted')).id}/withdraw` }),
    expect: only({ student: [200, 404, 404, 404] }),
  },
  'POST /api/v1/applications/:id/review': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'submitted')).id}/review`,
      payload: { score: 75, eligible: true },
    }),
    expect: only({ coordinator: [200, 200, 404, 404] }),
  },

  // ——— allocation and nominations ———
  'POST /api/v1/calls/:id/allocation': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/calls/${(await applicationFor(f, caller, owner, 'reviewed')).callId}/allocation` }),
    expect: only({ coordinator: [200, 200, 404, 404] }),
  },
  'POST /api/v1/calls/:id/allocation/confirm': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await applicationFor(f, caller, owner, 'reviewed');
      let fingerprint = 'x'.repeat(64);
      if (owner !== 'missing') {
        const homeCoordinator = await f.token(f.coordinatorOf[(made as { institution: Code }).institution]);
        const dry = await t.request({ method: 'POST', url: `/api/v1/calls/${made.callId}/allocation`, token: homeCoordinator });
        fingerprint = dry.json().fingerprint;
      }
      return { method: 'POST', url: `/api/v1/calls/${made.callId}/allocation/confirm`, payload: { fingerprint } };
    },
    expect: only({ coordinator: [200, 200, 404, 404] }),
  },
  'GET /api/v1/calls/:id/waitlist': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/calls/${await callFor(f, caller, owner, { closed: true })}/waitlist`),
    expect: only({ coordinator: [200, 200, 404, 404] }),
  },
  'GET /api/v1/nominations': { owned: false, build: async () => get('/api/v1/nominations'), expect: only({ coordinator: 200, reviewer: 200, admin: 200 }) },
  'GET /api/v1/nominations/export.csv': { owned: false, build: async () => get('/api/v1/nominations/export.csv'), expect: only({ coordinator: 200, admin: 200 }) },
  'GET /api/v1/nominations/export.xlsx': { owned: false, build: async () => get('/api/v1/nominations/export.xlsx'), expect: only({ coordinator: 200, admin: 200 }) },
  // Ownership: the application nominated: home's (own, same), another institution's, missing.
  'POST /api/v1/nominations': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await applicationFor(f, caller, owner, 'reviewed');
      return { method: 'POST', url: '/api/v1/nominations', payload: { applicationId: made.id, quotaId: made.lineId === missingId ? (await f.line('PSU', 'BUAS')).id : made.lineId } };
    },
    expect: only({ coordinator: [201, 201, 404, 404] }),
  },
  // Each item answers on its own: the cell is the item's status.
  'POST /api/v1/nominations/approve': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await nominationFor(f, caller, owner);
      return {
        method: 'POST',
        url: '/api/v1/nominations/approve',
        payload: { items: [{ id: made.id, proposalId: made.proposalId }] },
        statusOf: (body) => (body as { results: { status: number }[] }).results[0]!.status,
      };
    },
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'GET /api/v1/nominations/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/nominations/${(await nominationFor(f, caller, owner)).id}`),
    expect: only({ coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'PATCH /api/v1/nominations/:id': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'PATCH', url: `/api/v1/nominations/${(await nominationFor(f, caller, owner)).id}`, payload: { note: 'Arrives in September.' } }),
    expect: only({ coordinator: [200, 403, 404, 404] }),
  },
  'GET /api/v1/nominations/:id/documents/:docId': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await nominationFor(f, caller, owner);
      return get(`/api/v1/nominations/${made.id}/documents/${made.docId}`);
    },
    expect: only({ coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/nominations/:id/approve': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await nominationFor(f, caller, owner);
      return { method: 'POST', url: `/api/v1/nominations/${made.id}/approve`, payload: { proposalId: made.proposalId } };
    },
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'POST /api/v1/nominations/:id/undo-approval': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await nominationFor(f, caller, owner);
      if (owner !== 'missing') {
        // Approved a moment ago by the receiving office, so the undo window is open.
        const receiving = owner === 'own' ? otherOf(caller.home) : owner === 'same' ? caller.home : thirdOf(caller.home);
        const approved = await t.request({ method: 'POST', url: `/api/v1/nominations/${made.id}/approve`, token: await f.token(f.coordinatorOf[receiving]), payload: { proposalId: made.proposalId } });
        if (approved.statusCode !== 200) throw new Error(`approve: ${approved.statusCode} ${approved.body}`);
      }
      return { method: 'POST', url: `/api/v1/nominations/${made.id}/undo-approval`, payload: { proposalId: made.proposalId } };
    },
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'POST /api/v1/nominations/:id/reject': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await nominationFor(f, caller, owner);
      return { method: 'POST', url: `/api/v1/nominations/${made.id}/reject`, payload: { proposalId: made.proposalId, comment: 'No places in the dormitory.' } };
    },
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'POST /api/v1/nominations/:id/cancel': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/nominations/${(await nominationFor(f, caller, owner)).id}/cancel` }),
    expect: only({ coordinator: [200, 403, 404, 404] }),
  },
  'GET /api/v1/reports/flows': { owned: false, build: async () => get('/api/v1/reports/flows?academicYear=2025%2F2026'), expect: only({ coordinator: 200, reviewer: 200, admin: 200 }) },
  'GET /api/v1/audit': { owned: false, build: async () => get('/api/v1/audit'), expect: only({ coordinator: 200, admin: 200 }) },

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

  // ——— centres and events ———
  'GET /api/v1/centres': { owned: false, build: async () => get('/api/v1/centres'), expect: everyone(200) },
  'GET /api/v1/centres/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/centres/${await centreFor(f, caller, owner)}`),
    expect: everyone([200, 200, 200, 404]),
  },
  // Ownership: the institution the centre is opened at.
  'POST /api/v1/centres': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: '/api/v1/centres',
      payload: { institutionId: owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)], name: localized('Centre') },
    }),
    expect: only({ admin: [201, 201, 201, 422] }),
  },
  'GET /api/v1/centres/:id/events.ics': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/centres/${await centreFor(f, caller, owner)}/events.ics`),
    expect: everyone([200, 200, 200, 404]),
  },
  'GET /api/v1/centres/:id/attendance': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/centres/${await centreFor(f, caller, owner)}/attendance`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/events': { owned: false, build: async () => get('/api/v1/events'), expect: everyone(200) },
  // Events (here and below): own = a draft at home, same = published at home, other = a draft elsewhere.
  'GET /api/v1/events/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}`),
    expect: { ...everyone([404, 200, 404, 404]), coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] },
  },
  'GET /api/v1/events/:id/calendar.ics': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/calendar.ics`),
    expect: { ...everyone([404, 200, 404, 404]), coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] },
  },
  // Ownership: the centre the event is created at.
  'POST /api/v1/events': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: '/api/v1/events', payload: eventBody(await centreFor(f, caller, owner)) }),
    // A centre of another institution is, to a coordinator, no centre at all.
    expect: only({ coordinator: [201, 201, 422, 422], admin: [201, 201, 201, 422] }),
  },
  'PATCH /api/v1/events/:id': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'PATCH', url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}`, payload: { venue: 'Room 6' } }),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/publish': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}/publish` }),
    // Publishing a published event changes nothing and answers it again.
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/cancel': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}/cancel` }),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/registrations': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations` }),
    expect: { ...signedIn([404, 201, 404, 404]), coordinator: [409, 201, 404, 404], admin: [409, 201, 409, 404] },
  },
  // Registrations of the caller: own = a draft at home (nothing to find), same = a published event
  // the caller is registered for, other = a draft elsewhere.
  'GET /api/v1/events/:id/registrations/me': {
    owned: true,
    build: async (f, caller, owner) => {
      const event = await eventFor(f, caller, owner);
      if (owner === 'same' && caller.email) await f.registration(event.id, caller.email);
      return get(`/api/v1/events/${event.id}/registrations/me`);
    },
    expect: signedIn([404, 200, 404, 404]),
  },
  'DELETE /api/v1/events/:id/registrations/me': {
    owned: true,
    build: async (f, caller, owner) => {
      const event = await eventFor(f, caller, owner);
      if (owner === 'same' && caller.email) await f.registration(event.id, caller.email);
      return { method: 'DELETE', url: `/api/v1/events/${event.id}/registrations/me` };
    },
    expect: signedIn([404, 204, 404, 404]),
  },
  'GET /api/v1/events/:id/registrations': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/events/:id/registrations.csv': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations.csv`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/events/:id/registrations.xlsx': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations.xlsx`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  // Check-in: own and same = a registration for a published event at home, other = elsewhere.
  'POST /api/v1/events/:id/registrations/:regId/check-in': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await registrationFor(f, caller, owner);
      return { method: 'POST', url: `/api/v1/events/${made.eventId}/registrations/${made.id}/check-in` };
    },
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/check-in': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await registrationFor(f, caller, owner);
      return { method: 'POST', url: `/api/v1/events/${made.eventId}/check-in`, payload: { code: made.code } };
    },
    expect: only({ coordinator: [200, 200, 404, 422], admin: [200, 200, 200, 422] }),
  },
  'GET /api/v1/me/registrations': { owned: false, build: async () => get('/api/v1/me/registrations'), expect: signedIn(200) },
  'POST /api/v1/me/calendar-feed': { owned: false, build: async () => ({ method: 'POST', url: '/api/v1/me/calendar-feed', payload: {} }), expect: signedIn(200) },
  // A feed is public to whoever holds its unguessable address: own = the caller's, same and other = someone else's.
  'GET /api/v1/calendar-feeds/:token/events.ics': {
    owned: true,
    build: async (f, caller, owner) => {
      if (owner === 'missing') return get(`/api/v1/calendar-feeds/${randomBytes(24).toString('base64url')}/events.ics`);
      const email = owner === 'own' && caller.email ? caller.email : (await f.student(institutionFor(caller, owner))).email;
      const feed = await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: await f.token(email), payload: {} });
      return get(`/api/v1/calendar-feeds/${feed.json().token as string}/events.ics`);
    },
    expect: everyone([200, 200, 200, 404]),
  },
};

async function userFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return missingId;
  if (owner === 'own' && caller.email) return f.userId(caller.email);
  return (await f.student(institutionFor(caller, owner))).id;
}

// ——— the run ———

let t: TestContext;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestContext();
  f = await createFixtures(t);
  login = (email) => t.login(email);
  const [row] = await t.database.db.select({ id: agreements.id }).from(agreements).limit(1);
  agreementId = row!.id;
}, 120_000);
afterAll(() => t?.close());

export function cellCount() {
  return Object.values(matrix).reduce((sum, row) => sum + roles.length * (row.owned ? owners.length : 1), 0);
}

describe('authorization matrix', () => {
  it('has a row for every route, and only for routes that exist', () => {
    const routes = t.app.routeAccess.map((route) => `${route.method} ${route.url}`).sort();
    expect(Object.keys(matrix).sort()).toEqual(routes);
  });

  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const [key, row] of Object.entries(matrix)) {
      for (const role of roles) {
        const caller = callers[role];
        for (const owner of row.owned ? owners : (['own'] as const)) {
          const cell = row.expect[role];
          const expected = typeof cell === 'number' ? cell : cell[owners.indexOf(owner)]!;
          let request: Request;
          try {
            request = await row.build(f, caller, owner);
          } catch (error) {
            failures.push(`${key} ${role} ${owner}: fixture failed: ${(error as Error).message}`);
            continue;
          }
          const token = request.token ?? (caller.email ? await f.token(caller.email) : undefined);
          const response = await t.request({
            method: request.method,
            url: request.url,
            ...(request.payload !== undefined ? { payload: request.payload as string } : {}),
            ...(request.headers ? { headers: request.headers } : {}),
            ...(token ? { token } : {}),
          });
          cells++;
          let status = response.statusCode;
          if (request.statusOf && status === 200) status = request.statusOf(response.json());
          if (status !== expected) {
            failures.push(`${key} ${role} ${row.owned ? owner : ''}: expected ${expected}, got ${status} ${response.body.slice(0, 160)}`);
          }
          if (response.statusCode >= 400) {
            expect(String(response.headers['content-type']), `${key} ${role} ${owner}`).toMatch(/^application\/problem\+json/);
          }
        }
        if (row.revokes && caller.email) f.forget(caller.email);
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(cellCount());
  });
});
