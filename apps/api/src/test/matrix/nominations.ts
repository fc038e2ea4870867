/** The matrix rows of allocation, nominations, the flows report and the audit log. */
import { missingId, type Code } from '../fixtures/security.js';
import { applicationFor, callFor, env, get, nominationFor, only, otherOf, type Table, thirdOf } from './support.js';

export const nominations: Table = {
  // ——— allocation and nominations ———
  'POST /api/v1/calls/:id/allocation': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: `/api/v1/calls/${(await applicationFor(f, caller, owner, 'reviewed')).callId}/allocation`,
    }),
    expect: only({ coordinator: [200, 200, 404, 404] }),
  },
  'POST /api/v1/calls/:id/allocation/confirm': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await applicationFor(f, caller, owner, 'reviewed');
      let fingerprint = 'x'.repeat(64);
      if (owner !== 'missing') {
        const homeCoordinator = await f.token(f.coordinatorOf[(made as { institution: Code }).institution]);
        const dry = await env.t.request({ method: 'POST', url: `/api/v1/calls/${made.callId}/allocation`, token: homeCoordinator });
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
  'GET /api/v1/nominations': {
    owned: false,
    build: async () => get('/api/v1/nominations'),
    expect: only({ coordinator: 200, reviewer: 200, admin: 200 }),
  },
  'GET /api/v1/nominations/export.csv': {
    owned: false,
    build: async () => get('/api/v1/nominations/export.csv'),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  'GET /api/v1/nominations/export.xlsx': {
    owned: false,
    build: async () => get('/api/v1/nominations/export.xlsx'),
    expect: only({ coordinator: 200, admin: 200 }),
  },
  // Ownership: the application nominated: home's (own, same), another institution's, missing.
  'POST /api/v1/nominations': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await applicationFor(f, caller, owner, 'reviewed');
      return {
        method: 'POST',
        url: '/api/v1/nominations',
        payload: { applicationId: made.id, quotaId: made.lineId === missingId ? (await f.line('PSU', 'BUAS')).id : made.lineId },
      };
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
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: `/api/v1/nominations/${(await nominationFor(f, caller, owner)).id}`,
      payload: { note: 'Arrives in September.' },
    }),
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
        const approved = await env.t.request({
          method: 'POST',
          url: `/api/v1/nominations/${made.id}/approve`,
          token: await f.token(f.coordinatorOf[receiving]),
          payload: { proposalId: made.proposalId },
        });
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
      return {
        method: 'POST',
        url: `/api/v1/nominations/${made.id}/reject`,
        payload: { proposalId: made.proposalId, comment: 'No places in the dormitory.' },
      };
    },
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'POST /api/v1/nominations/:id/cancel': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: `/api/v1/nominations/${(await nominationFor(f, caller, owner)).id}/cancel`,
    }),
    expect: only({ coordinator: [200, 403, 404, 404] }),
  },
  'GET /api/v1/reports/flows': {
    owned: false,
    build: async () => get('/api/v1/reports/flows?academicYear=2025%2F2026'),
    expect: only({ coordinator: 200, reviewer: 200, admin: 200 }),
  },
  'GET /api/v1/audit': { owned: false, build: async () => get('/api/v1/audit'), expect: only({ coordinator: 200, admin: 200 }) },
};
