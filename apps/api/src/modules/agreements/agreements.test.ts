import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEntries } from '@exchange/db';
import { pdf } from '../../test/fixtures/security.js';
import { createTestContext, multipart, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.close());

describe('agreements', () => {
  it('shows the tripartite agreement with its three parties and plan of measures', async () => {
    const token = await t.login('student1@buas.exchange.test');
    const list = await t.request({ method: 'GET', url: '/api/v1/agreements', token });
    expect(list.statusCode).toBe(200);
    const [agreement] = list.json().items;
    expect(agreement).toMatchObject({ status: 'active', validFrom: '2024-05-01', validTo: '2026-12-31' });
    expect(agreement.parties.map((party: { code: string }) => party.code)).toEqual(['BRI', 'BUAS', 'PSU']);
    expect(agreement.plan.length).toBeGreaterThan(0);
    expect(agreement.title.zh).toContain('三方');
    const one = await t.request({ method: 'GET', url: `/api/v1/agreements/${agreement.id}`, token });
    expect(one.json()).toEqual(agreement);
  });

  it('lets an admin draft a new agreement and revise its plan', async () => {
    const admin = await t.login('admin@exchange.test');
    const [psu, buas] = [await t.institutionId('PSU'), await t.institutionId('BUAS')];
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/agreements',
      token: admin,
      payload: {
        title: { en: 'Bilateral agreement 2027–2029', ru: 'Двустороннее соглашение 2027–2029', zh: '' },
        partyIds: [psu, buas],
        validFrom: '2027-01-01',
        validTo: '2029-12-31',
        plan: [{ title: { en: 'Joint conference', ru: '', zh: '联合会议' }, deadline: '2027-10-01', responsibleInstitutionId: buas }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', plan: [{ status: 'planned', responsibleInstitutionId: buas }] });

    const backwards = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${created.json().id}`,
      token: admin,
      payload: { validTo: '2026-01-01' },
    });
    expect(backwards.statusCode).toBe(422);

    // The plan changes item by item: replacing it whole would lose its items' history and evidence.
    const wholePlan = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${created.json().id}`,
      token: admin,
      payload: { status: 'active', plan: [] },
    });
    expect(wholePlan.statusCode).toBe(400);
    const activated = await t.request({ method: 'PATCH', url: `/api/v1/agreements/${created.json().id}`, token: admin, payload: { status: 'active' } });
    expect(activated.json()).toMatchObject({ status: 'active', plan: [{ title: { zh: '联合会议' } }] });

    const coordinator = await t.login('coordinator@psu.exchange.test');
    const refused = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${created.json().id}`,
      token: coordinator,
      payload: { status: 'terminated' },
    });
    expect(refused.statusCode).toBe(403);
    expect(problemOf(refused).code).toBe('forbidden');
  });

  it('keeps the signed agreement as a PDF that signed-in readers download', async () => {
    const admin = await t.login('admin@exchange.test');
    const student = await t.login('student1@psu.exchange.test');
    const id = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: student })).json().items.at(-1).id;
    const url = `/api/v1/agreements/${id}/document`;
    expect((await t.request({ method: 'GET', url, token: student })).statusCode).toBe(404);

    const png = multipart({}, { name: 'scan.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) });
    const refused = await t.request({ method: 'POST', url, token: admin, payload: png.payload, headers: png.headers });
    expect(refused.statusCode).toBe(415);
    expect(problemOf(refused).code).toBe('unsupported_file_type');

    const first = multipart({}, { name: 'signed.pdf', content: pdf });
    expect((await t.request({ method: 'POST', url, token: admin, payload: first.payload, headers: first.headers })).statusCode).toBe(200);
    const newer = Buffer.concat([pdf, Buffer.from('% countersigned\n')]);
    const second = multipart({}, { name: 'signed-final.pdf', content: newer });
    const replaced = await t.request({ method: 'POST', url, token: admin, payload: second.payload, headers: second.headers });
    expect(replaced.json()).toMatchObject({ size: newer.length, fileName: expect.stringMatching(/^agreement-.*\.pdf$/) });

    const download = await t.request({ method: 'GET', url, token: student });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(newer)).toBe(true);
    expect((await t.request({ method: 'GET', url: `/api/v1/agreements/${id}`, token: student })).json().document).toMatchObject({ size: newer.length });

    const coordinator = await t.login('coordinator@psu.exchange.test');
    expect((await t.request({ method: 'POST', url, token: coordinator, payload: first.payload, headers: first.headers })).statusCode).toBe(403);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, id));
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['agreement.document_upload', 'agreement.document_replace']));
  });

  it('answers 404 for an agreement that does not exist', async () => {
    const token = await t.login('student1@psu.exchange.test');
    const response = await t.request({ method: 'GET', url: '/api/v1/agreements/00000000-0000-4000-8000-000000000000', token });
    expect(response.statusCode).toBe(404);
    const malformed = await t.request({ method: 'GET', url: '/api/v1/agreements/not-a-uuid', token });
    expect(malformed.statusCode).toBe(400);
  });
});
