/**
 * The matrix rows of grading, transcripts and recognition. Institution rows: own and same =
 * the caller's home, other = another party. Conversion tables: own = home → other party, same =
 * other party → home, other = between the two other parties. Mobility rows follow the
 * mobilities' ownership (own = outgoing from home, same = incoming to home); the state each
 * cell needs (a signed learning agreement, a transcript, the return) is written straight into
 * the database.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { learningAgreementVersions, mobilities, mobilityTranscripts, users } from '@exchange/db';
import { missingId, type Fixtures } from '../fixtures/security.js';
import { mobilityFor } from './mobilities.js';
import { env, get, institutionFor, only, otherOf, thirdOf, type Caller, type Owner, type Table } from './support.js';

const institutionOf = (f: Fixtures, caller: Caller, owner: Owner) => (owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)]);

function pairOf(f: Fixtures, caller: Caller, owner: Owner) {
  const home = caller.home;
  if (owner === 'missing') return `${missingId}/${f.institution[home]}`;
  const [from, to] = owner === 'own' ? [home, otherOf(home)] : owner === 'same' ? [otherOf(home), home] : [otherOf(home), thirdOf(home)];
  return `${f.institution[from]}/${f.institution[to]}`;
}

const admin = (f: Fixtures) => f.token('admin@exchange.test');
const visibleToAll = only({ student: [200, 200, 200, 404], coordinator: [200, 200, 200, 404], reviewer: [200, 200, 200, 404], admin: [200, 200, 200, 404] });

/** A returned mobility with a signed learning agreement and the host's transcript. */
async function returnedMobility(f: Fixtures, caller: Caller, owner: Owner) {
  const id = await mobilityFor(f, caller, owner, 'abroad');
  if (owner === 'missing') return id;
  const db = env.t.database.db;
  const [someone] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@exchange.test'));
  const signature = { userId: someone!.id, name: 'Signer', at: new Date().toISOString() };
  await db.insert(learningAgreementVersions).values({
    mobilityId: id,
    status: 'signed',
    kind: 'first',
    number: 1,
    proposalId: randomUUID(),
    content: {
      studied: [{ code: 'H1', title: 'Host course', credits: 4, term: 'Autumn', change: null, reason: null }],
      recognised: [{ code: 'R1', title: 'Home course', credits: 4, change: null, reason: null }],
      languageOfInstruction: null,
      hostCatalogueUrl: null,
      homeCatalogueUrl: null,
    },
    studentSignature: signature,
    sendingSignature: signature,
    receivingSignature: signature,
    proposedAt: new Date(),
    signedAt: new Date(),
  });
  await db.insert(mobilityTranscripts).values({
    mobilityId: id,
    issuedOn: '2026-11-25',
    components: [{ code: 'H1', title: 'Host course', credits: 4, grade: '50', passed: false, date: '2026-11-20' }],
    recordedBy: someone!.id,
    recordedAt: new Date(),
  });
  await db.update(mobilities).set({ status: 'returned', departedOn: '2026-11-28' }).where(eq(mobilities.id, id));
  return id;
}

export const recognitionRows: Table = {
  'GET /api/v1/institutions/:id/grading': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/institutions/${institutionOf(f, caller, owner)}/grading`),
    expect: visibleToAll,
  },
  'PUT /api/v1/institutions/:id/grading': {
    owned: true,
    build: async (f, caller, owner) => {
      const id = institutionOf(f, caller, owner);
      const current =
        owner === 'missing'
          ? { gradeScale: { numeric: null, grades: [{ value: '5', passing: true }] }, creditUnit: { name: 'ECTS', ectsFactor: 1 } }
          : (await env.t.request({ method: 'GET', url: `/api/v1/institutions/${id}/grading`, token: await admin(f) })).json();
      return { method: 'PUT', url: `/api/v1/institutions/${id}/grading`, payload: { gradeScale: current.gradeScale, creditUnit: current.creditUnit } };
    },
    expect: only({ coordinator: [200, 200, 403, 404], admin: [200, 200, 200, 404] }),
  },
  'PATCH /api/v1/institutions/:id': {
    owned: true,
    build: async (f, caller, owner) => {
      const id = institutionOf(f, caller, owner);
      const heiId = owner === 'missing' ? null : (await env.t.request({ method: 'GET', url: `/api/v1/institutions/${id}` })).json().heiId;
      return { method: 'PATCH', url: `/api/v1/institutions/${id}`, payload: { heiId } };
    },
    expect: only({ admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/grade-conversions/:fromId/:toId': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/grade-conversions/${pairOf(f, caller, owner)}`),
    expect: only({ coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'PUT /api/v1/grade-conversions/:fromId/:toId': {
    owned: true,
    build: async (f, caller, owner) => {
      const url = `/api/v1/grade-conversions/${pairOf(f, caller, owner)}`;
      const rules = owner === 'missing' ? [] : (await env.t.request({ method: 'GET', url, token: await admin(f) })).json().rules;
      return { method: 'PUT', url, payload: { rules } };
    },
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/mobilities/:id/recognition': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/mobilities/${await mobilityFor(f, caller, owner)}/recognition`),
    expect: only({ student: [200, 404, 404, 404], coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  // The host records the transcript: the sending side sees the mobility but may not (403).
  'PUT /api/v1/mobilities/:id/transcript': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'PUT',
      url: `/api/v1/mobilities/${await mobilityFor(f, caller, owner, 'abroad')}/transcript`,
      payload: { issuedOn: '2026-11-25', components: [{ code: 'H1', title: 'Host course', credits: 4, grade: '5', date: '2026-11-20' }] },
    }),
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  // The sending office decides: the host sees the mobility but may not (403).
  'POST /api/v1/mobilities/:id/recognition': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: `/api/v1/mobilities/${await returnedMobility(f, caller, owner)}/recognition`,
      payload: { components: [{ code: 'R1', recognised: false, homeGrade: null, homeCredits: 0, note: 'Failed abroad.' }] },
    }),
    expect: only({ coordinator: [200, 403, 404, 404] }),
  },
  'GET /api/v1/reports/recognition': {
    owned: false,
    build: async () => get('/api/v1/reports/recognition?academicYear=2026%2F2027'),
    expect: only({ coordinator: 200, reviewer: 200, admin: 200 }),
  },
};
