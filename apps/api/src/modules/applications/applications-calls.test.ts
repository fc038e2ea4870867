/** The applications module: calls as students see them, the lines a call may offer, and a draft of a call with one line. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationsFixture, closesAt } from '../../test/fixtures/applications.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f } = applicationsFixture();
let t: TestContext;
let coordinator: string;
let student: string;
let callId: string;
let quotaIds: string[];
beforeAll(() => {
  ({ t, coordinator, student, callId, quotaIds } = f);
});

describe('calls', () => {
  it('shows students the open calls of their own institution only, with the lines offered', async () => {
    const open = await t.request({ method: 'GET', url: '/api/v1/calls?open=true', token: student });
    const ids = open.json().items.map((call: { id: string }) => call.id);
    expect(ids).toContain(callId);
    const ours = open.json().items.find((call: { id: string }) => call.id === callId);
    expect(ours).toMatchObject({ isOpen: true, maxPreferences: 2, quotaIds: expect.arrayContaining(quotaIds) });
    expect(ours.quotas[0]).toHaveProperty('remaining');

    const buasStudent = await t.login('student1@buas.exchange.test');
    const foreign = await t.request({ method: 'GET', url: `/api/v1/calls/${callId}`, token: buasStudent });
    expect(foreign.statusCode).toBe(404);
  });

  it('offers only lines the institution sends on, for the call’s year and kind', async () => {
    const all = (await t.request({ method: 'GET', url: `/api/v1/calls/${callId}`, token: coordinator })).json();
    const agreementId = all.quotas[0].agreementId;
    const lines = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas`, token: coordinator })).json().items;
    const foreignLine = lines.find((line: { sendingInstitutionId: string }) => line.sendingInstitutionId !== all.institutionId);
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/calls/${callId}`,
      token: coordinator,
      payload: { quotaIds: [foreignLine.id] },
    });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response).errors?.[0]).toMatchObject({ path: 'body.quotaIds.0', code: 'not_sending' });

    const buasCoordinator = await t.login('coordinator@buas.exchange.test');
    const notTheirs = await t.request({
      method: 'PATCH',
      url: `/api/v1/calls/${callId}`,
      token: buasCoordinator,
      payload: { maxPreferences: 5 },
    });
    expect(notTheirs.statusCode).toBe(404);
  });
});

describe('a call with one line', () => {
  it('starts each draft with that line chosen; a call with more lines leaves the choice to the student', async () => {
    const single = await t.request({
      method: 'POST',
      url: '/api/v1/calls',
      token: coordinator,
      payload: {
        title: { en: 'One line to Baoji', ru: 'Одно направление в Баоцзи', zh: '一个名额方向' },
        academicYear: '2025/2026',
        mobilityType: 'semester',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: closesAt.toISOString(),
        maxPreferences: 1,
        requiredDocuments: [],
        quotaIds: [quotaIds[0]],
        status: 'published',
      },
    });
    expect(single.statusCode).toBe(201);
    const other = await t.login('student2@psu.exchange.test');
    const draft = await t.request({ method: 'POST', url: '/api/v1/applications', token: other, payload: { callId: single.json().id } });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().preferences).toEqual([{ quotaId: quotaIds[0], rank: 1 }]);
    const saved = (await t.request({ method: 'GET', url: `/api/v1/applications/${draft.json().id}`, token: other })).json();
    expect(saved.preferences).toEqual([{ quotaId: quotaIds[0], rank: 1 }]);

    const several = await t.request({ method: 'POST', url: '/api/v1/applications', token: other, payload: { callId } });
    expect(several.statusCode).toBe(201);
    expect(several.json().preferences).toEqual([]);
  });
});
