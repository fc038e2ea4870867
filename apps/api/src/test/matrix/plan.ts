/**
 * The matrix rows of the signed agreement's PDF and the plan of measures. Items: own = an
 * item the caller's institution is responsible for; same = an item of the same agreement
 * another party is responsible for; other = an item of an agreement between the two other
 * institutions, which the caller's is no party to; missing = an id that does not exist.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { agreementDocuments, agreementParties, agreements, planItemEvidence, planItems } from '@exchange/db';
import { missingId, pdf, type Code, type Fixtures } from '../fixtures/security.js';
import { multipart } from '../helper.js';
import { agreementFor, env, get, localized, only, otherOf, signedIn, thirdOf, type Caller, type Owner, type Table } from './support.js';

/** The bilateral agreement of two institutions, made once per pair. */
const pairs = new Map<string, string>();
async function agreementBetween(f: Fixtures, a: Code, b: Code) {
  const key = [a, b].sort().join('-');
  if (!pairs.has(key)) {
    const db = env.t.database.db;
    const [row] = await db
      .insert(agreements)
      .values({ title: localized(`Bilateral ${key}`), validFrom: '2026-01-01', validTo: '2028-12-31', status: 'active' })
      .returning({ id: agreements.id });
    await db.insert(agreementParties).values([a, b].map((code) => ({ agreementId: row!.id, institutionId: f.institution[code] })));
    pairs.set(key, row!.id);
  }
  return pairs.get(key)!;
}

async function itemFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return { agreementId: env.agreementId, itemId: missingId };
  const home = caller.home;
  const [agreementId, responsible] =
    owner === 'other' ? [await agreementBetween(f, otherOf(home), thirdOf(home)), otherOf(home)] : [env.agreementId, owner === 'own' ? home : otherOf(home)];
  const [row] = await env.t.database.db
    .insert(planItems)
    .values({ agreementId, position: 100, title: localized('Joint seminar'), deadline: '2027-05-01', responsibleInstitutionId: f.institution[responsible] })
    .returning({ id: planItems.id });
  return { agreementId, itemId: row!.id };
}

/** An evidence file of an item, uploaded by the caller where the caller has an account. */
async function evidenceFor(f: Fixtures, caller: Caller, owner: Owner) {
  const { agreementId, itemId } = await itemFor(f, caller, owner);
  if (owner === 'missing') return { agreementId, itemId, evidenceId: missingId };
  const [row] = await env.t.database.db
    .insert(planItemEvidence)
    .values({
      planItemId: itemId,
      fileName: 'evidence.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content: pdf,
      uploadedBy: caller.email ? await f.userId(caller.email) : null,
    })
    .returning({ id: planItemEvidence.id });
  return { agreementId, itemId, evidenceId: row!.id };
}

async function withDocument(agreementId: string) {
  if (agreementId === missingId) return;
  const values = { fileName: 'agreement.pdf', contentType: 'application/pdf', size: pdf.length, sha256: 'x', content: pdf };
  await env.t.database.db
    .insert(agreementDocuments)
    .values({ agreementId, ...values })
    .onConflictDoNothing();
  await env.t.database.db.update(agreementDocuments).set(values).where(eq(agreementDocuments.agreementId, agreementId));
}

/** The plan of an agreement: own and same = the demo agreement of all three; other = one between the two other institutions. */
async function planOf(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'other') return agreementBetween(f, otherOf(caller.home), thirdOf(caller.home));
  return agreementFor(f, caller, owner);
}

const itemUrl = ({ agreementId, itemId }: { agreementId: string; itemId: string }) => `/api/v1/agreements/${agreementId}/plan/${itemId}`;
/** Administrators and the parties' staff read an item, the plan's progress and its reports; others are told it does not exist. */
const readers = { student: [404, 404, 404, 404], coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] } as const;
/** Administrators and the responsible coordinators report on it. */
const reporters = (ok: number) =>
  ({ student: [404, 404, 404, 404], coordinator: [ok, 404, 404, 404], reviewer: [404, 404, 404, 404], admin: [ok, ok, ok, 404] }) as const;

export const plan: Table = {
  'POST /api/v1/agreements/:id/document': {
    owned: true,
    build: async (f, caller, owner) => {
      const body = multipart({}, { name: 'signed.pdf', content: pdf });
      return { method: 'POST', url: `/api/v1/agreements/${await agreementFor(f, caller, owner)}/document`, payload: body.payload, headers: body.headers };
    },
    expect: only({ admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/agreements/:id/document': {
    owned: true,
    build: async (f, caller, owner) => {
      const id = await agreementFor(f, caller, owner);
      await withDocument(id);
      return get(`/api/v1/agreements/${id}/document`);
    },
    expect: signedIn([200, 200, 200, 404]),
  },
  'POST /api/v1/agreements/:id/plan': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: `/api/v1/agreements/${await agreementFor(f, caller, owner)}/plan`,
      payload: { title: localized('Joint conference'), deadline: '2027-03-01', responsibleInstitutionId: f.institution.PSU },
    }),
    expect: only({ admin: [201, 201, 201, 404] }),
  },
  'PUT /api/v1/agreements/:id/plan/order': {
    owned: true,
    build: async (f, caller, owner) => {
      const id = await agreementFor(f, caller, owner);
      const rows = await env.t.database.db.select({ id: planItems.id }).from(planItems).where(eq(planItems.agreementId, id)).orderBy(planItems.position);
      return { method: 'PUT', url: `/api/v1/agreements/${id}/plan/order`, payload: { itemIds: rows.map((row) => row.id) } };
    },
    expect: only({ admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/agreements/:id/plan/progress': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/agreements/${await planOf(f, caller, owner)}/plan/progress`),
    expect: only(readers),
  },
  'GET /api/v1/agreements/:id/plan/export.xlsx': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/agreements/${await planOf(f, caller, owner)}/plan/export.xlsx`),
    expect: only(readers),
  },
  'GET /api/v1/agreements/:id/plan/export.pdf': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/agreements/${await planOf(f, caller, owner)}/plan/export.pdf?lang=ru`),
    expect: only(readers),
  },
  'GET /api/v1/agreements/:id/plan/:itemId': {
    owned: true,
    build: async (f, caller, owner) => get(itemUrl(await itemFor(f, caller, owner))),
    expect: only(readers),
  },
  'PATCH /api/v1/agreements/:id/plan/:itemId': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: itemUrl(await itemFor(f, caller, owner)),
      payload: { status: 'in_progress', note: 'Under way' },
    }),
    expect: only(reporters(200)),
  },
  'DELETE /api/v1/agreements/:id/plan/:itemId': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'DELETE', url: itemUrl(await itemFor(f, caller, owner)) }),
    expect: only({ admin: [204, 204, 204, 404] }),
  },
  'GET /api/v1/agreements/:id/plan/:itemId/history': {
    owned: true,
    build: async (f, caller, owner) => get(`${itemUrl(await itemFor(f, caller, owner))}/history`),
    expect: only(readers),
  },
  'POST /api/v1/agreements/:id/plan/:itemId/evidence': {
    owned: true,
    build: async (f, caller, owner) => {
      const body = multipart({}, { name: 'minutes.pdf', content: pdf });
      return { method: 'POST', url: `${itemUrl(await itemFor(f, caller, owner))}/evidence`, payload: body.payload, headers: body.headers };
    },
    expect: only(reporters(201)),
  },
  'GET /api/v1/agreements/:id/plan/:itemId/evidence/:evidenceId': {
    owned: true,
    build: async (f, caller, owner) => {
      const found = await evidenceFor(f, caller, owner);
      return get(`${itemUrl(found)}/evidence/${found.evidenceId}`);
    },
    expect: only(readers),
  },
  // The file is the caller's own upload where the caller may report on the item.
  'DELETE /api/v1/agreements/:id/plan/:itemId/evidence/:evidenceId': {
    owned: true,
    build: async (f, caller, owner) => {
      const found = await evidenceFor(f, caller, owner);
      return { method: 'DELETE', url: `${itemUrl(found)}/evidence/${found.evidenceId}` };
    },
    expect: only(reporters(204)),
  },
};
