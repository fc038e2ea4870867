/** The applications module: calls as students see them, and the lines a call may offer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationsFixture } from '../../test/fixtures/applications.js';
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
