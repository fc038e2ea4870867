/** The matrix rows of institutions, agreements, quota lines and calls. */
import { missingId } from '../fixtures/security.js';
import { agreementFor, callFor, env, everyone, get, institutionFor, localized, only, quotaFor, signedIn, type Table } from './support.js';

/** Each new quota line takes a year of its own. */
let quotaYears = 0;

export const agreements: Table = {
  // ——— institutions, agreements, quotas ———
  'GET /api/v1/institutions': { owned: false, build: async () => get('/api/v1/institutions'), expect: everyone(200) },
  'GET /api/v1/institutions/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/institutions/${owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)]}`),
    expect: everyone([200, 200, 200, 404]),
  },
  // Every signed-in account reads agreements; the plan's notes are left out for all but administrators
  // and the parties' staff (modules/plan/plan-readers.test.ts), as are its progress and reports (matrix/plan.ts).
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
      payload: {
        title: localized('Bilateral'),
        partyIds: [f.institution.PSU, f.institution.BRI],
        validFrom: '2026-01-01',
        validTo: '2028-12-31',
      },
    }),
    expect: only({ admin: 201 }),
  },
  'PATCH /api/v1/agreements/:id': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: `/api/v1/agreements/${await agreementFor(f, caller, owner)}`,
      payload: { signedOn: '2024-05-01' },
    }),
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
          agreementId: env.agreementId,
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
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: `/api/v1/quotas/${await quotaFor(f, caller, owner)}`,
      payload: { totalMonths: null },
    }),
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
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: `/api/v1/calls/${await callFor(f, caller, owner)}`,
      payload: { maxPreferences: 3 },
    }),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
};
