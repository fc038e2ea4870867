/** The matrix rows of applications and their documents. */
import { multipart } from '../helper.js';
import { pdf } from '../fixtures/security.js';
import { applicationFor, callFor, get, only, signedIn, type Table } from './support.js';

export const applications: Table = {
  // ——— applications ———
  'GET /api/v1/applications': { owned: false, build: async () => get('/api/v1/applications'), expect: signedIn(200) },
  'GET /api/v1/applications/export.csv': {
    owned: false,
    build: async () => get('/api/v1/applications/export.csv'),
    expect: only({ coordinator: 200, reviewer: 200, admin: 200 }),
  },
  'GET /api/v1/applications/export.xlsx': {
    owned: false,
    build: async () => get('/api/v1/applications/export.xlsx'),
    expect: only({ coordinator: 200, reviewer: 200, admin: 200 }),
  },
  'GET /api/v1/applications/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/applications/${(await applicationFor(f, caller, owner, 'submitted')).id}`),
    expect: {
      anonymous: 401,
      student: [200, 404, 404, 404],
      coordinator: [200, 200, 404, 404],
      reviewer: [200, 200, 404, 404],
      admin: [200, 200, 200, 404],
    },
  },
  // Ownership: the call applied to: home's (own and same), another institution's, missing.
  'POST /api/v1/applications': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: '/api/v1/applications',
      payload: { callId: await callFor(f, caller, owner) },
    }),
    expect: only({ student: [201, 201, 404, 404] }),
  },
  'PATCH /api/v1/applications/:id': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'draft')).id}`,
      payload: { motivation: 'Changed.' },
    }),
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
    expect: {
      anonymous: 401,
      student: [200, 404, 404, 404],
      coordinator: [200, 200, 404, 404],
      reviewer: [200, 200, 404, 404],
      admin: [200, 200, 200, 404],
    },
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
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'draft')).id}/submit`,
    }),
    expect: only({ student: [200, 404, 404, 404] }),
  },
  'POST /api/v1/applications/:id/withdraw': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: `/api/v1/applications/${(await applicationFor(f, caller, owner, 'submitted')).id}/withdraw`,
    }),
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
};
