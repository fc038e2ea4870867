import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotaLines } from '@exchange/db';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
let admin: string;
let agreementId: string;
type Quota = {
  id: string;
  seats: number;
  used: number;
  remaining: number;
  academicYear: string;
  sendingInstitutionId: string;
  receivingInstitutionId: string;
};
let quotas: Quota[];

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin@exchange.test');
  agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: admin })).json().items[0].id;
  quotas = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas`, token: admin })).json().items;
});
afterAll(() => t?.close());

describe('quota lines', () => {
  it('lists every direction for both academic years with seats, used and remaining', async () => {
    expect(quotas.length).toBeGreaterThanOrEqual(12);
    const directions = new Set(quotas.map((quota) => `${quota.sendingInstitutionId}>${quota.receivingInstitutionId}`));
    expect(directions.size).toBe(6);
    expect(new Set(quotas.map((quota) => quota.academicYear))).toEqual(new Set(['2025/2026', '2026/2027']));
    for (const quota of quotas) expect(quota.remaining).toBe(quota.seats - quota.used);

    const student = await t.login('student1@psu.exchange.test');
    const filtered = await t.request({
      method: 'GET',
      url: `/api/v1/agreements/${agreementId}/quotas?academicYear=2026/2027`,
      token: student,
    });
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().items.every((quota: Quota) => quota.academicYear === '2026/2027')).toBe(true);
  });

  it('refuses a coordinator who tries to change seats, and changes nothing', async () => {
    const coordinator = await t.login('coordinator@buas.exchange.test');
    const target = quotas[0]!;
    const response = await t.request({ method: 'PATCH', url: `/api/v1/quotas/${target.id}`, token: coordinator, payload: { seats: 99 } });
    expect(response.statusCode).toBe(403);
    expect(problemOf(response).code).toBe('forbidden');
    const after = await t.request({ method: 'GET', url: `/api/v1/quotas/${target.id}`, token: admin });
    expect(after.json().seats).toBe(target.seats);
  });

  it('never lets seats drop below the seats already taken', async () => {
    const target = quotas[1]!;
    // Two seats are held by nominations (nominations arrive with the allocation feature).
    await t.database.db
      .update(quotaLines)
      .set({ used: 2, seats: sql`greatest(${quotaLines.seats}, 2)` })
      .where(eq(quotaLines.id, target.id));
    const refused = await t.request({ method: 'PATCH', url: `/api/v1/quotas/${target.id}`, token: admin, payload: { seats: 1 } });
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).code).toBe('seats_below_used');

    const accepted = await t.request({ method: 'PATCH', url: `/api/v1/quotas/${target.id}`, token: admin, payload: { seats: 2 } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ seats: 2, used: 2, remaining: 0 });
  });

  it('keeps the invariant in the database itself', async () => {
    const target = quotas[2]!;
    await expect(
      t.database.db
        .update(quotaLines)
        .set({ used: target.seats + 1 })
        .where(eq(quotaLines.id, target.id)),
    ).rejects.toThrow();
    await expect(t.database.db.update(quotaLines).set({ seats: -1 }).where(eq(quotaLines.id, target.id))).rejects.toThrow();
  });

  it('creates a line only between parties of the agreement, and records who did it', async () => {
    const [psu, bri] = [await t.institutionId('PSU'), await t.institutionId('BRI')];
    const body = {
      agreementId,
      sendingInstitutionId: psu,
      receivingInstitutionId: bri,
      academicYear: '2027/2028',
      mobilityType: 'summer_school',
      seats: 3,
      eqfLevels: [6, 7],
      iscedCodes: ['0716'],
      languageRequirement: { language: 'zh', scale: 'HSK', level: '3' },
    };
    const created = await t.request({ method: 'POST', url: '/api/v1/quotas', token: admin, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ seats: 3, used: 0, remaining: 3, totalMonths: null });

    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?entityType=quota&entityId=${created.json().id}`, token: admin });
    expect(audit.json().items[0]).toMatchObject({ action: 'quota.create', actorEmail: 'admin@exchange.test' });

    const sameParty = await t.request({
      method: 'POST',
      url: '/api/v1/quotas',
      token: admin,
      payload: { ...body, receivingInstitutionId: psu },
    });
    expect(sameParty.statusCode).toBe(400);
    const badYear = await t.request({
      method: 'POST',
      url: '/api/v1/quotas',
      token: admin,
      payload: { ...body, academicYear: '2027/2029' },
    });
    expect(problemOf(badYear).errors?.[0]?.path).toBe('body.academicYear');
    const badLevel = await t.request({
      method: 'POST',
      url: '/api/v1/quotas',
      token: admin,
      payload: { ...body, languageRequirement: { language: 'zh', scale: 'HSK', level: 'C1' } },
    });
    expect(problemOf(badLevel).errors?.[0]?.path).toBe('body.languageRequirement.level');
  });

  it('refuses a client that sends `used` or other fields it may not set', async () => {
    const target = quotas[3]!;
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/quotas/${target.id}`,
      token: admin,
      payload: { seats: 10, used: 0 },
    });
    expect(response.statusCode).toBe(400);
    const after = await t.request({ method: 'GET', url: `/api/v1/quotas/${target.id}`, token: admin });
    expect(after.json().seats).toBe(target.seats);
  });

  it('writes the audit entry in the same transaction as the change', async () => {
    const target = quotas[4]!;
    const before = await t.database.rows<{ n: number }>('select count(*)::int as n from audit_entries where entity_id = $1', [target.id]);
    await t.request({ method: 'PATCH', url: `/api/v1/quotas/${target.id}`, token: admin, payload: { seats: target.seats + 1 } });
    const entries = (await t.request({ method: 'GET', url: `/api/v1/audit?entityId=${target.id}`, token: admin })).json().items;
    expect(entries.length).toBe(before[0]!.n + 1);
    expect(entries[0]).toMatchObject({ action: 'quota.update', before: { seats: target.seats }, after: { seats: target.seats + 1 } });
  });
});
