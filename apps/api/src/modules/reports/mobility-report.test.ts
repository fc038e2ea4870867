/** `GET /reports/mobilities` over the demo mobilities: counts by stage, months and funding per direction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobilities } from '@exchange/db';
import { monthsOfStay } from '@exchange/shared';
import { createTestContext, type TestContext } from '../../test/helper.js';

let t: TestContext;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await createTestContext();
  ids = { PSU: await t.institutionId('PSU'), BUAS: await t.institutionId('BUAS'), BRI: await t.institutionId('BRI') };
});
afterAll(() => t?.close());

const report = async (email: string, year = '2026/2027') =>
  t.request({ method: 'GET', url: `/api/v1/reports/mobilities?academicYear=${encodeURIComponent(year)}`, token: await t.login(email) });

type Direction = { sendingInstitutionId: string; receivingInstitutionId: string; [key: string]: unknown };

describe('the mobilities report', () => {
  it('counts each direction’s mobilities by stage, with months and funding that equal the stays', async () => {
    const response = await report('admin@exchange.test');
    expect(response.statusCode).toBe(200);
    const directions = response.json().directions as Direction[];
    expect(directions).toHaveLength(6);
    const stays = await t.database.db.select().from(mobilities);
    for (const direction of directions) {
      const own = stays.filter(
        (stay) =>
          stay.academicYear === '2026/2027' &&
          stay.sendingInstitutionId === direction.sendingInstitutionId &&
          stay.receivingInstitutionId === direction.receivingInstitutionId,
      );
      const count = (test: (stay: (typeof own)[number]) => boolean) => own.filter(test).length;
      expect(direction).toMatchObject({
        preparing: count((stay) => stay.status === 'preparing'),
        abroad: count((stay) => stay.status === 'abroad'),
        returned: count((stay) => stay.status === 'returned' && !stay.interrupted),
        interrupted: count((stay) => stay.status === 'returned' && stay.interrupted),
        recognised: count((stay) => stay.status === 'recognised'),
        cancelled: count((stay) => stay.status === 'cancelled'),
      });
    }
    const buasToPsu = directions.find((d) => d.sendingInstitutionId === ids.BUAS && d.receivingInstitutionId === ids.PSU)!;
    expect(buasToPsu).toMatchObject({ abroad: 1, recognised: 1, totalMonths: 20 });
    const months = stays
      .filter((stay) => stay.academicYear === '2026/2027' && stay.sendingInstitutionId === ids.BUAS && stay.receivingInstitutionId === ids.PSU)
      .map((stay) => monthsOfStay(stay.arrivedOn ?? stay.plannedStart!, stay.departedOn ?? stay.plannedEnd!));
    expect(buasToPsu.monthsUsed).toBe(months[0]! + months[1]!);
    expect(buasToPsu.funding).toEqual([{ currency: 'CNY', total: 3000 * (months[0]! + months[1]!) }]);
    const psuToBuas = directions.find((d) => d.sendingInstitutionId === ids.PSU && d.receivingInstitutionId === ids.BUAS)!;
    expect(psuToBuas).toMatchObject({ preparing: 2, recognised: 1 });
  });

  it('shows staff only the directions touching their institution', async () => {
    const response = await report('coordinator@bri.exchange.test');
    expect(response.statusCode).toBe(200);
    const directions = response.json().directions as Direction[];
    expect(directions).toHaveLength(4);
    for (const direction of directions) expect([direction.sendingInstitutionId, direction.receivingInstitutionId]).toContain(ids.BRI);
  });

  it('refuses a malformed academic year and students', async () => {
    expect((await report('admin@exchange.test', '2026')).statusCode).toBe(400);
    expect((await report('student1@psu.exchange.test')).statusCode).toBe(403);
  });
});
