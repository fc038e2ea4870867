/**
 * The matrix rows of the checklist: marking a step, proofs and requested documents, and the
 * hosts' templates. Mobilities follow the nominations' ownership: own = outgoing from home,
 * same = incoming to home, other = between the two other parties; for a student, own is the
 * student's own mobility (home → other).
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { applicationPreferences, applications, callQuotas, mobilities, mobilityChecklistItems, mobilityDocuments, quotaLines } from '@exchange/db';
import { missingId, pdf, type Code, type Fixtures } from '../fixtures/security.js';
import { multipart } from '../helper.js';
import { env, get, institutionFor, only, otherOf, thirdOf, type Caller, type Owner, type Table } from './support.js';

/** An admitted mobility of the student from one institution to another, with its checklist. */
async function mobility(f: Fixtures, studentEmail: string, from: Code, to: Code) {
  const db = env.t.database.db;
  const made = await f.application(studentEmail, 'reviewed');
  const target = await f.line(from, to);
  await db.insert(callQuotas).values({ callId: made.callId, quotaId: target.id }).onConflictDoNothing();
  await db.update(applicationPreferences).set({ quotaId: target.id }).where(eq(applicationPreferences.applicationId, made.id));
  await db.update(applications).set({ passportExpiresOn: '2031-05-01' }).where(eq(applications.id, made.id));
  // Every cell adds a stay to the line: neither its seats nor its months may run out.
  await db
    .update(quotaLines)
    .set({ seats: target.used + 1, totalMonths: null })
    .where(eq(quotaLines.id, target.id));
  const nominated = await env.t.request({
    method: 'POST',
    url: '/api/v1/nominations',
    token: await f.token(f.coordinatorOf[from]),
    payload: { applicationId: made.id, quotaId: target.id },
  });
  if (nominated.statusCode !== 201) throw new Error(`nomination ${from}→${to}: ${nominated.statusCode} ${nominated.body}`);
  const host = await f.token(f.coordinatorOf[to]);
  const { id: nominationId, proposalId } = nominated.json();
  const approved = await env.t.request({ method: 'POST', url: `/api/v1/nominations/${nominationId}/approve`, token: host, payload: { proposalId } });
  if (approved.statusCode !== 200) throw new Error(`approval ${from}→${to}: ${approved.statusCode} ${approved.body}`);
  const [row] = await db.select({ id: mobilities.id }).from(mobilities).where(eq(mobilities.nominationId, nominationId));
  const admitted = await env.t.request({
    method: 'POST',
    url: `/api/v1/mobilities/${row!.id}/admission`,
    token: host,
    payload: { plannedStart: '2026-09-01', plannedEnd: '2026-12-20', programme: 'Language' },
  });
  if (admitted.statusCode !== 200) throw new Error(`admission ${from}→${to}: ${admitted.statusCode} ${admitted.body}`);
  return row!.id;
}

async function mobilityFor(f: Fixtures, caller: Caller, owner: Owner) {
  const home = caller.home;
  const [from, to] = owner === 'same' ? [otherOf(home), home] : owner === 'other' ? [otherOf(home), thirdOf(home)] : [home, otherOf(home)];
  const studentEmail = owner === 'own' && caller.role === 'student' ? caller.email! : (await f.student(from)).email;
  return mobility(f, studentEmail, from, to);
}

/**
 * A step of the mobility: the student's own step for a student; for staff, a step of the
 * student (not the sending office's to mark) on an outgoing mobility, the host's otherwise.
 */
async function stepFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return { id: missingId, itemId: missingId };
  const id = await mobilityFor(f, caller, owner);
  const side = caller.role === 'student' || owner === 'own' ? 'student' : 'receiving';
  const items = await env.t.database.db.select().from(mobilityChecklistItems).where(eq(mobilityChecklistItems.mobilityId, id));
  return { id, itemId: items.find((item) => item.owner === side)!.id };
}

async function documentFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return { id: missingId, documentId: missingId };
  const id = await mobilityFor(f, caller, owner);
  const [row] = await env.t.database.db
    .insert(mobilityDocuments)
    .values({
      mobilityId: id,
      fileName: 'proof.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content: pdf,
    })
    .returning({ id: mobilityDocuments.id });
  return { id, documentId: row!.id };
}

const institutionOf = (f: Fixtures, caller: Caller, owner: Owner) => (owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)]);

export const checklists: Table = {
  'PATCH /api/v1/mobilities/:id/checklist/:itemId': {
    owned: true,
    build: async (f, caller, owner) => {
      const { id, itemId } = await stepFor(f, caller, owner);
      return { method: 'PATCH', url: `/api/v1/mobilities/${id}/checklist/${itemId}`, payload: { status: 'waived', note: 'Not needed' } };
    },
    // A sending coordinator may not mark the student's step; a reviewer sees but marks nothing.
    expect: only({ student: [200, 404, 404, 404], coordinator: [403, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/mobilities/:id/documents': {
    owned: true,
    build: async (f, caller, owner) => {
      const id = owner === 'missing' ? missingId : await mobilityFor(f, caller, owner);
      const body = multipart({}, { name: 'proof.pdf', content: pdf });
      return { method: 'POST', url: `/api/v1/mobilities/${id}/documents`, payload: body.payload, headers: body.headers };
    },
    expect: only({ student: [201, 404, 404, 404], coordinator: [201, 201, 404, 404] }),
  },
  'GET /api/v1/mobilities/:id/documents/:documentId': {
    owned: true,
    build: async (f, caller, owner) => {
      const { id, documentId } = await documentFor(f, caller, owner);
      return get(`/api/v1/mobilities/${id}/documents/${documentId}`);
    },
    expect: only({ student: [200, 404, 404, 404], coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  // Ownership: the home institution (own, same), another one, missing.
  'GET /api/v1/institutions/:id/checklist-template': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/institutions/${institutionOf(f, caller, owner)}/checklist-template`),
    expect: only({ coordinator: [200, 200, 200, 404], reviewer: [200, 200, 200, 404], admin: [200, 200, 200, 404] }),
  },
  'PUT /api/v1/institutions/:id/checklist-template': {
    owned: true,
    build: async (f, caller, owner) => {
      const id = institutionOf(f, caller, owner);
      // The template as it is, so the cells leave the hosts' steps unchanged.
      const current =
        owner === 'missing'
          ? { steps: [] }
          : (await env.t.request({ method: 'GET', url: `/api/v1/institutions/${id}/checklist-template`, token: await f.token('admin@exchange.test') })).json();
      return { method: 'PUT', url: `/api/v1/institutions/${id}/checklist-template`, payload: { steps: current.steps } };
    },
    expect: only({ coordinator: [200, 200, 403, 404], admin: [200, 200, 200, 404] }),
  },
};
