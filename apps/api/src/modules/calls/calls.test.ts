import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
let admin: string;
let psuCoordinator: string;
let psu: string;
let buas: string;
let psuLines: string[];

const body = (extra: Record<string, unknown> = {}) => ({
  title: { ru: 'Весенний семестр', zh: '春季学期', en: 'Spring semester' },
  academicYear: '2025/2026',
  mobilityType: 'semester',
  opensAt: new Date(Date.now() + 86_400_000).toISOString(),
  closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  ...extra,
});

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin@exchange.test');
  psuCoordinator = await t.login('coordinator@psu.exchange.test');
  [psu, buas] = [await t.institutionId('PSU'), await t.institutionId('BUAS')];
  const agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: admin })).json().items[0].id;
  const lines = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas?academicYear=2025/2026`, token: admin })).json().items;
  psuLines = lines
    .filter((line: { sendingInstitutionId: string; mobilityType: string }) => line.sendingInstitutionId === psu && line.mobilityType === 'semester')
    .map((line: { id: string }) => line.id);
});
afterAll(() => t?.close());

const callsOf = async (institutionId: string) =>
  (await t.request({ method: 'GET', url: '/api/v1/calls?limit=100', token: admin }))
    .json()
    .items.filter((call: { institutionId: string }) => call.institutionId === institutionId).length;

describe('creating calls', () => {
  it('lets an administrator create a call for the institution it names, with that institution’s lines', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/calls',
      token: admin,
      payload: body({ institutionId: psu, quotaIds: psuLines }),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ institutionId: psu, status: 'draft', quotaIds: expect.arrayContaining(psuLines) });
    // The PSU office sees and manages it as its own.
    const seen = await t.request({ method: 'GET', url: `/api/v1/calls/${created.json().id}`, token: psuCoordinator });
    expect(seen.statusCode).toBe(200);
    const audit = (await t.request({ method: 'GET', url: '/api/v1/audit?limit=100', token: admin })).json().items;
    expect(
      audit.some(
        (entry: { action: string; entityId: string; institutionId: string }) =>
          entry.action === 'call.create' && entry.entityId === created.json().id && entry.institutionId === psu,
      ),
    ).toBe(true);
  });

  it('asks an administrator which institution, and refuses one that does not exist or lines it does not send on', async () => {
    const unnamed = await t.request({ method: 'POST', url: '/api/v1/calls', token: admin, payload: body() });
    expect(unnamed.statusCode).toBe(422);
    expect(problemOf(unnamed).errors?.[0]).toMatchObject({ path: 'body.institutionId', code: 'required' });
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/calls',
      token: admin,
      payload: body({ institutionId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(unknown.statusCode).toBe(422);
    expect(problemOf(unknown).errors?.[0]).toMatchObject({ path: 'body.institutionId', code: 'not_found' });
    const foreignLines = await t.request({
      method: 'POST',
      url: '/api/v1/calls',
      token: admin,
      payload: body({ institutionId: buas, quotaIds: psuLines.slice(0, 1) }),
    });
    expect(foreignLines.statusCode).toBe(422);
    expect(problemOf(foreignLines).errors?.[0]).toMatchObject({ path: 'body.quotaIds.0', code: 'not_sending' });
  });

  it('keeps a coordinator to its own institution: naming another is refused and creates nothing', async () => {
    const before = await callsOf(buas);
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/calls',
      token: psuCoordinator,
      payload: body({ institutionId: buas }),
    });
    expect(foreign.statusCode).toBe(403);
    expect(problemOf(foreign).code).toBe('forbidden');
    expect(await callsOf(buas)).toBe(before);

    const own = await t.request({ method: 'POST', url: '/api/v1/calls', token: psuCoordinator, payload: body({ institutionId: psu }) });
    expect(own.statusCode).toBe(201);
    expect(own.json().institutionId).toBe(psu);
    const implicit = await t.request({ method: 'POST', url: '/api/v1/calls', token: psuCoordinator, payload: body() });
    expect(implicit.statusCode).toBe(201);
    expect(implicit.json().institutionId).toBe(psu);
  });

  it('still refuses students and reviewers', async () => {
    for (const email of ['student1@psu.exchange.test', 'reviewer@buas.exchange.test']) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/calls',
        token: await t.login(email),
        payload: body({ institutionId: psu }),
      });
      expect(response.statusCode, email).toBe(403);
    }
  });
});

describe('editing a call students have applied to', () => {
  const psuCall = async () => {
    const items = (await t.request({ method: 'GET', url: '/api/v1/calls?limit=100', token: psuCoordinator })).json().items;
    return items.find((call: { institutionId: string; languageRequirement: unknown }) => call.institutionId === psu && call.languageRequirement);
  };

  it('takes a new deadline and title when the terms are sent back as they are, in any key or list order', async () => {
    const call = await psuCall();
    const submitted = (await t.request({ method: 'GET', url: `/api/v1/applications?callId=${call.id}&status=submitted`, token: psuCoordinator })).json();
    expect(submitted.total).toBeGreaterThan(0);
    const { language, scale, level } = call.languageRequirement;
    const closesAt = new Date(Date.parse(call.closesAt) + 7 * 86_400_000).toISOString();
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/calls/${call.id}`,
      token: psuCoordinator,
      payload: {
        title: { ...call.title, en: 'Spring semester in Baoji, 2026/2027' },
        closesAt,
        languageRequirement: { level, scale, language },
        requiredDocuments: [...call.requiredDocuments].reverse(),
        quotaIds: [...call.quotaIds].reverse(),
        minGpa: call.minGpa,
        maxPreferences: call.maxPreferences,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().title.en).toBe('Spring semester in Baoji, 2026/2027');
    expect(Date.parse(response.json().closesAt)).toBe(Date.parse(closesAt));
  });

  it('still refuses a changed requirement once students have applied', async () => {
    const call = await psuCall();
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/calls/${call.id}`,
      token: psuCoordinator,
      payload: { languageRequirement: { ...call.languageRequirement, level: '4' } },
    });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).code).toBe('call_has_applications');
  });
});
