/** The plan's notes, progress and reports reach administrators and the parties' staff only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helper.js';

let t: TestContext;
let agreementId = '';
beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.login('admin@exchange.test');
  const [psu, buas] = [await t.institutionId('PSU'), await t.institutionId('BUAS')];
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/agreements',
    token: admin,
    payload: {
      title: { en: 'Bilateral PSU–BUAS', ru: 'Двустороннее ПГУ–БУАС', zh: '双边协议' },
      partyIds: [psu, buas],
      validFrom: '2027-01-01',
      validTo: '2029-12-31',
      plan: [{ title: { en: 'Joint conference', ru: 'Совместная конференция', zh: '联合会议' }, deadline: '2027-10-01', responsibleInstitutionId: psu }],
    },
  });
  agreementId = created.json().id;
  const coordinator = await t.login('coordinator@psu.exchange.test');
  const itemId = created.json().plan[0].id;
  const reported = await t.request({
    method: 'PATCH',
    url: `/api/v1/agreements/${agreementId}/plan/${itemId}`,
    token: coordinator,
    payload: { status: 'in_progress', note: 'Budget talks with the sponsor', locale: 'en' },
  });
  expect(reported.statusCode).toBe(200);
}, 120_000);
afterAll(() => t?.close());

async function planAs(email: string) {
  const token = await t.login(email);
  const one = await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}`, token });
  const list = await t.request({ method: 'GET', url: '/api/v1/agreements?limit=100', token });
  const listed = list.json().items.find((agreement: { id: string }) => agreement.id === agreementId);
  return { token, one: one.json().plan[0], listed: listed.plan[0] };
}

const reportUrls = () => ['progress', 'export.xlsx', 'export.pdf'].map((tail) => `/api/v1/agreements/${agreementId}/plan/${tail}`);

describe('who reads the plan’s notes', () => {
  it('shows the notes, progress and reports to administrators and the parties’ staff', async () => {
    for (const email of ['admin@exchange.test', 'coordinator@psu.exchange.test', 'coordinator@buas.exchange.test', 'reviewer@buas.exchange.test']) {
      const { token, one, listed } = await planAs(email);
      expect(one).toMatchObject({ status: 'in_progress', note: 'Budget talks with the sponsor', noteLocale: 'en' });
      expect(listed).toEqual(one);
      for (const url of reportUrls()) expect((await t.request({ method: 'GET', url, token })).statusCode, `${email} ${url}`).toBe(200);
    }
  });

  it('hides them from students and from a coordinator of an institution that is no party', async () => {
    for (const email of ['student1@psu.exchange.test', 'student1@buas.exchange.test', 'coordinator@bri.exchange.test']) {
      const { token, one, listed } = await planAs(email);
      // The measure and its status stay public; what was reported on it does not.
      expect(one).toMatchObject({ title: { en: 'Joint conference' }, status: 'in_progress', note: null, noteLocale: null });
      expect(listed).toEqual(one);
      for (const url of reportUrls()) {
        const response = await t.request({ method: 'GET', url, token });
        expect(response.statusCode, `${email} ${url}`).toBe(404);
        expect(response.body).not.toContain('Budget talks');
      }
    }
  });
});
