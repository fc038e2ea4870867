/**
 * The plan of measures through HTTP: an administrator adds a measure, the responsible
 * institution's coordinator reports it done with a note and evidence, everyone else is told
 * it does not exist, and every change is in the audit log and the item's history.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, planItemEvidence, planItems } from '@exchange/db';
import { pdf } from '../../test/fixtures/security.js';
import { createTestContext, multipart, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
/** 10 August 2026: the summer school (due 31 July, in progress) is late. */
let now = new Date('2026-08-10T06:00:00Z');
let agreementId = '';
const tokens: Record<string, string> = {};
const missing = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  for (const [name, email] of Object.entries({
    admin: 'admin@exchange.test',
    buas: 'coordinator@buas.exchange.test',
    psu: 'coordinator@psu.exchange.test',
    reviewer: 'reviewer@buas.exchange.test',
    student: 'student1@psu.exchange.test',
  }))
    tokens[name] = await t.login(email);
  agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: tokens.student })).json().items[0].id;
}, 120_000);
afterAll(() => t?.close());

const url = (suffix = '') => `/api/v1/agreements/${agreementId}/plan${suffix}`;
const writes = async () => {
  const db = t.database.db;
  const [[items], [files], [audit]] = await Promise.all([
    db.select({ n: count() }).from(planItems),
    db.select({ n: count() }).from(planItemEvidence),
    db.select({ n: count() }).from(auditEntries),
  ]);
  return { items: items!.n, files: files!.n, audit: audit!.n };
};

describe('plan of measures', () => {
  let itemId = '';

  it('flags the seeded summer school as overdue on the agreement page', async () => {
    const agreement = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}`, token: tokens.student })).json();
    const summer = agreement.plan.find((item: { title: { en: string } }) => item.title.en.includes('summer school'));
    expect(summer).toMatchObject({ deadline: '2026-07-31', status: 'in_progress', overdue: true });
    expect(agreement.plan.filter((item: { overdue: boolean }) => item.overdue)).toHaveLength(1);
  });

  it('lets an administrator add a measure for one of the parties', async () => {
    const buas = await t.institutionId('BUAS');
    const created = await t.request({
      method: 'POST',
      url: url(),
      token: tokens.admin,
      payload: {
        title: { en: 'Joint photo exhibition', ru: 'Совместная фотовыставка', zh: '联合摄影展' },
        deadline: '2026-10-15',
        responsibleInstitutionId: buas,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'planned', responsibleInstitutionId: buas, note: null, overdue: false });
    itemId = created.json().id;
    const agreement = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}`, token: tokens.admin })).json();
    expect(agreement.plan.at(-1).id).toBe(itemId);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const before = await writes();
    const notParty = await t.request({
      method: 'POST',
      url: url(),
      token: tokens.admin,
      payload: { title: { en: 'Somewhere else', ru: '', zh: '' }, responsibleInstitutionId: missing },
    });
    expect(notParty.statusCode).toBe(422);
    expect(problemOf(notParty).code).toBe('not_a_party');
    const unknownStatus = await t.request({ method: 'PATCH', url: url(`/${itemId}`), token: tokens.buas, payload: { status: 'finished' } });
    expect(unknownStatus.statusCode).toBe(400);
    expect(problemOf(unknownStatus).code).toBe('validation_failed');
    const text = multipart({}, { name: 'minutes.txt', content: Buffer.from('Minutes of the meeting') });
    const notDocument = await t.request({ method: 'POST', url: url(`/${itemId}/evidence`), token: tokens.buas, payload: text.payload, headers: text.headers });
    expect(notDocument.statusCode).toBe(415);
    expect(problemOf(notDocument).code).toBe('unsupported_file_type');
    const moved = await t.request({ method: 'PATCH', url: url(`/${itemId}`), token: tokens.admin, payload: { responsibleInstitutionId: missing } });
    expect(problemOf(moved).code).toBe('not_a_party');
    expect(await writes()).toEqual(before);
  });

  it('lets the responsible coordinator mark it done with a note and evidence', async () => {
    const file = multipart({}, { name: 'exhibition.pdf', content: pdf });
    const uploaded = await t.request({ method: 'POST', url: url(`/${itemId}/evidence`), token: tokens.buas, payload: file.payload, headers: file.headers });
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ contentType: 'application/pdf', uploadedBy: { name: '王丽华' } });

    const done = await t.request({
      method: 'PATCH',
      url: url(`/${itemId}`),
      token: tokens.buas,
      payload: { status: 'done', note: '展览已于十月举办，共展出120幅作品。' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', note: '展览已于十月举办，共展出120幅作品。', noteLocale: 'zh', overdue: false });

    // The coordinator reports; the rest is the administrators'.
    const retitled = await t.request({ method: 'PATCH', url: url(`/${itemId}`), token: tokens.buas, payload: { deadline: '2027-01-01' } });
    expect(retitled.statusCode).toBe(403);

    const detail = (await t.request({ method: 'GET', url: url(`/${itemId}`), token: tokens.reviewer })).json();
    expect(detail).toMatchObject({ canReport: false, item: { status: 'done' } });
    expect(detail.evidence).toHaveLength(1);
    const download = await t.request({ method: 'GET', url: url(`/${itemId}/evidence/${detail.evidence[0].id}`), token: tokens.psu });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('answers 404 to any other party’s coordinator, reviewers and students, exactly as for a missing item', async () => {
    const missingItem = await t.request({ method: 'PATCH', url: url(`/${missing}`), token: tokens.psu, payload: { status: 'cancelled' } });
    expect(missingItem.statusCode).toBe(404);
    for (const token of [tokens.psu, tokens.reviewer, tokens.student]) {
      const refused = await t.request({ method: 'PATCH', url: url(`/${itemId}`), token, payload: { status: 'cancelled' } });
      expect(refused.statusCode).toBe(404);
      const { instance: _a, requestId: _b, ...answer } = refused.json();
      const { instance: _c, requestId: _d, ...missingAnswer } = missingItem.json();
      expect(answer).toEqual(missingAnswer);
    }
    const file = multipart({}, { name: 'other.pdf', content: pdf });
    const upload = await t.request({ method: 'POST', url: url(`/${itemId}/evidence`), token: tokens.psu, payload: file.payload, headers: file.headers });
    expect(upload.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: url(`/${itemId}`), token: tokens.student })).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(planItems).where(eq(planItems.id, itemId));
    expect(row!.status).toBe('done');
  });

  it('keeps every change in the audit log and the item’s history', async () => {
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, itemId));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['plan_item.create', 'plan_item.evidence_add', 'plan_item.update']);
    const history = (await t.request({ method: 'GET', url: url(`/${itemId}/history`), token: tokens.admin })).json().items;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['plan_item.create', 'plan_item.evidence_add', 'plan_item.update']);
    expect(history[2]).toMatchObject({
      by: { name: '王丽华' },
      changes: expect.arrayContaining([
        { field: 'status', from: 'planned', to: 'done' },
        { field: 'noteLocale', from: null, to: 'zh' },
      ]),
    });
    expect(history[1].changes).toEqual([{ field: 'evidence', from: null, to: expect.stringMatching(/^evidence-.*\.pdf$/) }]);
  });

  it('counts the plan by party and by year for the parties’ staff', async () => {
    const progress = (await t.request({ method: 'GET', url: url('/progress'), token: tokens.reviewer })).json();
    const buasId = await t.institutionId('BUAS');
    const buas = progress.byParty.find((entry: { institutionId: string }) => entry.institutionId === buasId);
    expect(buas).toMatchObject({ total: 2, counts: { done: 2 } });
    expect(progress.all).toMatchObject({ total: 6, overdue: 1, counts: { planned: 1, in_progress: 1, done: 4, cancelled: 0 } });
    expect(progress.byYear.map((entry: { year: number }) => entry.year)).toEqual([2024, 2025, 2026]);
    expect(progress.byYear[2]).toMatchObject({ total: 3, overdue: 1 });
  });

  it('reorders and removes measures for administrators only', async () => {
    const plan = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}`, token: tokens.admin })).json().plan as { id: string }[];
    const reversed = plan.map((item) => item.id).reverse();
    const partial = await t.request({ method: 'PUT', url: url('/order'), token: tokens.admin, payload: { itemIds: reversed.slice(1) } });
    expect(problemOf(partial).code).toBe('plan_order_mismatch');
    const ordered = await t.request({ method: 'PUT', url: url('/order'), token: tokens.admin, payload: { itemIds: reversed } });
    expect(ordered.json().items.map((item: { id: string }) => item.id)).toEqual(reversed);
    expect((await t.request({ method: 'DELETE', url: url(`/${itemId}`), token: tokens.buas })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: url(`/${itemId}`), token: tokens.admin })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: url(`/${itemId}`), token: tokens.admin })).statusCode).toBe(404);
    expect(await t.database.db.select().from(planItemEvidence).where(eq(planItemEvidence.planItemId, itemId))).toEqual([]);
    // The history of a removed measure stays in the audit log.
    const [removed] = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'plan_item.delete'));
    expect(removed).toMatchObject({ entityId: itemId, actorEmail: 'admin@exchange.test' });
    now = new Date('2026-08-11T06:00:00Z');
  });
});
