import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

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

    const activated = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${created.json().id}`,
      token: admin,
      payload: { status: 'active', plan: [] },
    });
    expect(activated.json()).toMatchObject({ status: 'active', plan: [] });

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

  it('answers 404 for an agreement that does not exist', async () => {
    const token = await t.login('student1@psu.exchange.test');
    const response = await t.request({ method: 'GET', url: '/api/v1/agreements/00000000-0000-4000-8000-000000000000', token });
    expect(response.statusCode).toBe(404);
    const malformed = await t.request({ method: 'GET', url: '/api/v1/agreements/not-a-uuid', token });
    expect(malformed.statusCode).toBe(400);
  });
});
